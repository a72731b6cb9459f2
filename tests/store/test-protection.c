/* test-protection.c: ID numbers and images are sealed at rest
 *
 * Neither the database nor its WAL holds a test ID number or image bytes;
 * a wrong key file opens nothing and changes nothing; a tampered or moved
 * value is reported for that value alone; rotation keeps every value
 * readable; and a plaintext store from schema 2 is sealed on upgrade.
 */
#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "caiji-store-private.h"
#include "caiji-test-utils.h"

#define OTHER_KEK "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"

typedef struct {
  char       *dir;
  char       *path;
  CaijiStore *store;
  GPtrArray  *roster;
  gint64      record;
  GBytes     *face;
  GBytes     *card;
} Fixture;

static gint64
create_record (Fixture *fixture,
               guint    who)
{
  const CaijiCandidate *candidate = fixture->roster->pdata[who];
  gint64 id = caiji_store_record_create (fixture->store, candidate->student_no, "candidate:test", NULL);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
save_image (Fixture        *fixture,
            gint64          id,
            CaijiImageKind  kind,
            GBytes         *image)
{
  g_autoptr(GError) error = NULL;
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  update.actor = "candidate:test";
  update.action = "image.saved";
  update.image = image;
  update.image_kind = kind;
  update.card_id_number = ((CaijiCandidate *) fixture->roster->pdata[0])->id_number;
  g_assert_true (caiji_store_record_update (fixture->store, id, &update, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = caiji_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "protected.db", NULL);
  fixture->store = caiji_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->roster = caiji_test_roster (3);
  g_assert_true (caiji_store_roster_put (fixture->store, fixture->roster, &error));
  fixture->record = create_record (fixture, 0);
  fixture->face = caiji_test_fake_jpeg (30000, 11);
  fixture->card = caiji_test_fake_jpeg (40000, 12);
  save_image (fixture, fixture->record, CAIJI_IMAGE_FACE, fixture->face);
  save_image (fixture, fixture->record, CAIJI_IMAGE_CARD_FRONT, fixture->card);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->roster);
  g_bytes_unref (fixture->face);
  g_bytes_unref (fixture->card);
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_setenv ("CAIJI_KEK_HEX", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", TRUE);
}

/* The database, its WAL and its shared-memory index. */
static void
assert_nothing_readable (Fixture *fixture)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->path, suffixes[i], NULL);
      GBytes *images[] = { fixture->face, fixture->card };

      for (guint c = 0; c < fixture->roster->len; c++)
        {
          const char *id = ((CaijiCandidate *) fixture->roster->pdata[c])->id_number;

          g_assert_false (caiji_test_file_contains (path, id, strlen (id)));
        }
      for (gsize k = 0; k < G_N_ELEMENTS (images); k++)
        g_assert_false (caiji_test_file_contains (path, g_bytes_get_data (images[k], NULL), 64));
    }
}

static void
test_nothing_readable_at_rest (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(CaijiCandidate) found = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  g_autoptr(GBytes) face = NULL;
  const CaijiCandidate *first = fixture->roster->pdata[0];

  assert_nothing_readable (fixture);
  found = caiji_store_roster_find_by_id_number (fixture->store, first->id_number, NULL);
  g_assert_cmpstr (found->student_no, ==, first->student_no);
  record = caiji_store_record_load (fixture->store, fixture->record, NULL);
  g_assert_cmpstr (record->id_number, ==, first->id_number);
  g_assert_cmpstr (record->card_id_number, ==, first->id_number);
  g_assert_false (record->damaged);
  face = caiji_store_record_get_image (fixture->store, fixture->record, CAIJI_IMAGE_FACE, NULL);
  g_assert_true (g_bytes_equal (face, fixture->face));
}

