/* test-store.c: the store keeps what it said it saved, refuses what breaks
 * a rule without changing anything, and never "upgrades" a foreign file. */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "caiji-store-private.h"
#include "caiji-test-utils.h"

typedef struct {
  char       *dir;
  char       *path;
  CaijiStore *store;
  GPtrArray  *roster;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = caiji_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sub", "caiji.db", NULL);
  fixture->store = caiji_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->roster = caiji_test_roster (3);
  g_assert_true (caiji_store_roster_put (fixture->store, fixture->roster, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->roster);
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static const CaijiCandidate *
candidate (Fixture *fixture,
           guint    i)
{
  return fixture->roster->pdata[i];
}

static gint64
create_record (Fixture *fixture,
               guint    who)
{
  g_autoptr(GError) error = NULL;
  gint64 id = caiji_store_record_create (fixture->store, candidate (fixture, who)->student_no,
                                         "candidate:test", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
set_status (Fixture          *fixture,
            gint64            id,
            CaijiRecordStatus status,
            const char       *reason,
            GError          **error)
{
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  update.actor = "operator:wang";
  update.action = "record.status";
  update.set_status = TRUE;
  update.status = status;
  update.status_reason = reason;
  return caiji_store_record_update (fixture->store, id, &update, error);
}

static CaijiStoreCheck
check_store (CaijiStore *store)
{
  g_autoptr(GError) error = NULL;
  CaijiStoreCheck check;

  g_assert_true (caiji_store_check (store, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (check.integrity, ==, "ok");
  return check;
}

static GBytes *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (data, size);
}

/* Opening */

static void
test_open_new_and_reopen (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCandidate) found = NULL;
  CaijiStoreCheck check = check_store (fixture->store);

  g_assert_cmpint (check.schema_version, ==, CAIJI_STORE_SCHEMA_VERSION);
  g_assert_cmpint (check.roster, ==, 3);
  g_assert_cmpint (check.records, ==, 0);
  caiji_store_check_clear (&check);
  g_clear_object (&fixture->store);

  fixture->store = caiji_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (caiji_store_get_schema_version (fixture->store), ==, CAIJI_STORE_SCHEMA_VERSION);
  found = caiji_store_roster_find_by_student_no (fixture->store, candidate (fixture, 2)->student_no, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id_number, ==, candidate (fixture, 2)->id_number);
}

static void
assert_refused_untouched (const char      *path,
                          CaijiStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, CAIJI_STORE_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, path));
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_refuses_garbage (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autoptr(GBytes) noise = caiji_test_fake_jpeg (64 * 1024, 7);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (noise, NULL),
                                      g_bytes_get_size (noise), NULL));
  assert_refused_untouched (path, CAIJI_STORE_ERROR_CORRUPT);
  caiji_test_remove_tree (dir);
}

static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_open_refuses_foreign_sqlite (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);

  make_sqlite_file (path, "CREATE TABLE photos (x); INSERT INTO photos VALUES (1);");
  assert_refused_untouched (path, CAIJI_STORE_ERROR_CORRUPT);
  caiji_test_remove_tree (dir);
}

static void
test_open_refuses_newer_schema (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open (path, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  make_sqlite_file (path, "PRAGMA user_version = 99;");
  assert_refused_untouched (path, CAIJI_STORE_ERROR_TOO_NEW);
  caiji_test_remove_tree (dir);
}

static void
test_open_refuses_directory (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open (dir, &error);

  g_assert_null (store);
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_OPEN);
  caiji_test_remove_tree (dir);
}

/* Roster */

static void
test_roster_upsert (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_candidate_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CaijiCandidate) found = NULL;
  CaijiCandidate *renamed = caiji_candidate_copy (candidate (fixture, 1));

  g_free (renamed->name);
  renamed->name = g_strdup ("改名");
  g_ptr_array_add (batch, renamed);
  g_assert_true (caiji_store_roster_put (fixture->store, batch, &error));
  g_assert_no_error (error);

  list = caiji_store_roster_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  found = caiji_store_roster_find_by_id_number (fixture->store, renamed->id_number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, "改名");
  g_assert_cmpint (found->sex, ==, candidate (fixture, 1)->sex);
}

static void
test_roster_not_found_is_no_error (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stranger = caiji_test_synthetic_id (777, CAIJI_SEX_FEMALE);
  g_autoptr(CaijiCandidate) found = caiji_store_roster_find_by_id_number (fixture->store, stranger, &error);

  g_assert_no_error (error);
  g_assert_null (found);
}

