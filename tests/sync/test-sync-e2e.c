/* test-sync-e2e.c: kiosk stores → real caiji-hub → real PostgreSQL
 *
 * Two kiosks deliver to one hub; repeats are harmless; a conflicting
 * record is refused with a reason the kiosk keeps; a hub that fails,
 * talks garbage, hangs, drops the connection or dies loses nothing and
 * delivers nothing twice.  Usage: test-sync-e2e CAIJI-HUB PG-CLUSTER.SH CAIJI
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "caiji-sync-client.h"
#include "caiji-sync-payload.h"
#include "caiji-test-utils.h"
#include "fault-proxy.h"
#include "sync-test-env.h"

#define IMAGE_SIZE   (24 * 1024)
#define TIMEOUT      2   /* seconds; the proxy's slow mode holds longer */
#define MAX_BODY_MB  2

static SyncEnv env;

/* Full stacks for leak reports: GLib is built without frame pointers, so
 * the fast unwinder stops at g_malloc and tests/lsan.supp could not tell
 * libsoup's own leak from ours.  Read by AddressSanitizer, when present. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static gint64
hub_records (const char *uuid)
{
  return sync_env_hub_count (&env, "SELECT count(*) FROM records WHERE uuid = $1::uuid;", uuid);
}

/* Every image the kiosk holds is on the hub with the same sha256, and the
 * bytes there hash to it. */
static void
assert_images_on_hub (Kiosk *kiosk,
                      gint64 record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = caiji_store_record_images (kiosk->store, record_id, &error);
  g_autofree char *uuid = kiosk_uuid (kiosk, record_id);

  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, CAIJI_IMAGE_N_KINDS);
  g_assert_cmpint (sync_env_hub_count (&env, "SELECT count(*) FROM record_images WHERE record_uuid = $1::uuid;", uuid),
                   ==, images->len);
  for (guint i = 0; i < images->len; i++)
    {
      CaijiStoredImage *image = images->pdata[i];
      g_autofree char *actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image->data);
      g_autofree char *key = g_strconcat (uuid, "/", caiji_image_kind_to_string (image->kind), "/", image->sha256, NULL);

      g_assert_cmpstr (actual, ==, image->sha256);
      g_assert_cmpint (sync_env_hub_count (&env,
                                           "SELECT count(*) FROM record_images WHERE"
                                           " record_uuid || '/' || kind || '/' || sha256 = $1"
                                           " AND encode (sha256 (data), 'hex') = sha256;", key), ==, 1);
    }
}

/* Every delivery checked, counted as it was found before the assertions
 * judge it; main() prints the tally for tests/sync/repeat-drills.sh. */
static struct {
  guint checked;
  guint once;
  guint duplicated;  /* more than one row, or more image rows than sent */
  guint lost;        /* neither on the hub nor marked synced on the kiosk */
} tally;

static void
count_delivery (Kiosk      *kiosk,
                gint64      record_id,
                const char *uuid)
{
  gint64 rows = hub_records (uuid);
  gint64 image_rows = sync_env_hub_count (&env, "SELECT count(*) FROM record_images WHERE record_uuid = $1::uuid;",
                                          uuid);

  tally.checked++;
  if (rows > 1 || image_rows > CAIJI_IMAGE_N_KINDS)
    tally.duplicated++;
  else if (rows == 0 || kiosk_status (kiosk, record_id) != CAIJI_RECORD_SYNCED)
    tally.lost++;
  else
    tally.once++;
}

static void
assert_delivered_once (Kiosk *kiosk,
                       gint64 record_id)
{
  g_autofree char *uuid = kiosk_uuid (kiosk, record_id);
  g_autoptr(CaijiOutboxEntry) entry = caiji_store_outbox_get (kiosk->store, record_id, NULL);

  count_delivery (kiosk, record_id, uuid);

  g_assert_cmpint (kiosk_status (kiosk, record_id), ==, CAIJI_RECORD_SYNCED);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->delivered_at, >, 0);
  g_assert_cmpint (hub_records (uuid), ==, 1);
  assert_images_on_hub (kiosk, record_id);
}

static void
assert_pending (Kiosk      *kiosk,
                gint64      record_id,
                const char *error_part)
{
  g_autoptr(CaijiOutboxEntry) entry = caiji_store_outbox_get (kiosk->store, record_id, NULL);

  g_assert_cmpint (kiosk_status (kiosk, record_id), ==, CAIJI_RECORD_APPROVED);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->delivered_at, ==, 0);
  g_assert_cmpint (entry->held_at, ==, 0);
  g_assert_cmpint (entry->attempts, >, 0);
  g_assert_nonnull (strstr (entry->last_error, error_part));
}

