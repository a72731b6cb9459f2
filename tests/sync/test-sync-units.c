/* test-sync-units.c: the pieces of sync that need no hub — the record
 * document both ends share, the backoff, and the store's outbox calls */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "caiji-store.h"
#include "caiji-sync-backoff.h"
#include "caiji-sync-decisions.h"
#include "caiji-sync-payload.h"
#include "caiji-sync-token.h"
#include "caiji-test-utils.h"

typedef struct {
  char       *dir;
  CaijiStore *store;
  gint64      id;
} Fixture;

static void
update (CaijiStore        *store,
        gint64             id,
        CaijiRecordUpdate *change)
{
  g_autoptr(GError) error = NULL;

  change->actor = change->actor != NULL ? change->actor : "operator:test";
  change->action = change->action != NULL ? change->action : "test.change";
  g_assert_true (caiji_store_record_update (store, id, change, &error));
  g_assert_no_error (error);
}

static gint64
approved_record (CaijiStore *store,
                 guint       who)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *student_no = g_strdup_printf ("2303%04u", who);
  gint64 id = caiji_store_record_create (store, student_no, "candidate:test", &error);
  CaijiRecordUpdate captured = CAIJI_RECORD_UPDATE_INIT;
  CaijiRecordUpdate approved = CAIJI_RECORD_UPDATE_INIT;

  g_assert_no_error (error);
  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    {
      g_autoptr(GBytes) image = caiji_test_fake_jpeg (1000 + kind, who * 4 + kind);
      CaijiRecordUpdate change = CAIJI_RECORD_UPDATE_INIT;

      change.image = image;
      change.image_kind = kind;
      update (store, id, &change);
    }
  captured.set_face_result = TRUE;
  captured.face_score = 0.75;
  captured.face_threshold = 0.6;
  captured.set_status = TRUE;
  captured.status = CAIJI_RECORD_CAPTURED;
  update (store, id, &captured);
  approved.set_status = TRUE;
  approved.status = CAIJI_RECORD_APPROVED;
  update (store, id, &approved);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) roster = caiji_test_roster (4);

  fixture->dir = caiji_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "caiji.db", NULL);
  fixture->store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (caiji_store_roster_put (fixture->store, roster, &error));
  fixture->id = approved_record (fixture->store, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GBytes *
document_of (Fixture *fixture,
             gint64   id)
{
  g_autoptr(CaijiRecord) record = caiji_store_record_load (fixture->store, id, NULL);
  g_autoptr(GPtrArray) images = caiji_store_record_images (fixture->store, id, NULL);

  return caiji_sync_document_build (record, images);
}

static char *
uuid_of (Fixture *fixture,
         gint64   id)
{
  g_autoptr(CaijiRecord) record = caiji_store_record_load (fixture->store, id, NULL);

  return g_strdup (record->uuid);
}

/* The document */

static void
test_document_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) body = document_of (fixture, fixture->id);
  g_autofree char *uuid = uuid_of (fixture, fixture->id);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiSyncDocument) first = caiji_sync_document_parse (body, uuid, &error);
  g_autoptr(CaijiSyncDocument) second = NULL;
  g_autofree char *canonical_first = NULL;
  g_autofree char *canonical_second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (first->images->len, ==, CAIJI_IMAGE_N_KINDS);
  g_assert_cmpint (first->record->status, ==, CAIJI_RECORD_APPROVED);
  g_assert_cmpfloat (first->record->face_score, ==, 0.75);
  g_assert_cmpuint (first->record->history->len, ==, 3);
  second = caiji_sync_document_parse (body, uuid, &error);
  canonical_first = caiji_sync_document_canonical (first);
  canonical_second = caiji_sync_document_canonical (second);
  g_assert_cmpstr (canonical_first, ==, canonical_second);
}

static void
test_document_diff_names_fields (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) body = document_of (fixture, fixture->id);
  g_autofree char *uuid = uuid_of (fixture, fixture->id);
  g_autoptr(CaijiSyncDocument) document = caiji_sync_document_parse (body, uuid, NULL);
  g_autofree char *before = caiji_sync_document_canonical (document);
  g_autofree char *after = NULL;
  g_autofree char *diff = NULL;
  CaijiStoredImage *face = document->images->pdata[CAIJI_IMAGE_FACE];

  document->record->face_score = 0.5;
  g_free (face->sha256);
  face->sha256 = g_strnfill (64, 'a');
  after = caiji_sync_document_canonical (document);
  diff = caiji_sync_canonical_diff (before, after);
  g_assert_cmpstr (diff, ==, "face_score, images.face");
}