static void
assert_batch_refused (Fixture    *fixture,
                      GPtrArray  *batch)
{
  g_autoptr(GError) error = NULL;
  CaijiStoreCheck check;

  g_assert_false (caiji_store_roster_put (fixture->store, batch, &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID);
  check = check_store (fixture->store);
  g_assert_cmpint (check.roster, ==, 3);
  caiji_store_check_clear (&check);
}

/* A batch with one bad entry imports nothing, not even its good entries. */
static void
test_roster_refusals_are_atomic (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = caiji_test_roster (6);
  CaijiCandidate *thief = batch->pdata[5];
  CaijiCandidate *bad;

  g_free (thief->id_number);
  thief->id_number = g_strdup (candidate (fixture, 0)->id_number);
  assert_batch_refused (fixture, batch);

  g_ptr_array_set_size (batch, 5);
  bad = batch->pdata[4];
  bad->id_number[17] = bad->id_number[17] == '0' ? '1' : '0';
  assert_batch_refused (fixture, batch);
}

/* Records */

static void
test_record_create (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  g_autoptr(CaijiRecord) by_uuid = NULL;
  gint64 id = create_record (fixture, 1);
  CaijiStatusChange *first;

  record = caiji_store_record_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_DRAFT);
  g_assert_cmpstr (record->student_no, ==, candidate (fixture, 1)->student_no);
  g_assert_cmpstr (record->id_number, ==, candidate (fixture, 1)->id_number);
  g_assert_true (isnan (record->face_score));
  g_assert_true (g_uuid_string_is_valid (record->uuid));
  g_assert_cmpuint (record->history->len, ==, 1);
  first = record->history->pdata[0];
  g_assert_cmpint (first->status, ==, CAIJI_RECORD_DRAFT);
  g_assert_cmpstr (first->actor, ==, "candidate:test");

  by_uuid = caiji_store_record_load_by_uuid (fixture->store, record->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_uuid->id, ==, id);
}

static void
test_record_unknown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  g_autoptr(GBytes) image = NULL;
  gint64 id;

  id = caiji_store_record_create (fixture->store, "no-such-student", "candidate:test", &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  record = caiji_store_record_load (fixture->store, 4242, &error);
  g_assert_null (record);
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  image = caiji_store_record_get_image (fixture->store, 4242, CAIJI_IMAGE_FACE, &error);
  g_assert_null (image);
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (set_status (fixture, 4242, CAIJI_RECORD_CAPTURED, NULL, &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND);
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
  update.image_quality = 0.9;
  g_assert_true (caiji_store_record_update (fixture->store, id, &update, &error));
  g_assert_no_error (error);
}

static void
test_record_images (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = caiji_test_fake_jpeg (5000, 1);
  g_autoptr(GBytes) second = caiji_test_fake_jpeg (7000, 2);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) absent = NULL;
  gint64 id = create_record (fixture, 0);
  CaijiStoreCheck check;

  save_image (fixture, id, CAIJI_IMAGE_CARD_FRONT, first);
  save_image (fixture, id, CAIJI_IMAGE_CARD_FRONT, second);
  stored = caiji_store_record_get_image (fixture->store, id, CAIJI_IMAGE_CARD_FRONT, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, second));

  absent = caiji_store_record_get_image (fixture->store, id, CAIJI_IMAGE_ID_PHOTO, &error);
  g_assert_no_error (error);
  g_assert_null (absent);

  check = check_store (fixture->store);
  g_assert_cmpint (check.images, ==, 1);
  caiji_store_check_clear (&check);
}

static void
assert_update_refused (Fixture                 *fixture,
                       gint64                   id,
                       const CaijiRecordUpdate *update)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (caiji_store_record_update (fixture->store, id, update, &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID);
}

static void
test_record_update_refusals (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  gint64 id = create_record (fixture, 0);
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;
  CaijiStoreCheck check;

  update.action = "no.actor";
  assert_update_refused (fixture, id, &update);

  update.actor = "candidate:test";
  update.image = empty;
  assert_update_refused (fixture, id, &update);

  update.image = NULL;
  update.correction_note = "";
  assert_update_refused (fixture, id, &update);

  check = check_store (fixture->store);
  g_assert_cmpint (check.images, ==, 0);
  g_assert_cmpint (check.corrections, ==, 0);
  caiji_store_check_clear (&check);
}

/* A refused status change must not keep the image that came with it. */
static void
test_bad_transition_changes_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GBytes) face = caiji_test_fake_jpeg (3000, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  gint64 id = create_record (fixture, 0);
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  update.actor = "operator:wang";
  update.action = "record.approved";
  update.image = face;
  update.image_kind = CAIJI_IMAGE_FACE;
  update.set_status = TRUE;
  update.status = CAIJI_RECORD_APPROVED;
  assert_update_refused (fixture, id, &update);

  stored = caiji_store_record_get_image (fixture->store, id, CAIJI_IMAGE_FACE, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  record = caiji_store_record_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_DRAFT);
  g_assert_cmpuint (record->history->len, ==, 1);
}

