/* caiji-sync-backoff.c: exponential backoff with jitter, and Retry-After
 *
 * Jitter matters here: after a hub outage every kiosk of a campus comes
 * back at once, and without it they would all retry in lockstep.
 */
#include "caiji-config.h"

#include <libsoup/soup.h>

#include "caiji-sync-backoff.h"

/* Retry-After from a hub we trust, but not blindly: a day at most. */
#define MAX_RETRY_AFTER (24 * 60 * 60)

/* attempts counts this failure too (1 after the first).  The delay doubles
 * up to the cap and is drawn between half and all of it; a Retry-After
 * that asks for longer wins. */
gint64
caiji_backoff_delay (const CaijiBackoff *backoff,
                     int                 attempts,
                     gint64              retry_after,
                     GRand              *rand)
{
  gint64 delay = backoff->base_seconds;
  gint64 jittered;

  for (int i = 1; i < attempts && delay < backoff->cap_seconds; i++)
    delay *= 2;
  delay = MIN (delay, (gint64) backoff->cap_seconds);
  jittered = delay / 2 + g_rand_int_range (rand, 0, (gint32) (delay - delay / 2) + 1);
  return MAX (MAX (jittered, 1), MIN (retry_after, MAX_RETRY_AFTER));
}

/* Seconds to wait, or -1 when absent or unreadable.  Both forms of RFC
 * 9110 are accepted: delta-seconds and an HTTP date. */
gint64
caiji_backoff_parse_retry_after (const char *header,
                                 gint64      now)
{
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (header == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (header, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;
  date = soup_date_time_new_from_http_string (header);
  if (date == NULL)
    return -1;
  return MAX (g_date_time_to_unix (date) - now, 0);
}
