/* fuzz-hub-feed.c: libFuzzer target for the hub's answers a kiosk applies
 * to its store: roster pages and review-decision pages.  Anything between
 * the kiosk and the hub (or a broken hub) can send these bytes.
 *
 * One store lives for the whole run, in a temporary folder with a test
 * key, so the store's own checks on what a page carries are fuzzed too. */
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "caiji-sync-decisions.h"
#include "caiji-sync-roster.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *store_dir;

static void
remove_store (void)
{
  const char *names[] = { "caiji.db", "caiji.db-wal", "caiji.db-shm", "caiji.db-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (store_dir, names[i], NULL);
      g_remove (path);
    }
  g_rmdir (store_dir);
}

static CaijiStore *
fuzz_store (void)
{
  static CaijiStore *store;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    return store;
  g_setenv ("CAIJI_KEK_HEX", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", FALSE);
  store_dir = g_dir_make_tmp ("caiji-fuzz-feed-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_store);
  path = g_build_filename (store_dir, "caiji.db", NULL);
  store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
apply_to (const CaijiFeed *feed,
          JsonObject      *page)
{
  g_autoptr(GError) error = NULL;
  guint applied = 0;
  gboolean more = FALSE;
  gboolean ok = caiji_sync_feed_apply_page (fuzz_store (), feed, page, &applied, &more, &error);

  g_assert (ok == (error == NULL));
  g_assert (ok || error->message[0] != '\0');
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  apply_to (&caiji_sync_roster_feed, json_node_get_object (root));
  apply_to (&caiji_sync_decisions_feed, json_node_get_object (root));
  return 0;
}
