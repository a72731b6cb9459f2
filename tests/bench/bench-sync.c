/* bench-sync.c: how fast records go from one kiosk to the hub on loopback
 *
 * Realistic records (four images, ~150 KB per record) measure throughput;
 * a backlog of small records measures the per-record cost of draining a
 * long outbox.  Everything is real: store, worker, caiji-hub, PostgreSQL.
 * Sizes: CAIJI_BENCH_RECORDS (default 200), CAIJI_BENCH_BACKLOG (default
 * 2000; the figure is 10000); 0 skips that measurement.
 * Usage: bench-sync CAIJI-HUB PG-CLUSTER.SH
 */
#include <stdio.h>
#include <stdlib.h>

#include "sync-test-env.h"

#define REALISTIC_IMAGE (150 * 1024 / CAIJI_IMAGE_N_KINDS)
#define SMALL_IMAGE     2048

static guint
env_count (const char *name,
           guint       fallback)
{
  const char *text = g_getenv (name);

  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : fallback;
}

static void
fill (Kiosk *kiosk,
      guint  count,
      gsize  image_size)
{
  for (guint i = 0; i < count; i++)
    kiosk_approve (kiosk, kiosk_captured_record (kiosk, i % 50, image_size, i));
}

static void
measure (SyncEnv    *env,
         const char *label,
         guint       count,
         gsize       image_size)
{
  Kiosk *kiosk;
  gint64 start, elapsed;
  CaijiSyncPass pass;
  double seconds;

  if (count == 0)
    return;
  kiosk = kiosk_new (env, label, 50);
  fill (kiosk, count, image_size);
  start = g_get_monotonic_time ();
  pass = kiosk_sync (kiosk, env->hub_url, 30, FALSE);
  elapsed = g_get_monotonic_time () - start;
  seconds = (double) elapsed / G_USEC_PER_SEC;
  if (pass.delivered != count)
    g_error ("%s: only %u of %u records were delivered", label, pass.delivered, count);
  printf ("%-34s %6u records x %7.1f KB: %8.2f s  %8.1f records/s  %7.2f MB/s  %6.2f ms/record\n",
          label, count, image_size * CAIJI_IMAGE_N_KINDS / 1024.0, seconds, count / seconds,
          count * (double) image_size * CAIJI_IMAGE_N_KINDS / (1024.0 * 1024.0) / seconds,
          seconds * 1000.0 / count);
  fflush (stdout);
  kiosk_free (kiosk);
}

int
main (int    argc,
      char **argv)
{
  SyncEnv env;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s CAIJI-HUB PG-CLUSTER.SH\n", argv[0]);
      return 2;
    }
  sync_env_start (&env, argv[1], argv[2], 64);
  measure (&env, "kiosk -> hub, realistic images", env_count ("CAIJI_BENCH_RECORDS", 200), REALISTIC_IMAGE);
  measure (&env, "backlog drain, small images", env_count ("CAIJI_BENCH_BACKLOG", 2000), SMALL_IMAGE);
  sync_env_stop (&env);
  return 0;
}