static gint64
outbox_pending (Fixture *fixture)
{
  CaijiStoreCheck check = check_store (fixture->store);
  gint64 pending = check.outbox_pending;

  caiji_store_check_clear (&check);
  return pending;
}

static void
test_life_cycle_and_outbox (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  gint64 id = create_record (fixture, 2);

  g_assert_true (set_status (fixture, id, CAIJI_RECORD_CAPTURED, NULL, &error));
  g_assert_cmpint (outbox_pending (fixture), ==, 0);
  g_assert_true (set_status (fixture, id, CAIJI_RECORD_APPROVED, NULL, &error));
  g_assert_cmpint (outbox_pending (fixture), ==, 1);

  g_assert_false (set_status (fixture, id, CAIJI_RECORD_APPROVED, NULL, &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (outbox_pending (fixture), ==, 1);

  g_assert_true (set_status (fixture, id, CAIJI_RECORD_SYNCED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox_pending (fixture), ==, 0);

  record = caiji_store_record_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_SYNCED);
  g_assert_cmpuint (record->history->len, ==, 4);
}

static void
test_rejection_needs_reason (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  gint64 id = create_record (fixture, 1);

  g_assert_true (set_status (fixture, id, CAIJI_RECORD_PENDING_REVIEW, NULL, &error));
  g_assert_false (set_status (fixture, id, CAIJI_RECORD_REJECTED, "", &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (set_status (fixture, id, CAIJI_RECORD_REJECTED, "照片模糊", &error));
  g_assert_no_error (error);

  record = caiji_store_record_load (fixture->store, id, &error);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_REJECTED);
  g_assert_cmpstr (record->reject_reason, ==, "照片模糊");
  g_assert_cmpint (outbox_pending (fixture), ==, 0);
}

static void
test_fields_and_correction (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  gint64 id = create_record (fixture, 0);
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  update.actor = "candidate:test";
  update.action = "card.front.accepted";
  update.card_name = "张三";
  update.card_id_number = candidate (fixture, 0)->id_number;
  update.correction_note = "年级应为 2022";
  g_assert_true (caiji_store_record_update (fixture->store, id, &update, &error));

  update = (CaijiRecordUpdate) CAIJI_RECORD_UPDATE_INIT;
  update.actor = "candidate:test";
  update.action = "face.matched";
  update.set_face_result = TRUE;
  update.face_score = 0.5;
  update.face_threshold = 0.35;
  update.correction_note = "专业应为 日语";
  g_assert_true (caiji_store_record_update (fixture->store, id, &update, &error));

  record = caiji_store_record_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->card_name, ==, "张三");
  g_assert_cmpstr (record->card_id_number, ==, candidate (fixture, 0)->id_number);
  g_assert_cmpfloat (record->face_score, ==, 0.5);
  g_assert_cmpfloat (record->face_threshold, ==, 0.35);
  g_assert_cmpstr (record->correction_note, ==, "专业应为 日语");
}

static void
test_audit_one_entry_per_action (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = caiji_store_audit_list (fixture->store, &error);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GBytes) image = caiji_test_fake_jpeg (2000, 5);
  gint64 id = create_record (fixture, 0);
  CaijiAuditEntry *last;

  save_image (fixture, id, CAIJI_IMAGE_ID_PHOTO, image);
  g_assert_true (caiji_store_audit_append (fixture->store, "operator:wang", "desk.opened", 0, NULL, &error));
  after = caiji_store_audit_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 3);
  last = after->pdata[after->len - 2];
  g_assert_cmpstr (last->action, ==, "image.saved");
  g_assert_cmpint (last->record_id, ==, id);
  for (guint i = 0; i < after->len; i++)
    {
      CaijiAuditEntry *entry = after->pdata[i];

      g_assert_null (entry->detail == NULL ? NULL : strstr (entry->detail, candidate (fixture, 0)->id_number));
    }
}

static void
test_list_by_status (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  CaijiRecordStatus wanted = CAIJI_RECORD_PENDING_REVIEW;
  gint64 a = create_record (fixture, 0);
  gint64 b = create_record (fixture, 1);

  g_assert_true (set_status (fixture, b, CAIJI_RECORD_PENDING_REVIEW, NULL, &error));
  all = caiji_store_record_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((CaijiRecord *) all->pdata[0])->id, ==, a);
  pending = caiji_store_record_list (fixture->store, &wanted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (((CaijiRecord *) pending->pdata[0])->id, ==, b);
}

