/* test-store-crash.c: kill -9 a writer at random moments, 100 times
 *
 * After every kill the database must open, pass the integrity and
 * foreign-key checks, and hold every commit the writer reported: the
 * record, its exact image bytes (decrypted, unless retention purged
 * them), and at least the status it reached.  Approved records must all
 * be in the outbox.  The writer also rotates the data key and purges
 * images, so kills land inside those too.
 */
#include <gio/gio.h>
#include <signal.h>

#include "caiji-store.h"
#include "caiji-test-utils.h"

#define RUNS 200
#define IMAGE_SIZE 20000

static const char *writer_path;

typedef struct {
  gint64            id;
  CaijiRecordStatus status;
  gboolean          has_image;
  gboolean          purged;
} Promise;

static CaijiRecordStatus
stage_status (const char *stage)
{
  if (g_str_equal (stage, "synced") || g_str_equal (stage, "purged"))
    return CAIJI_RECORD_SYNCED;
  if (g_str_equal (stage, "approved"))
    return CAIJI_RECORD_APPROVED;
  if (g_str_equal (stage, "captured"))
    return CAIJI_RECORD_CAPTURED;
  return CAIJI_RECORD_DRAFT;
}

static void
note_promise (GHashTable *promises,
              const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", 2);
  gint64 id;
  Promise *promise;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  id = g_ascii_strtoll (parts[0], NULL, 10);
  if (id == 0)
    return;  /* a key rotation: promises nothing about one record */
  promise = g_hash_table_lookup (promises, &id);
  if (promise == NULL)
    {
      promise = g_new0 (Promise, 1);
      promise->id = id;
      g_hash_table_insert (promises, &promise->id, promise);
    }
  if (!g_str_equal (parts[1], "created"))
    promise->has_image = TRUE;
  promise->purged = promise->purged || g_str_equal (parts[1], "purged");
  promise->status = MAX (promise->status, stage_status (parts[1]));
}

/* Runs the writer, reads `lines` promises, lets it run a random extra
 * moment so the kill can land inside a transaction, then kills it. */
static void
run_and_kill (const char *db,
              guint       lines,
              GHashTable *promises)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) out = NULL;

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer_path, db, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
  for (guint i = 0; i < lines; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      note_promise (promises, line);
    }
  g_usleep (g_random_int_range (0, 4000));
  g_subprocess_send_signal (writer, SIGKILL);
  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (writer));
}

static void
assert_promise_kept (CaijiStore *store,
                     Promise    *promise)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = caiji_store_record_load (store, promise->id, &error);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GBytes) expected = NULL;

  g_assert_no_error (error);
  g_assert_false (record->damaged);
  g_assert_cmpint (record->status, >=, promise->status);
  if (!promise->has_image)
    return;
  image = caiji_store_record_get_image (store, promise->id, CAIJI_IMAGE_FACE, &error);
  g_assert_no_error (error);
  if (promise->purged)
    {
      g_assert_null (image);
      return;
    }
  /* A purge that committed just before the kill had no time to say so. */
  if (image == NULL && record->status == CAIJI_RECORD_SYNCED)
    return;
  expected = caiji_test_fake_jpeg (IMAGE_SIZE + promise->id, (guint32) promise->id);
  g_assert_true (g_bytes_equal (image, expected));
}

static void
assert_consistent (const char *db,
                   GHashTable *promises)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open (db, &error);
  CaijiStoreCheck check;
  GHashTableIter iter;
  Promise *promise;

  g_assert_no_error (error);
  g_assert_true (caiji_store_check (store, &check, &error));
  g_assert_cmpstr (check.integrity, ==, "ok");
  g_assert_cmpint (check.outbox_pending, ==, check.records_by_status[CAIJI_RECORD_APPROVED]);
  g_assert_cmpint (check.records, >=, g_hash_table_size (promises));
  caiji_store_check_clear (&check);

  g_hash_table_iter_init (&iter, promises);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &promise))
    assert_promise_kept (store, promise);
}

static void
test_kill_at_random (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "crash.db", NULL);
  g_autoptr(GHashTable) promises = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GPtrArray) roster = caiji_test_roster (3);
  g_autoptr(GError) error = NULL;
  CaijiStore *store = caiji_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_true (caiji_store_roster_put (store, roster, &error));
  g_object_unref (store);

  for (guint run = 0; run < RUNS; run++)
    {
      run_and_kill (db, g_random_int_range (1, 12), promises);
      assert_consistent (db, promises);
    }
  g_test_message ("%u records checked after %d kills", g_hash_table_size (promises), RUNS);
  caiji_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: test-store-crash STORE-WRITER\n");
      return 2;
    }
  writer_path = argv[1];
  g_test_add_func ("/store/crash/kill-at-random", test_kill_at_random);
  return g_test_run ();
}