/* The next attempt is scheduled after the failed one, not immediately. */
static void
assert_backed_off (Kiosk *kiosk,
                   gint64 record_id)
{
  g_autoptr(CaijiOutboxEntry) entry = caiji_store_outbox_get (kiosk->store, record_id, NULL);

  g_assert_cmpint (entry->next_attempt_at, >, entry->last_attempt_at);
}

static gint64
approved_record (Kiosk  *kiosk,
                 guint   who,
                 guint32 seed)
{
  gint64 id = kiosk_captured_record (kiosk, who, IMAGE_SIZE, seed);

  kiosk_approve (kiosk, id);
  return id;
}

/* Two kiosks, one hub: each record arrives once; a second pass sends
 * nothing. */
static void
test_two_kiosks (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk A", 4);
  Kiosk *b = kiosk_new (&env, "kiosk B", 4);
  gint64 ids_a[3], ids_b[2];
  CaijiSyncPass pass;
  CaijiSyncCounts counts;

  for (guint i = 0; i < G_N_ELEMENTS (ids_a); i++)
    ids_a[i] = approved_record (a, i, 100 + i);
  for (guint i = 0; i < G_N_ELEMENTS (ids_b); i++)
    ids_b[i] = approved_record (b, i, 200 + i);
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.delivered, ==, 3);
  pass = kiosk_sync (b, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.delivered, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (ids_a); i++)
    assert_delivered_once (a, ids_a[i]);
  for (guint i = 0; i < G_N_ELEMENTS (ids_b); i++)
    assert_delivered_once (b, ids_b[i]);

  pass = kiosk_sync (a, env.hub_url, TIMEOUT, TRUE);
  g_assert_cmpuint (pass.attempted, ==, 0);
  g_assert_true (caiji_store_sync_counts (a->store, G_MAXINT64, &counts, NULL));
  g_assert_cmpint (counts.delivered, ==, 3);
  g_assert_cmpint (counts.waiting + counts.held, ==, 0);
  caiji_sync_counts_clear (&counts);
  kiosk_free (a);
  kiosk_free (b);
}

/* The same document PUT again (a resend after a lost answer) is 200
 * "unchanged" and still one record. */
static void
test_resend_is_idempotent (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk resend", 2);
  gint64 id = approved_record (a, 1, 300);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = caiji_store_record_load (a->store, id, &error);
  g_autoptr(GPtrArray) images = caiji_store_record_images (a->store, id, &error);
  g_autoptr(GBytes) body = caiji_sync_document_build (record, images);
  g_autoptr(CaijiSyncClient) client = caiji_sync_client_new (env.hub_url, a->token, TIMEOUT);
  CaijiDelivery delivery;

  for (guint i = 0; i < 3; i++)
    {
      caiji_sync_client_put_record (client, record->uuid, body, images, &delivery, NULL);
      g_assert_cmpint (delivery.outcome, ==, CAIJI_DELIVERY_CONFIRMED);
      g_assert_cmpuint (delivery.http_status, ==, i == 0 ? 201 : 200);
      g_assert_cmpstr (delivery.result, ==, i == 0 ? "created" : "unchanged");
      caiji_delivery_clear (&delivery);
    }
  g_assert_cmpint (hub_records (record->uuid), ==, 1);
  kiosk_free (a);
}

/* A kiosk cloned from another's disk image holds the same uuid with other
 * content: the hub keeps the first, answers 409, and the clone holds its
 * record with the reason instead of marking it synced. */
static char *run_caiji (const char *const *argv,
                        int               *exit_status);
static char *caiji_binary;

/* What the operator sees: `caiji sync status` lists the refused record
 * with the hub's reason; `caiji sync retry` sends it again. */