/* A full disk, simulated by capping the file's page count: the save fails
 * with the disk-full message, leaves nothing half-written, and the same
 * save works once there is room again. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) big = caiji_test_fake_jpeg (2 * 1024 * 1024, 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GPtrArray) audit_before = NULL;
  g_autoptr(GPtrArray) audit_after = NULL;
  g_autofree char *cap = NULL;
  gint64 id = create_record (fixture, 0);
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;
  gint64 pages = caiji_sql_query_int (fixture->store->db, "PRAGMA page_count;", "test", NULL);
  CaijiStoreCheck check;

  audit_before = caiji_store_audit_list (fixture->store, NULL);
  cap = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT ";", pages + 4);
  g_assert_true (caiji_sql_exec (fixture->store->db, cap, "test", NULL));
  update.actor = "candidate:test";
  update.action = "face.captured";
  update.image = big;
  update.image_kind = CAIJI_IMAGE_FACE;
  update.set_status = TRUE;
  update.status = CAIJI_RECORD_PENDING_REVIEW;
  g_assert_false (caiji_store_record_update (fixture->store, id, &update, &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_FULL);
  g_clear_error (&error);

  stored = caiji_store_record_get_image (fixture->store, id, CAIJI_IMAGE_FACE, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  audit_after = caiji_store_audit_list (fixture->store, NULL);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);
  check = check_store (fixture->store);
  caiji_store_check_clear (&check);

  g_assert_true (caiji_sql_exec (fixture->store->db, "PRAGMA max_page_count = 1073741823;", "test", NULL));
  g_assert_true (caiji_store_record_update (fixture->store, id, &update, &error));
  g_assert_no_error (error);
  stored = caiji_store_record_get_image (fixture->store, id, CAIJI_IMAGE_FACE, &error);
  g_assert_true (g_bytes_equal (stored, big));
}

/* The kiosk saves from worker threads while the operator reads. */
typedef struct {
  Fixture *fixture;
  guint    who;
} Worker;

static gpointer
write_many (gpointer data)
{
  Worker *worker = data;
  g_autoptr(GBytes) image = caiji_test_fake_jpeg (4096, worker->who);

  for (guint i = 0; i < 20; i++)
    {
      gint64 id = create_record (worker->fixture, worker->who);

      save_image (worker->fixture, id, CAIJI_IMAGE_FACE, image);
    }
  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  Worker workers[3];
  GThread *threads[3];
  CaijiStoreCheck check;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      workers[i] = (Worker) { fixture, i };
      threads[i] = g_thread_new ("writer", write_many, &workers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  check = check_store (fixture->store);
  g_assert_cmpint (check.records, ==, 60);
  g_assert_cmpint (check.images, ==, 60);
  caiji_store_check_clear (&check);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static CaijiStore *
open_on_worker (const char  *path,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  caiji_store_open_async (path, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (caiji_store_open_get_path (result), ==, path);
  return caiji_store_open_finish (result, error);
}

/* The kiosk opens its store on a worker: the same store, or the same
 * error, as opening it directly. */
static void
test_open_async (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "caiji.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = open_on_worker (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (caiji_store_get_schema_version (store), ==, CAIJI_STORE_SCHEMA_VERSION);
  g_assert_null (open_on_worker (dir, &error));
  g_assert_nonnull (error);
  g_clear_object (&store);
  caiji_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/open/new-and-reopen", test_open_new_and_reopen);
  g_test_add_func ("/store/open/garbage", test_open_refuses_garbage);
  g_test_add_func ("/store/open/foreign-sqlite", test_open_refuses_foreign_sqlite);
  g_test_add_func ("/store/open/newer-schema", test_open_refuses_newer_schema);
  g_test_add_func ("/store/open/directory", test_open_refuses_directory);
  g_test_add_func ("/store/open/async", test_open_async);
  ADD ("/store/roster/upsert", test_roster_upsert);
  ADD ("/store/roster/not-found", test_roster_not_found_is_no_error);
  ADD ("/store/roster/atomic-refusals", test_roster_refusals_are_atomic);
  ADD ("/store/record/create", test_record_create);
  ADD ("/store/record/unknown", test_record_unknown);
  ADD ("/store/record/images", test_record_images);
  ADD ("/store/record/update-refusals", test_record_update_refusals);
  ADD ("/store/record/bad-transition", test_bad_transition_changes_nothing);
  ADD ("/store/record/life-cycle", test_life_cycle_and_outbox);
  ADD ("/store/record/rejection", test_rejection_needs_reason);
  ADD ("/store/record/fields", test_fields_and_correction);
  ADD ("/store/audit/one-per-action", test_audit_one_entry_per_action);
  ADD ("/store/record/list", test_list_by_status);
  ADD ("/store/threads", test_threads);
  ADD ("/store/disk-full", test_disk_full);

  return g_test_run ();
}
