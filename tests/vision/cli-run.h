/* cli-run.h: run the `caiji` command from a test and read its JSON */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Runs @caiji_path with @args (NULL-terminated) in the C locale; returns
 * its exit status and its standard output in @out. */
int         cli_run_caiji    (const char        *caiji_path,
                              const char *const *args,
                              char             **out);
JsonObject *cli_parse_object (const char        *text);

G_END_DECLS