static void
check_operator_sees_refusal (Kiosk  *kiosk,
                             gint64  record_id)
{
  g_autofree char *db = g_strdup (caiji_store_get_path (kiosk->store));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record_id);
  g_autofree char *out = NULL;
  g_autofree char *retried = NULL;
  int status;

  out = run_caiji ((const char *[]) { caiji_binary, "sync", "status", "--db", db, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "different content"));
  retried = run_caiji ((const char *[]) { caiji_binary, "sync", "retry", id, "--db", db, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
}

static void
test_conflict_is_held_with_reason (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk original", 2);
  gint64 id = kiosk_captured_record (a, 1, IMAGE_SIZE, 400);
  g_autofree char *token = sync_env_device_add (&env, "kiosk clone");
  Kiosk *clone = kiosk_clone (a, token);
  CaijiSyncPass pass;
  CaijiSyncCounts counts;
  g_autoptr(CaijiOutboxEntry) entry = NULL;

  kiosk_set_image (clone, id, CAIJI_IMAGE_FACE, IMAGE_SIZE, 999);
  kiosk_approve (a, id);
  kiosk_approve (clone, id);
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.delivered, ==, 1);
  pass = kiosk_sync (clone, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.held, ==, 1);

  g_assert_cmpint (kiosk_status (clone, id), ==, CAIJI_RECORD_APPROVED);
  entry = caiji_store_outbox_get (clone->store, id, NULL);
  g_assert_cmpint (entry->held_at, >, 0);
  g_assert_nonnull (strstr (entry->last_error, "409"));
  g_assert_nonnull (strstr (entry->last_error, "images.face"));
  g_assert_true (caiji_store_sync_counts (clone->store, G_MAXINT64, &counts, NULL));
  g_assert_cmpint (counts.held, ==, 1);
  g_assert_cmpint (counts.waiting, ==, 0);
  g_assert_nonnull (strstr (counts.last_error, "different content"));
  caiji_sync_counts_clear (&counts);

  /* Held means held: a forced pass does not send it again … */
  pass = kiosk_sync (clone, env.hub_url, TIMEOUT, TRUE);
  g_assert_cmpuint (pass.attempted, ==, 0);
  /* … until the operator says so; the hub still refuses it. */
  check_operator_sees_refusal (clone, id);
  pass = kiosk_sync (clone, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.held, ==, 1);
  g_assert_cmpint (kiosk_status (clone, id), ==, CAIJI_RECORD_APPROVED);
  assert_delivered_once (a, id);
  kiosk_free (clone);
  kiosk_free (a);
}

/* Each fault leaves the record pending with the reason; when the hub is
 * reachable again the record arrives, once. */
static void
check_fault_then_recovery (FaultMode   mode,
                           const char *error_part)
{
  Kiosk *a = kiosk_new (&env, "kiosk faults", 2);
  FaultProxy *proxy = fault_proxy_new (env.hub_url);
  gint64 id = approved_record (a, 1, 500 + mode);
  CaijiSyncPass pass;

  fault_proxy_set_mode (proxy, mode);
  pass = kiosk_sync (a, fault_proxy_url (proxy), TIMEOUT, FALSE);
  g_assert_cmpuint (pass.retrying, ==, 1);
  assert_pending (a, id, error_part);

  assert_backed_off (a, id);

  fault_proxy_set_mode (proxy, FAULT_NONE);
  pass = kiosk_sync (a, fault_proxy_url (proxy), TIMEOUT, TRUE);
  g_assert_cmpuint (pass.delivered, ==, 1);
  assert_delivered_once (a, id);
  fault_proxy_free (proxy);
  kiosk_free (a);
}

static void
test_hub_answers_500 (void)
{
  check_fault_then_recovery (FAULT_500, "500");
}

static void
test_hub_answers_garbage (void)
{
  /* The hub stored it but the kiosk never heard: the resend must not make
   * a second record. */
  check_fault_then_recovery (FAULT_GARBAGE, "did not confirm");
}

static void
test_hub_drops_connection (void)
{
  check_fault_then_recovery (FAULT_RESET, "Cannot reach the hub");
}

static void
test_hub_too_slow (void)
{
  check_fault_then_recovery (FAULT_SLOW, "Cannot reach the hub");
}

static void
test_retry_after_is_respected (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk retry-after", 2);
  FaultProxy *proxy = fault_proxy_new (env.hub_url);
  gint64 id = approved_record (a, 1, 600);
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(CaijiOutboxEntry) entry = NULL;

  fault_proxy_set_mode (proxy, FAULT_503_RETRY);
  kiosk_sync (a, fault_proxy_url (proxy), TIMEOUT, FALSE);
  entry = caiji_store_outbox_get (a->store, id, NULL);
  g_assert_cmpint (entry->next_attempt_at, >=, before + 120);
  assert_pending (a, id, "503");
  fault_proxy_free (proxy);
  kiosk_free (a);
}

