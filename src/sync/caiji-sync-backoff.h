/* caiji-sync-backoff.h: when to try a failed delivery again */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint base_seconds;   /* first delay */
  guint cap_seconds;    /* longest delay */
} CaijiBackoff;

#define CAIJI_BACKOFF_DEFAULT ((CaijiBackoff) { .base_seconds = 2, .cap_seconds = 15 * 60 })

gint64 caiji_backoff_delay        (const CaijiBackoff *backoff,
                                   int                 attempts,
                                   gint64              retry_after,
                                   GRand              *rand);
gint64 caiji_backoff_parse_retry_after (const char    *header,
                                   gint64              now);

G_END_DECLS