static void
test_wrong_key_opens_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (fixture->path, &before, NULL, NULL));
  g_setenv ("CAIJI_KEK_HEX", OTHER_KEK, TRUE);
  other = caiji_store_open (fixture->path, &error);
  g_assert_null (other);
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_KEY);
  g_assert_true (g_file_get_contents (fixture->path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
raw_exec (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  fixture->store = caiji_store_open (fixture->path, NULL);
  g_assert_nonnull (fixture->store);
}

static void
assert_image_damaged (Fixture        *fixture,
                      gint64          id,
                      CaijiImageKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = caiji_store_record_get_image (fixture->store, id, kind, &error);

  g_assert_null (image);
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_DAMAGED);
}

/* One altered image: that image is refused, the record is flagged, and
 * its other image and the other records still open. */
static void
test_tampered_image (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) card = NULL;
  g_autoptr(CaijiRecord) record = NULL;

  raw_exec (fixture, "UPDATE images SET data = substr (data, 1, 100) || x'00' || substr (data, 102)"
                     " WHERE kind = 'face';");
  assert_image_damaged (fixture, fixture->record, CAIJI_IMAGE_FACE);
  card = caiji_store_record_get_image (fixture->store, fixture->record, CAIJI_IMAGE_CARD_FRONT, NULL);
  g_assert_true (g_bytes_equal (card, fixture->card));
  record = caiji_store_record_load (fixture->store, fixture->record, NULL);
  g_assert_true (record->damaged);
  g_assert_cmpstr (record->id_number, ==, ((CaijiCandidate *) fixture->roster->pdata[0])->id_number);
}

/* A sealed value copied into another record does not open there. */
static void
test_moved_value (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 second = create_record (fixture, 1);
  g_autoptr(CaijiRecord) record = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO images (record_id, kind, data, sha256, created_at)"
                                          " SELECT %" G_GINT64_FORMAT ", kind, data, sha256, created_at"
                                          " FROM images WHERE record_id = %" G_GINT64_FORMAT " AND kind = 'face';"
                                          "UPDATE records SET id_sealed = (SELECT id_sealed FROM records WHERE id = %"
                                          G_GINT64_FORMAT ") WHERE id = %" G_GINT64_FORMAT ";",
                                          second, fixture->record, fixture->record, second);

  raw_exec (fixture, sql);
  assert_image_damaged (fixture, second, CAIJI_IMAGE_FACE);
  record = caiji_store_record_load (fixture->store, second, NULL);
  g_assert_true (record->damaged);
  g_assert_null (record->id_number);
}