/* The hub process dies (SIGKILL), the kiosk keeps its records, and a new
 * hub on the same address receives them once. */
static void
test_hub_down_then_restarted (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk hub-down", 3);
  gint64 first = approved_record (a, 0, 700);
  gint64 second = approved_record (a, 1, 701);
  CaijiSyncPass pass;

  sync_env_hub_kill (&env);
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.retrying, ==, 2);
  assert_pending (a, first, "Cannot reach the hub");
  assert_pending (a, second, "Cannot reach the hub");

  kiosk_restart (a);  /* the delivery state lives in the store file */
  sync_env_hub_start (&env);
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, TRUE);
  g_assert_cmpuint (pass.delivered, ==, 2);
  assert_delivered_once (a, first);
  assert_delivered_once (a, second);
  kiosk_free (a);
}

/* A revoked device is refused as a whole: the pass stops at the first
 * record instead of trying (and holding) every one of them. */
static void
test_revoked_device_stops_the_pass (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk revoked", 3);
  gint64 first = approved_record (a, 0, 1100);
  gint64 second = approved_record (a, 1, 1101);
  g_autofree char *device_id = sync_env_device_id (&env, a->token);
  g_autofree char *out = NULL;
  int status;
  CaijiSyncPass pass;

  out = run_caiji ((const char *[]) { env.hub_binary, "device", "revoke", device_id, "--db", env.db_uri, NULL },
                   &status);
  g_assert_cmpint (status, ==, 0);
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_true (pass.stopped);
  g_assert_cmpuint (pass.attempted, ==, 1);
  assert_pending (a, first, "revoked");
  g_assert_cmpint (kiosk_status (a, second), ==, CAIJI_RECORD_APPROVED);
  kiosk_free (a);
}

/* A record above the hub's size limit is refused (413) before upload and
 * held for the operator. */
static void
test_too_large_is_held (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk big", 2);
  gint64 id = kiosk_captured_record (a, 1, MAX_BODY_MB * 1024 * 1024 / 2, 800);
  g_autoptr(CaijiOutboxEntry) entry = NULL;
  g_autofree char *uuid = kiosk_uuid (a, id);
  CaijiSyncPass pass;

  kiosk_approve (a, id);
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.held, ==, 1);
  entry = caiji_store_outbox_get (a->store, id, NULL);
  g_assert_cmpint (entry->held_at, >, 0);
  g_assert_nonnull (strstr (entry->last_error, "413"));
  g_assert_cmpint (hub_records (uuid), ==, 0);
  kiosk_free (a);
}

/* The background worker: its own thread, results announced on ours. */
static void
on_pass_finished (CaijiSyncWorker *worker,
                  gpointer         data)
{
  (*(guint *) data)++;
}

static void
test_worker_thread_delivers (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk worker", 4);
  g_autoptr(CaijiSyncWorker) worker = kiosk_worker (a, env.hub_url, TIMEOUT);
  gint64 ids[3];
  guint passes = 0;
  CaijiSyncCounts counts = { 0 };
  gint64 give_up = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;  /* a hang guard, not a timing check */

  g_signal_connect (worker, "pass-finished", G_CALLBACK (on_pass_finished), &passes);
  caiji_sync_worker_start (worker);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = approved_record (a, i, 900 + i);
      caiji_sync_worker_wake (worker);
    }
  do
    {
      caiji_sync_counts_clear (&counts);
      g_main_context_iteration (NULL, TRUE);
      g_assert_true (caiji_store_sync_counts (a->store, G_MAXINT64, &counts, NULL));
    }
  while (counts.delivered < 3 && g_get_monotonic_time () < give_up);
  caiji_sync_counts_clear (&counts);
  caiji_sync_worker_stop (worker);
  g_assert_cmpuint (passes, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_delivered_once (a, ids[i]);
  kiosk_free (a);
}