/* Replaces the first occurrence of from with to in the document. */
static GBytes *
tamper (GBytes     *body,
        const char *from,
        const char *to)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  char *at = strstr (text, from);
  g_autofree char *result = NULL;

  g_assert_nonnull (at);
  *at = '\0';
  result = g_strconcat (text, to, at + strlen (from), NULL);
  return g_bytes_new (result, strlen (result));
}

static void
assert_refused (GBytes     *body,
                const char *uuid,
                int         code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiSyncDocument) document = caiji_sync_document_parse (body, uuid, &error);

  g_assert_null (document);
  g_assert_error (error, CAIJI_SYNC_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_document_refuses_bad_input (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) body = document_of (fixture, fixture->id);
  g_autofree char *uuid = uuid_of (fixture, fixture->id);
  g_autoptr(GBytes) draft = tamper (body, "\"status\":\"approved\",\"card_name\"", "\"status\":\"draft\",\"card_name\"");
  g_autoptr(GBytes) bad_base64 = tamper (body, "\"data\":\"", "\"data\":\"*");
  g_autoptr(GBytes) not_json = g_bytes_new_static ("<html>", 6);
  g_autoptr(GBytes) no_history = tamper (body, "\"history\":[", "\"history_\":[");
  g_autofree char *other_uuid = g_uuid_string_random ();
  g_autoptr(GBytes) swapped = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GPtrArray) images = caiji_store_record_images (fixture->store, fixture->id, NULL);
  CaijiStoredImage *front = images->pdata[0];
  g_autofree char *front_base64 = g_base64_encode (g_bytes_get_data (front->data, NULL), g_bytes_get_size (front->data));
  g_autofree char *changed = g_strdup (front_base64);

  changed[10] = changed[10] == 'A' ? 'B' : 'A';
  damaged = tamper (body, front_base64, changed);
  swapped = g_bytes_ref (body);

  assert_refused (not_json, uuid, CAIJI_SYNC_ERROR_INVALID, "not a JSON object");
  assert_refused (swapped, other_uuid, CAIJI_SYNC_ERROR_INVALID, "uuid");
  assert_refused (draft, uuid, CAIJI_SYNC_ERROR_INVALID, "status");
  assert_refused (bad_base64, uuid, CAIJI_SYNC_ERROR_INVALID, "base64");
  assert_refused (no_history, uuid, CAIJI_SYNC_ERROR_INVALID, "history");
  assert_refused (damaged, uuid, CAIJI_SYNC_ERROR_CHECKSUM, "card_front");
}

/* Backoff */