static void
test_rekey (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) face = NULL;
  g_autoptr(CaijiCandidate) found = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  const CaijiCandidate *second = fixture->roster->pdata[1];
  CaijiKey before = fixture->store->data_key;

  g_assert_true (caiji_store_rekey (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (memcmp (before.bytes, fixture->store->data_key.bytes, sizeof before.bytes) != 0);

  /* Reopening unwraps the new key from the keys table. */
  g_clear_object (&fixture->store);
  fixture->store = caiji_store_open (fixture->path, &error);
  g_assert_no_error (error);
  face = caiji_store_record_get_image (fixture->store, fixture->record, CAIJI_IMAGE_FACE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (face, fixture->face));
  found = caiji_store_roster_find_by_id_number (fixture->store, second->id_number, &error);
  g_assert_cmpstr (found->id_number, ==, second->id_number);
  record = caiji_store_record_load (fixture->store, fixture->record, &error);
  g_assert_false (record->damaged);
  g_assert_cmpstr (record->card_id_number, ==, ((CaijiCandidate *) fixture->roster->pdata[0])->id_number);
  assert_nothing_readable (fixture);
}

static void
set_status (Fixture          *fixture,
            gint64            id,
            CaijiRecordStatus status)
{
  g_autoptr(GError) error = NULL;
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  update.actor = "operator:wang";
  update.action = "record.status";
  update.set_status = TRUE;
  update.status = status;
  g_assert_true (caiji_store_record_update (fixture->store, id, &update, &error));
  g_assert_no_error (error);
}

static guint
image_count (Fixture *fixture,
             gint64   id)
{
  guint count = 0;

  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    {
      g_autoptr(GBytes) image = caiji_store_record_get_image (fixture->store, id, kind, NULL);

      count += image != NULL;
    }
  return count;
}

/* Only images of records the hub confirmed before the cut-off go; the
 * record and an audit entry of the purge stay. */
static void
test_retention_purge (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dry = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) purged = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  gint64 waiting = create_record (fixture, 1);
  gint64 now;
  CaijiAuditEntry *last;

  save_image (fixture, waiting, CAIJI_IMAGE_FACE, fixture->face);
  set_status (fixture, waiting, CAIJI_RECORD_CAPTURED);
  set_status (fixture, waiting, CAIJI_RECORD_APPROVED);
  set_status (fixture, fixture->record, CAIJI_RECORD_CAPTURED);
  set_status (fixture, fixture->record, CAIJI_RECORD_APPROVED);
  set_status (fixture, fixture->record, CAIJI_RECORD_SYNCED);
  /* Read after the delivery, so the cut-off below is after it too. */
  now = g_get_real_time () / G_USEC_PER_SEC;

  none = caiji_store_purge_images (fixture->store, now - 3600, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  dry = caiji_store_purge_images (fixture->store, now + 1, TRUE, &error);
  g_assert_cmpuint (dry->len, ==, 1);
  g_assert_cmpint (g_array_index (dry, gint64, 0), ==, fixture->record);
  g_assert_cmpuint (image_count (fixture, fixture->record), ==, 2);

  purged = caiji_store_purge_images (fixture->store, now + 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purged->len, ==, 1);
  g_assert_cmpuint (image_count (fixture, fixture->record), ==, 0);
  g_assert_cmpuint (image_count (fixture, waiting), ==, 1);
  record = caiji_store_record_load (fixture->store, fixture->record, &error);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_SYNCED);
  audit = caiji_store_audit_list (fixture->store, NULL);
  last = audit->pdata[audit->len - 1];
  g_assert_cmpstr (last->action, ==, "record.images_purged");
  g_assert_cmpint (last->record_id, ==, fixture->record);
  g_assert_cmpstr (last->detail, ==, "2 images");
}

/* Schema 2 stored everything in the clear; opening it seals it all. */
static void
test_upgrade_seals_plain_store (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autoptr(GBytes) face = caiji_test_fake_jpeg (20000, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  g_autofree char *id = caiji_test_synthetic_id (3, CAIJI_SEX_FEMALE);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (caiji_store_migrate (db, &version, 2, &error));
  g_assert_cmpint (version, ==, 2);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO roster VALUES ('s1', '测试', 'female', ?1, NULL, NULL, NULL, NULL, 1);"
    "", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO records (id, uuid, student_no, id_number, status, card_id_number, created_at, updated_at)"
    " VALUES (1, 'u-1', 's1', ?1, 'captured', ?1, 1, 1);", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO images (record_id, kind, data, sha256, created_at) VALUES (1, 'face', ?1, 'x', 1);",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (face, NULL), g_bytes_get_size (face), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (caiji_store_get_schema_version (store), ==, CAIJI_STORE_SCHEMA_VERSION);
  opened = caiji_store_record_get_image (store, 1, CAIJI_IMAGE_FACE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (opened, face));
  record = caiji_store_record_load (store, 1, &error);
  g_assert_cmpstr (record->id_number, ==, id);
  g_assert_cmpstr (record->card_id_number, ==, id);
  g_assert_false (caiji_test_file_contains (path, id, strlen (id)));
  g_assert_false (caiji_test_file_contains (path, g_bytes_get_data (face, NULL), 64));
  g_clear_object (&store);
  caiji_test_remove_tree (dir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/protection/nothing-readable-at-rest", test_nothing_readable_at_rest);
  ADD ("/protection/wrong-key", test_wrong_key_opens_nothing);
  ADD ("/protection/tampered-image", test_tampered_image);
  ADD ("/protection/moved-value", test_moved_value);
  ADD ("/protection/rekey", test_rekey);
  ADD ("/protection/retention-purge", test_retention_purge);
  g_test_add_func ("/protection/upgrade-seals-plain-store", test_upgrade_seals_plain_store);

  return g_test_run ();
}