/* `caiji sync status|run` on a kiosk database, through the real binary. */
static char *
run_caiji (const char *const *argv,
           int               *exit_status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static gint64
json_member_int (const char *json,
                 const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_get_int_member (json_node_get_object (root), member);
}

static void
test_cli_status_and_run (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk cli", 3);
  gint64 ids[2] = { approved_record (a, 0, 1000), approved_record (a, 1, 1001) };
  g_autofree char *db = g_strdup (caiji_store_get_path (a->store));
  g_autofree char *token_file = g_build_filename (a->dir, "hub-token", NULL);
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (token_file, a->token, -1, NULL));
  g_assert_cmpint (g_chmod (token_file, 0600), ==, 0);
  out = run_caiji ((const char *[]) { caiji_binary, "sync", "status", "--db", db, "--json", NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (json_member_int (out, "waiting"), ==, 2);
  g_clear_pointer (&out, g_free);

  out = run_caiji ((const char *[]) { caiji_binary, "sync", "run", "--once", "--db", db, "--hub", env.hub_url,
                                      "--token-file", token_file, "--json", NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (json_member_int (out, "delivered"), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_delivered_once (a, ids[i]);
  /* The token pasted in the clear is now sealed in its file. */
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_get_contents (token_file, &out, NULL, NULL));
  g_assert_null (strstr (out, a->token));

  /* A hub that cannot be reached is a failure even with nothing to send. */
  g_clear_pointer (&out, g_free);
  out = run_caiji ((const char *[]) { caiji_binary, "sync", "run", "--once", "--db", db, "--hub",
                                      "http://127.0.0.1:9", "--token-file", token_file, "--timeout", "2",
                                      "--json", NULL }, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "\"roster_error\""));
  g_assert_nonnull (strstr (out, "Cannot reach the hub"));

  /* A token others can read is refused before anything is sent. */
  g_assert_cmpint (g_chmod (token_file, 0644), ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_caiji ((const char *[]) { caiji_binary, "sync", "run", "--once", "--db", db, "--hub", env.hub_url,
                                      "--token-file", token_file, NULL }, &status);
  g_assert_cmpint (status, ==, 1);
  kiosk_free (a);
}

/* Roster down: `caiji-hub roster import`, then GET /api/v1/roster in pages. */
/* Synthetic candidates first..first+count-1; a non-NULL major replaces
 * theirs, as an office correcting the roster would. */
static char *
write_roster_csv (const char *dir,
                  guint       first,
                  guint       count,
                  const char *major)
{
  g_autoptr(GString) csv = g_string_new ("学号,姓名,性别,证件号,手机号,所属高校,专业,年级\n");
  char *path = g_build_filename (dir, "roster.csv", NULL);

  for (guint n = first; n < first + count; n++)
    {
      g_autoptr(CaijiCandidate) c = caiji_test_candidate (n);

      g_string_append_printf (csv, "%s,%s,%s,%s,%s,%s,%s,%s\n", c->student_no, c->name,
                              caiji_sex_to_string (c->sex), c->id_number, c->phone,
                              c->university, major != NULL ? major : c->major, c->grade);
    }
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
  return path;
}

static JsonObject *
get_json (SoupSession *session,
          const char  *token,
          const char  *path_and_query,
          JsonParser  *parser)
{
  g_autofree char *url = g_strconcat (env.hub_url, path_and_query, NULL);
  g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
run_hub_import (const char *csv)
{
  int status;
  char *out = run_caiji ((const char *[]) { env.hub_binary, "roster", "import", csv, "--db", env.db_uri, NULL },
                         &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
test_roster_pages (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *csv = write_roster_csv (dir, 0, 5, NULL);
  g_autofree char *token = sync_env_device_add (&env, "kiosk roster");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonParser) first = json_parser_new ();
  g_autoptr(JsonParser) second = json_parser_new ();
  g_autoptr(JsonParser) third = json_parser_new ();
  g_autofree char *out = run_hub_import (csv);
  g_autofree char *again = run_hub_import (csv);
  g_autofree char *query = NULL;
  JsonObject *page;

  g_assert_nonnull (strstr (out, "5 candidates read, 5 new or changed"));
  g_assert_nonnull (strstr (again, "5 candidates read, 0 new or changed"));
  page = get_json (session, token, "api/v1/roster?since=0&limit=3", first);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "candidates")), ==, 3);
  g_assert_true (json_object_get_boolean_member (page, "more"));
  query = g_strconcat ("api/v1/roster?limit=3&since=", json_object_get_string_member (page, "next_cursor"), NULL);
  page = get_json (session, token, query, second);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "candidates")), ==, 2);
  g_assert_false (json_object_get_boolean_member (page, "more"));
  g_free (query);
  query = g_strconcat ("api/v1/roster?since=", json_object_get_string_member (page, "next_cursor"), NULL);
  page = get_json (session, token, query, third);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "candidates")), ==, 0);
  caiji_test_remove_tree (dir);
}

