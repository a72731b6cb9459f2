/* bench-figures.h: small helpers the card benchmarks share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorts values (doubles) in place; 0 for none. */
double bench_median         (GArray *values);
/* CPU time of the whole process in milliseconds: what a machine shared
 * with other work still measures as one core's effort. */
double bench_process_cpu_ms (void);

G_END_DECLS