static void
test_backoff_grows_with_jitter_and_cap (void)
{
  CaijiBackoff backoff = { .base_seconds = 2, .cap_seconds = 60 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 full[] = { 2, 4, 8, 16, 32, 60, 60, 60 };

  for (guint attempt = 1; attempt <= G_N_ELEMENTS (full); attempt++)
    for (guint draw = 0; draw < 50; draw++)
      {
        gint64 delay = caiji_backoff_delay (&backoff, (int) attempt, -1, rand);

        g_assert_cmpint (delay, >=, full[attempt - 1] / 2);
        g_assert_cmpint (delay, <=, full[attempt - 1]);
      }
  g_assert_cmpint (caiji_backoff_delay (&backoff, 1, 300, rand), ==, 300);
  g_assert_cmpint (caiji_backoff_delay (&backoff, 1, 10 * 24 * 3600, rand), ==, 24 * 3600);
}

static void
test_retry_after_forms (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  gint64 now = g_date_time_to_unix (at);

  g_assert_cmpint (caiji_backoff_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (caiji_backoff_parse_retry_after ("Wed, 25 Nov 2026 12:01:30 GMT", now), ==, 90);
  g_assert_cmpint (caiji_backoff_parse_retry_after ("Wed, 25 Nov 2026 11:00:00 GMT", now), ==, 0);
  g_assert_cmpint (caiji_backoff_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (caiji_backoff_parse_retry_after (NULL, now), ==, -1);
}

/* The outbox */

static guint
due_count (Fixture *fixture,
           gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = caiji_store_outbox_list_due (fixture->store, now, 100, &error);

  g_assert_no_error (error);
  return due->len;
}

static void
test_outbox_life_cycle (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 second = approved_record (fixture->store, 2);
  g_autoptr(CaijiOutboxEntry) entry = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  CaijiSyncCounts counts;

  g_assert_cmpuint (due_count (fixture, 0), ==, 2);
  g_assert_true (caiji_store_outbox_record_failure (fixture->store, fixture->id, "hub down", 5000, &error));
  g_assert_cmpuint (due_count (fixture, 4999), ==, 1);
  g_assert_cmpuint (due_count (fixture, 5000), ==, 2);

  g_assert_true (caiji_store_outbox_hold (fixture->store, second, "409 conflict", &error));
  g_assert_cmpuint (due_count (fixture, G_MAXINT64), ==, 1);
  g_assert_true (caiji_store_sync_counts (fixture->store, 0, &counts, &error));
  g_assert_cmpint (counts.waiting, ==, 1);
  g_assert_cmpint (counts.due, ==, 0);
  g_assert_cmpint (counts.held, ==, 1);
  g_assert_cmpint (counts.next_attempt_at, ==, 5000);
  caiji_sync_counts_clear (&counts);

  g_assert_true (caiji_store_outbox_release (fixture->store, second, "operator:wang", &error));
  g_assert_cmpuint (due_count (fixture, 0), ==, 1);
  g_assert_false (caiji_store_outbox_release (fixture->store, second, "operator:wang", &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (caiji_store_outbox_mark_delivered (fixture->store, fixture->id, CAIJI_RECORD_APPROVED, "sync",
                                                    "hub:created", &error));
  record = caiji_store_record_load (fixture->store, fixture->id, &error);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_SYNCED);
  g_assert_cmpint (((CaijiStatusChange *) g_ptr_array_index (record->history, record->history->len - 1))->status,
                   ==, CAIJI_RECORD_SYNCED);
  entry = caiji_store_outbox_get (fixture->store, fixture->id, &error);
  g_assert_cmpint (entry->attempts, ==, 1);
  g_assert_cmpint (entry->delivered_at, >, 0);
  g_assert_false (caiji_store_outbox_record_failure (fixture->store, fixture->id, "late", 1, &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND);
}

/* Central review */

static gint64
review_record (CaijiStore *store,
               guint       who)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *student_no = g_strdup_printf ("2303%04u", who);
  gint64 id = caiji_store_record_create (store, student_no, "candidate:test", &error);
  CaijiRecordUpdate change = CAIJI_RECORD_UPDATE_INIT;

  g_assert_no_error (error);
  change.set_status = TRUE;
  change.status = CAIJI_RECORD_PENDING_REVIEW;
  update (store, id, &change);
  return id;
}

static void
set_status (CaijiStore       *store,
            gint64            id,
            CaijiRecordStatus status)
{
  CaijiRecordUpdate change = CAIJI_RECORD_UPDATE_INIT;

  change.set_status = TRUE;
  change.status = status;
  update (store, id, &change);
}

static CaijiRecordStatus
status_of (Fixture *fixture,
           gint64   id)
{
  g_autoptr(CaijiRecord) record = caiji_store_record_load (fixture->store, id, NULL);

  return record->status;
}

static gint64
delivered_at (Fixture *fixture,
              gint64   id)
{
  g_autoptr(CaijiOutboxEntry) entry = caiji_store_outbox_get (fixture->store, id, NULL);

  g_assert_nonnull (entry);
  return entry->delivered_at;
}

static void
test_outbox_central_review (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = review_record (fixture->store, 2);

  /* Only a record waiting for review can go to the central review. */
  g_assert_false (caiji_store_outbox_submit_for_review (fixture->store, fixture->id, "operator:wang", &error));
  g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (caiji_store_outbox_get (fixture->store, id, NULL));
  g_assert_true (caiji_store_outbox_submit_for_review (fixture->store, id, "operator:wang", &error));
  g_assert_cmpuint (due_count (fixture, 0), ==, 2);

  /* Delivered for review: the entry closes, the record keeps waiting. */
  g_assert_true (caiji_store_outbox_mark_delivered (fixture->store, id, CAIJI_RECORD_PENDING_REVIEW, "sync", NULL,
                                                    &error));
  g_assert_cmpint (delivered_at (fixture, id), >, 0);
  g_assert_cmpint (status_of (fixture, id), ==, CAIJI_RECORD_PENDING_REVIEW);

  /* Approved afterwards (by the desk or the central review): queued again. */
  set_status (fixture->store, id, CAIJI_RECORD_APPROVED);
  g_assert_cmpint (delivered_at (fixture, id), ==, 0);

  /* A late confirmation of the review copy must not close the approved
   * record's entry. */
  g_assert_true (caiji_store_outbox_mark_delivered (fixture->store, id, CAIJI_RECORD_PENDING_REVIEW, "sync", NULL,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (delivered_at (fixture, id), ==, 0);
}

static void
test_canonical_extends_only_forward (Fixture       *fixture,
                                     gconstpointer  data)
{
  gint64 id = review_record (fixture->store, 2);
  g_autofree char *uuid = uuid_of (fixture, id);
  g_autoptr(GBytes) waiting_body = NULL;
  g_autoptr(GBytes) approved_body = NULL;
  g_autoptr(CaijiSyncDocument) waiting = NULL;
  g_autoptr(CaijiSyncDocument) approved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tampered = NULL;

  waiting_body = document_of (fixture, id);
  set_status (fixture->store, id, CAIJI_RECORD_APPROVED);
  approved_body = document_of (fixture, id);
  waiting = caiji_sync_document_parse (waiting_body, uuid, NULL);
  approved = caiji_sync_document_parse (approved_body, uuid, NULL);
  before = caiji_sync_document_canonical (waiting);
  after = caiji_sync_document_canonical (approved);
  g_assert_true (caiji_sync_canonical_extends (before, after));
  g_assert_false (caiji_sync_canonical_extends (after, before));
  g_assert_false (caiji_sync_canonical_extends (before, before));
  approved->record->face_score = 0.99;
  tampered = caiji_sync_document_canonical (approved);
  g_assert_false (caiji_sync_canonical_extends (before, tampered));
}

/* Decisions from the hub */

static gboolean
apply_decision_page (Fixture    *fixture,
                     const char *uuid,
                     const char *verdict,
                     GError    **error)
{
  g_autofree char *text = g_strdup_printf ("{\"decisions\":[{\"uuid\":\"%s\",\"decision\":\"%s\","
                                           "\"reason\":\"照片模糊\",\"reviewer\":\"li\"}],"
                                           "\"next_cursor\":\"7\",\"more\":false}", uuid, verdict);
  g_autoptr(JsonNode) page = json_from_string (text, NULL);
  guint applied = 0;
  gboolean more = TRUE;
  gboolean ok;

  ok = caiji_sync_feed_apply_page (fixture->store, &caiji_sync_decisions_feed, json_node_get_object (page),
                                   &applied, &more, error);
  g_assert_true (!ok || !more);
  return ok;
}

static void
test_decisions_apply_known_verdicts (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 approved = review_record (fixture->store, 2);
  gint64 rejected = review_record (fixture->store, 3);
  g_autofree char *approved_uuid = uuid_of (fixture, approved);
  g_autofree char *rejected_uuid = uuid_of (fixture, rejected);
  g_autoptr(CaijiRecord) record = NULL;

  g_assert_true (apply_decision_page (fixture, approved_uuid, "approved", &error));
  g_assert_true (apply_decision_page (fixture, rejected_uuid, "rejected", &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture, approved), ==, CAIJI_RECORD_APPROVED);
  record = caiji_store_record_load (fixture->store, rejected, NULL);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_REJECTED);
  g_assert_cmpstr (record->reject_reason, ==, "照片模糊");
}

/* A verdict the kiosk does not know is the hub's mistake, not a
 * rejection of the candidate: the record keeps waiting. */
static void
test_decisions_refuse_unknown_verdict (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = review_record (fixture->store, 0);
  g_autofree char *uuid = uuid_of (fixture, id);
  g_autofree char *cursor = NULL;

  g_assert_false (apply_decision_page (fixture, uuid, "maybe", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "maybe"));
  g_assert_cmpint (status_of (fixture, id), ==, CAIJI_RECORD_PENDING_REVIEW);
  cursor = caiji_store_sync_state_get (fixture->store, CAIJI_SYNC_DECISIONS_CURSOR, NULL);
  g_assert_null (cursor);
}

/* The device token at rest */

#define TEST_TOKEN "cjt_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static char *
token_file_text (const char *path)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_steal_pointer (&text);
}

static void
test_token_sealed_at_rest (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "config", "hub-token", NULL);
  g_autofree char *text = NULL;
  g_autofree char *token = NULL;
  GStatBuf st;

  g_assert_true (caiji_sync_token_save (path, TEST_TOKEN, &error));
  g_assert_no_error (error);
  text = token_file_text (path);
  g_assert_null (strstr (text, "0123456789abcdef"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  token = caiji_sync_token_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TEST_TOKEN);
}

/* A token written by hand in the clear is sealed the first time it is read. */
static void
test_token_plain_file_sealed_on_read (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "hub-token", NULL);
  g_autofree char *token = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents_full (path, TEST_TOKEN "\n", -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  token = caiji_sync_token_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TEST_TOKEN);
  text = token_file_text (path);
  g_assert_null (strstr (text, "0123456789abcdef"));
  g_clear_pointer (&token, g_free);
  token = caiji_sync_token_load (path, &error);
  g_assert_cmpstr (token, ==, TEST_TOKEN);
}

static void
test_token_other_key_or_tampered (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "hub-token", NULL);
  g_autofree char *kek = g_strdup (g_getenv ("CAIJI_KEK_HEX"));
  g_autofree char *text = NULL;
  char *token;

  g_assert_true (caiji_sync_token_save (path, TEST_TOKEN, &error));
  g_setenv ("CAIJI_KEK_HEX", "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100", TRUE);
  token = caiji_sync_token_load (path, &error);
  g_setenv ("CAIJI_KEK_HEX", kek, TRUE);
  g_assert_null (token);
  g_assert_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "set-token"));
  g_clear_error (&error);

  /* One altered character of the sealed text. */
  text = token_file_text (path);
  text[strlen (text) - 3] = text[strlen (text) - 3] == 'A' ? 'B' : 'A';
  g_assert_true (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_assert_null (caiji_sync_token_load (path, &error));
  g_assert_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sync/document/round-trip", Fixture, NULL, fixture_set_up, test_document_round_trip, fixture_tear_down);
  g_test_add ("/sync/document/diff-names-fields", Fixture, NULL, fixture_set_up, test_document_diff_names_fields,
              fixture_tear_down);
  g_test_add ("/sync/document/refuses-bad-input", Fixture, NULL, fixture_set_up, test_document_refuses_bad_input,
              fixture_tear_down);
  g_test_add_func ("/sync/backoff/grows-with-jitter-and-cap", test_backoff_grows_with_jitter_and_cap);
  g_test_add_func ("/sync/backoff/retry-after-forms", test_retry_after_forms);
  g_test_add ("/sync/outbox/life-cycle", Fixture, NULL, fixture_set_up, test_outbox_life_cycle, fixture_tear_down);
  g_test_add ("/sync/outbox/central-review", Fixture, NULL, fixture_set_up, test_outbox_central_review,
              fixture_tear_down);
  g_test_add ("/sync/document/canonical-extends-only-forward", Fixture, NULL, fixture_set_up,
              test_canonical_extends_only_forward, fixture_tear_down);
  g_test_add ("/sync/decisions/apply-known-verdicts", Fixture, NULL, fixture_set_up,
              test_decisions_apply_known_verdicts, fixture_tear_down);
  g_test_add ("/sync/decisions/refuse-unknown-verdict", Fixture, NULL, fixture_set_up,
              test_decisions_refuse_unknown_verdict, fixture_tear_down);
  g_test_add ("/sync/token/sealed-at-rest", Fixture, NULL, fixture_set_up, test_token_sealed_at_rest,
              fixture_tear_down);
  g_test_add ("/sync/token/plain-file-sealed-on-read", Fixture, NULL, fixture_set_up,
              test_token_plain_file_sealed_on_read, fixture_tear_down);
  g_test_add ("/sync/token/other-key-or-tampered", Fixture, NULL, fixture_set_up, test_token_other_key_or_tampered,
              fixture_tear_down);
  return g_test_run ();
}