/* The kiosk pulls the hub's roster changes on each pass. */
static void
test_roster_flows_down (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk roster-down", 1);
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *csv = write_roster_csv (dir, 100, 3, NULL);
  g_autofree char *out = run_hub_import (csv);
  g_autoptr(CaijiCandidate) fetched = NULL;
  g_autoptr(CaijiCandidate) expected = caiji_test_candidate (101);
  g_autoptr(GError) error = NULL;
  CaijiSyncPass pass;

  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_false (pass.roster_failed);
  g_assert_cmpuint (pass.roster_received, >=, 3);
  fetched = caiji_store_roster_find_by_student_no (a->store, expected->student_no, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->id_number, ==, expected->id_number);
  g_assert_cmpstr (fetched->phone, ==, expected->phone);

  /* Only what changed comes down the next time. */
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.roster_received, ==, 0);
  g_free (csv);
  g_free (out);
  csv = write_roster_csv (dir, 101, 1, "日语");
  out = run_hub_import (csv);
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.roster_received, ==, 1);
  g_clear_pointer (&fetched, caiji_candidate_free);
  fetched = caiji_store_roster_find_by_student_no (a->store, expected->student_no, &error);
  g_assert_cmpstr (fetched->major, ==, "日语");
  caiji_test_remove_tree (dir);
  kiosk_free (a);
}

/* Central review: records waiting for review go up, the hub's reviewer
 * decides, the decisions come back and are applied once; the approved
 * record then goes up again and replaces its "pending_review" version. */
static int
hub_decide (const char *uuid,
            const char *decision,
            const char *reason)
{
  int status;
  g_autofree char *out = run_caiji ((const char *[]) { env.hub_binary, "review", "decide", uuid, decision,
                                                       "--reviewer", "teacher:li", "--reason", reason,
                                                       "--db", env.db_uri, NULL }, &status);

  return status;
}

static gint64
hub_status_count (const char *uuid,
                  const char *status)
{
  g_autofree char *key = g_strconcat (uuid, "/", status, NULL);

  return sync_env_hub_count (&env, "SELECT count(*) FROM records WHERE uuid || '/' || status = $1;", key);
}

static void
test_central_review_round_trip (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk review", 3);
  gint64 approve_me = kiosk_review_record (a, 0, IMAGE_SIZE, 1200);
  gint64 reject_me = kiosk_review_record (a, 1, IMAGE_SIZE, 1201);
  g_autofree char *uuid_a = kiosk_uuid (a, approve_me);
  g_autofree char *uuid_b = kiosk_uuid (a, reject_me);
  g_autoptr(CaijiRecord) rejected = NULL;
  CaijiSyncPass pass;

  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.delivered, ==, 2);
  g_assert_cmpint (kiosk_status (a, approve_me), ==, CAIJI_RECORD_PENDING_REVIEW);
  g_assert_cmpint (hub_status_count (uuid_a, "pending_review"), ==, 1);
  g_assert_cmpint (hub_status_count (uuid_b, "pending_review"), ==, 1);

  g_assert_cmpint (hub_decide (uuid_a, "approved", ""), ==, 0);
  g_assert_cmpint (hub_decide (uuid_b, "rejected", "照片模糊"), ==, 0);
  g_assert_cmpint (hub_decide (uuid_b, "approved", ""), ==, 1);  /* one decision per record */

  pass = kiosk_sync (a, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.decisions_applied, ==, 2);
  g_assert_cmpuint (pass.delivered, ==, 1);
  assert_delivered_once (a, approve_me);
  g_assert_cmpint (hub_status_count (uuid_a, "approved"), ==, 1);
  rejected = caiji_store_record_load (a->store, reject_me, NULL);
  g_assert_cmpint (rejected->status, ==, CAIJI_RECORD_REJECTED);
  g_assert_cmpstr (rejected->reject_reason, ==, "照片模糊");
  g_assert_cmpstr (((CaijiStatusChange *) g_ptr_array_index (rejected->history, rejected->history->len - 1))->actor,
                   ==, "hub:teacher:li");
  g_assert_cmpint (hub_status_count (uuid_b, "pending_review"), ==, 1);

  /* Applied once: the cursor moved on, and nothing is left to send. */
  pass = kiosk_sync (a, env.hub_url, TIMEOUT, TRUE);
  g_assert_cmpuint (pass.decisions_applied, ==, 0);
  g_assert_cmpuint (pass.attempted, ==, 0);
  kiosk_free (a);
}

/* `caiji-hub export`: one row and one ID photo per student with an
 * approved record, each photo identical to what the kiosk sent. */
static void
check_export_row (const char *dir,
                  const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, ",", -1);
  g_autofree char *expected_name = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *key = NULL;
  gsize size;

  g_assert_cmpuint (g_strv_length (fields), ==, 7);
  expected_name = g_strconcat (fields[0], ".jpg", NULL);
  g_assert_cmpstr (fields[4], ==, expected_name);
  photo = g_build_filename (dir, "photos", fields[4], NULL);
  g_assert_true (g_file_get_contents (photo, &contents, &size, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, size);
  key = g_strconcat (fields[5], "/", sha256, NULL);
  g_assert_cmpint (sync_env_hub_count (&env, "SELECT count(*) FROM record_images WHERE kind = 'id_photo'"
                                       " AND record_uuid || '/' || sha256 = $1;", key), ==, 1);
}

static void
test_export_for_exam_platform (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *out_dir = g_build_filename (dir, "export", NULL);
  g_autofree char *csv_path = g_build_filename (out_dir, "records.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  int status;
  guint rows;

  out = run_caiji ((const char *[]) { env.hub_binary, "export", out_dir, "--db", env.db_uri, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (g_strchomp (csv), "\r\n", -1);
  rows = g_strv_length (lines) - 1;
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpint (rows, ==, sync_env_hub_count (&env, "SELECT count(DISTINCT student_no) FROM records"
                                                 " WHERE status = 'approved';", NULL));
  g_assert_true (g_str_has_prefix (lines[0], "学号,"));
  for (guint i = 1; lines[i] != NULL; i++)
    check_export_row (out_dir, lines[i]);
  caiji_test_remove_tree (dir);
}

/* Fault drills: the hub killed while the kiosk rotates its data key or
 * purges delivered pictures, with uploads running on the worker thread. */

/* No picture the kiosk still holds is readable in its files: rotation and
 * purge leave no plaintext copy behind. */
static void
assert_no_plaintext (Kiosk        *kiosk,
                     const gint64 *ids,
                     guint         n_ids)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GPtrArray) images = caiji_store_record_images (kiosk->store, ids[i], NULL);

      for (guint k = 0; images != NULL && k < images->len; k++)
        for (gsize f = 0; f < G_N_ELEMENTS (suffixes); f++)
          {
            g_autofree char *path = g_strconcat (caiji_store_get_path (kiosk->store), suffixes[f], NULL);
            CaijiStoredImage *image = images->pdata[k];

            g_assert_false (caiji_test_file_contains (path, g_bytes_get_data (image->data, NULL), 64));
          }
    }
}

static void
assert_store_healthy (Kiosk *kiosk)
{
  g_autoptr(GError) error = NULL;
  CaijiStoreCheck check = { 0 };

  g_assert_true (caiji_store_check (kiosk->store, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (check.integrity, ==, "ok");
  caiji_store_check_clear (&check);
}

static gpointer
rekey_thread (gpointer store)
{
  g_autoptr(GError) error = NULL;

  /* Several rotations, so that one is under way when the hub dies. */
  for (guint i = 0; i < 3; i++)
    if (!caiji_store_rekey (store, &error))
      return g_strdup (error->message);
  return NULL;
}

static gpointer
purge_thread (gpointer store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) purged = caiji_store_purge_images (store, G_MAXINT64, FALSE, &error);

  return purged == NULL ? g_strdup (error->message) : GUINT_TO_POINTER (purged->len + 1);
}

/* Runs @work on a thread while the worker uploads and the hub is killed,
 * then brings the hub back and lets the kiosk finish. */
static gpointer
run_with_hub_killed (Kiosk       *kiosk,
                     GThreadFunc  work)
{
  g_autoptr(CaijiSyncWorker) worker = kiosk_worker (kiosk, env.hub_url, TIMEOUT);
  GThread *thread;
  gpointer result;

  caiji_sync_worker_start (worker);
  caiji_sync_worker_wake (worker);
  thread = g_thread_new ("drill", work, kiosk->store);
  sync_env_hub_kill (&env);
  result = g_thread_join (thread);
  caiji_sync_worker_stop (worker);
  kiosk_restart (kiosk);
  sync_env_hub_start (&env);
  return result;
}

static void
finish_sync (Kiosk *kiosk)
{
  CaijiSyncPass pass = kiosk_sync (kiosk, env.hub_url, TIMEOUT, TRUE);

  g_assert_cmpuint (pass.retrying + pass.held, ==, 0);
}

static void
test_hub_killed_during_rekey (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk rekey drill", 8);
  gint64 ids[8];
  g_autofree char *problem = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = approved_record (a, i, 1100 + i);
  problem = run_with_hub_killed (a, rekey_thread);
  g_assert_null (problem);
  finish_sync (a);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_delivered_once (a, ids[i]);
  assert_no_plaintext (a, ids, G_N_ELEMENTS (ids));
  assert_store_healthy (a);
  kiosk_free (a);
}

/* Delivered records lose their pictures on the kiosk, never on the hub;
 * the ones still waiting keep theirs and arrive once. */
static void
test_hub_killed_during_purge (void)
{
  Kiosk *a = kiosk_new (&env, "kiosk purge drill", 8);
  gint64 ids[8];
  gpointer result;

  for (guint i = 0; i < 4; i++)
    ids[i] = approved_record (a, i, 1200 + i);
  finish_sync (a);
  for (guint i = 4; i < G_N_ELEMENTS (ids); i++)
    ids[i] = approved_record (a, i, 1200 + i);
  result = run_with_hub_killed (a, purge_thread);
  g_assert_cmpuint (GPOINTER_TO_UINT (result), >=, 1 + 4);
  finish_sync (a);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *uuid = kiosk_uuid (a, ids[i]);
      g_autoptr(GPtrArray) images = caiji_store_record_images (a->store, ids[i], NULL);

      g_assert_cmpint (kiosk_status (a, ids[i]), ==, CAIJI_RECORD_SYNCED);
      g_assert_cmpint (hub_records (uuid), ==, 1);
      g_assert_cmpint (sync_env_hub_count (&env, "SELECT count(*) FROM record_images WHERE record_uuid = $1::uuid;",
                                           uuid), ==, CAIJI_IMAGE_N_KINDS);
      if (i < 4)
        g_assert_cmpuint (images->len, ==, 0);
    }
  assert_no_plaintext (a, ids, G_N_ELEMENTS (ids));
  assert_store_healthy (a);
  kiosk_free (a);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 4)
    g_error ("usage: %s CAIJI-HUB PG-CLUSTER.SH CAIJI", argv[0]);
  caiji_binary = argv[3];
  sync_env_start (&env, argv[1], argv[2], MAX_BODY_MB);

  g_test_add_func ("/sync/two-kiosks", test_two_kiosks);
  g_test_add_func ("/sync/resend-is-idempotent", test_resend_is_idempotent);
  g_test_add_func ("/sync/conflict-is-held-with-reason", test_conflict_is_held_with_reason);
  g_test_add_func ("/sync/hub-answers-500", test_hub_answers_500);
  g_test_add_func ("/sync/hub-answers-garbage", test_hub_answers_garbage);
  g_test_add_func ("/sync/hub-drops-connection", test_hub_drops_connection);
  g_test_add_func ("/sync/hub-too-slow", test_hub_too_slow);
  g_test_add_func ("/sync/retry-after-is-respected", test_retry_after_is_respected);
  g_test_add_func ("/sync/hub-down-then-restarted", test_hub_down_then_restarted);
  g_test_add_func ("/sync/too-large-is-held", test_too_large_is_held);
  g_test_add_func ("/sync/revoked-device-stops-the-pass", test_revoked_device_stops_the_pass);
  g_test_add_func ("/sync/worker-thread-delivers", test_worker_thread_delivers);
  g_test_add_func ("/sync/cli-status-and-run", test_cli_status_and_run);
  g_test_add_func ("/sync/roster-pages", test_roster_pages);
  g_test_add_func ("/sync/roster-flows-down", test_roster_flows_down);
  g_test_add_func ("/sync/central-review-round-trip", test_central_review_round_trip);
  g_test_add_func ("/sync/export-for-exam-platform", test_export_for_exam_platform);
  g_test_add_func ("/sync/hub-killed-during-rekey", test_hub_killed_during_rekey);
  g_test_add_func ("/sync/hub-killed-during-purge", test_hub_killed_during_purge);
  status = g_test_run ();
  g_test_message ("delivery tally: checked %u, once %u, duplicated %u, lost %u",
                  tally.checked, tally.once, tally.duplicated, tally.lost);
  sync_env_stop (&env);
  return status;
}
