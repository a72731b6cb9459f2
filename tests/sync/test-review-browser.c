/* test-review-browser.c: the hub's central review page, in a real browser
 *
 * A kiosk sends three records for central review to the real caiji-hub on
 * a throwaway PostgreSQL cluster; review-browser.py drives Debian's
 * headless Chromium through chromedriver: a wrong password is refused on
 * the page, the reviewer logs in, approves one record and rejects another
 * with a reason.  Then the hub's tables hold exactly those two decisions
 * and the kiosk applies both.  A second case checks the page's API guards
 * (CSRF, origin, sizes, reasons, sessions, login lockout) over plain HTTP.
 *
 * Usage: test-review-browser CAIJI-HUB PG-CLUSTER.SH REVIEW-BROWSER.PY
 */
#include <signal.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "caiji-test-utils.h"
#include "sync-test-env.h"

#define IMAGE_SIZE  (16 * 1024)
#define TIMEOUT     5
#define REVIEWER    "teacher.wang"
#define PASSWORD    "review-Pass-2026"
#define REASON      "身份证照片模糊，请重新拍摄"

static SyncEnv env;
static const char *browser_script;

const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static void
add_reviewer (const char *name,
              const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = g_strdup_printf ("%s\n%s\n", password, password);
  g_autoptr(GSubprocess) hub = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                                 &error, env.hub_binary, "reviewer", "add", name,
                                                 "--db", env.db_uri, NULL);

  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (hub, input, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (hub));
}

static JsonObject *
run_browser (JsonParser *parser,
             const char *approve_uuid,
             const char *reject_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) browser = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                     &error, "python3", browser_script, env.hub_url, REVIEWER,
                                                     PASSWORD, approve_uuid, reject_uuid, REASON, NULL);

  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (browser, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (browser))
    g_error ("the review page failed in the browser: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The page showed the record with the kiosk's very images. */
static void
assert_card_shows (JsonObject *cards,
                   Kiosk      *kiosk,
                   gint64      record_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = kiosk_uuid (kiosk, record_id);
  g_autoptr(CaijiRecord) record = caiji_store_record_load (kiosk->store, record_id, &error);
  g_autoptr(GPtrArray) images = caiji_store_record_images (kiosk->store, record_id, &error);
  JsonObject *card = json_object_get_object_member (cards, uuid);
  JsonObject *shown;

  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_nonnull (strstr (json_object_get_string_member (card, "text"), record->student_no));
  /* The problems the reviewer is shown: the review records' score of
   * 0.41 is under the threshold, and the hub's roster is empty here. */
  g_assert_nonnull (strstr (json_object_get_string_member (card, "text"), "人脸比对分数 0.41 低于阈值 0.60。"));
  g_assert_nonnull (strstr (json_object_get_string_member (card, "text"), "名单中没有该学号。"));
  shown = json_object_get_object_member (card, "images");
  g_assert_cmpuint (json_object_get_size (shown), ==, images->len);
  for (guint i = 0; i < images->len; i++)
    {
      const CaijiStoredImage *image = images->pdata[i];

      g_assert_cmpstr (json_object_get_string_member (shown, caiji_image_kind_to_string (image->kind)), ==,
                       image->sha256);
    }
}

static gint64
decisions_on_hub (const char *uuid,
                  const char *decision,
                  const char *reason)
{
  g_autofree char *key = g_strjoin ("/", uuid, decision, reason, REVIEWER, NULL);

  return sync_env_hub_count (&env, "SELECT count(*) FROM decisions WHERE"
                             " record_uuid || '/' || decision || '/' || coalesce (reason, '') || '/' || reviewer = $1;",
                             key);
}

static void
test_browser_round_trip (void)
{
  Kiosk *kiosk = kiosk_new (&env, "kiosk review page", 3);
  gint64 ids[3] = { kiosk_review_record (kiosk, 0, IMAGE_SIZE, 3100), kiosk_review_record (kiosk, 1, IMAGE_SIZE, 3101),
                    kiosk_review_record (kiosk, 2, IMAGE_SIZE, 3102) };
  g_autofree char *approve_uuid = kiosk_uuid (kiosk, ids[0]);
  g_autofree char *reject_uuid = kiosk_uuid (kiosk, ids[1]);
  g_autofree char *waiting_uuid = kiosk_uuid (kiosk, ids[2]);
  g_autofree char *rejected_text = g_strconcat ("已驳回：", REASON, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CaijiRecord) rejected = NULL;
  JsonObject *report;
  JsonArray *after_reload;
  CaijiSyncPass pass;

  add_reviewer (REVIEWER, PASSWORD);
  pass = kiosk_sync (kiosk, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.delivered, ==, 3);

  report = run_browser (parser, approve_uuid, reject_uuid);
  g_assert_cmpstr (json_object_get_string_member (report, "wrong_password_error"), ==, "用户名或密码错误。");
  g_assert_nonnull (strstr (json_object_get_string_member (report, "reviewer_shown"), REVIEWER));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_card_shows (json_object_get_object_member (report, "cards"), kiosk, ids[i]);
  g_assert_cmpstr (json_object_get_string_member (report, "empty_reason_message"), ==, "驳回时必须填写原因。");
  g_assert_cmpstr (json_object_get_string_member (report, "approve_status"), ==, "已通过");
  g_assert_cmpstr (json_object_get_string_member (report, "reject_status"), ==, rejected_text);
  after_reload = json_object_get_array_member (report, "after_reload");
  g_assert_cmpuint (json_array_get_length (after_reload), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (after_reload, 0), ==, waiting_uuid);
  g_assert_cmpstr (json_object_get_string_member (report, "after_logout"), ==, "已退出登录。");

  /* The hub holds exactly the two decisions, by the logged-in reviewer. */
  g_assert_cmpint (decisions_on_hub (approve_uuid, "approved", ""), ==, 1);
  g_assert_cmpint (decisions_on_hub (reject_uuid, "rejected", REASON), ==, 1);
  g_assert_cmpint (sync_env_hub_count (&env, "SELECT count(*) FROM decisions;", NULL), ==, 2);

  /* …and they reach the kiosk through /api/v1/decisions. */
  pass = kiosk_sync (kiosk, env.hub_url, TIMEOUT, FALSE);
  g_assert_cmpuint (pass.decisions_applied, ==, 2);
  g_assert_cmpint (kiosk_status (kiosk, ids[0]), ==, CAIJI_RECORD_SYNCED);
  g_assert_cmpint (sync_env_hub_count (&env, "SELECT count(*) FROM records WHERE uuid = $1::uuid AND status = 'approved';",
                                       approve_uuid), ==, 1);
  rejected = caiji_store_record_load (kiosk->store, ids[1], NULL);
  g_assert_cmpint (rejected->status, ==, CAIJI_RECORD_REJECTED);
  g_assert_cmpstr (rejected->reject_reason, ==, REASON);
  g_assert_cmpint (kiosk_status (kiosk, ids[2]), ==, CAIJI_RECORD_PENDING_REVIEW);
  kiosk_free (kiosk);
}

/* The API guards, over HTTP */

typedef struct {
  SoupSession *session;
  char        *cookie;
  char        *csrf;
} Client;

/* env.hub_url ends in "/"; paths here start with one. */
static char *
hub_address (const char *path)
{
  g_autofree char *base = g_strdup (env.hub_url);

  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  return g_strconcat (base, path, NULL);
}

static guint
post (Client     *client,
      const char *path,
      const char *body,
      const char *origin,
      const char *csrf,
      char      **answer)
{
  g_autofree char *url = hub_address (path);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *set_cookie;

  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  if (client->cookie != NULL)
    soup_message_headers_replace (headers, "Cookie", client->cookie);
  if (origin != NULL)
    soup_message_headers_replace (headers, "Origin", origin);
  if (csrf != NULL)
    soup_message_headers_replace (headers, "X-Caiji-CSRF", csrf);
  reply = soup_session_send_and_read (client->session, msg, NULL, &error);
  g_assert_no_error (error);
  set_cookie = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Set-Cookie");
  if (set_cookie != NULL)
    {
      g_assert_nonnull (strstr (set_cookie, "HttpOnly"));
      g_assert_nonnull (strstr (set_cookie, "SameSite=Strict"));
      g_free (client->cookie);
      client->cookie = g_strndup (set_cookie, strcspn (set_cookie, ";"));
    }
  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return soup_message_get_status (msg);
}

static guint
get_status (Client     *client,
            const char *path)
{
  g_autofree char *url = hub_address (path);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) reply = NULL;

  if (client->cookie != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", client->cookie);
  reply = soup_session_send_and_read (client->session, msg, NULL, NULL);
  return soup_message_get_status (msg);
}

static guint
log_in (Client     *client,
        const char *name,
        const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\", \"password\": \"%s\"}", name, password);
  g_autofree char *answer = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint status = post (client, "/review/api/login", body, NULL, NULL, &answer);

  if (status == SOUP_STATUS_OK)
    {
      root = json_from_string (answer, NULL);
      g_free (client->csrf);
      client->csrf = g_strdup (json_object_get_string_member (json_node_get_object (root), "csrf"));
    }
  return status;
}

static guint
decide (Client     *client,
        const char *uuid,
        const char *body,
        const char *origin,
        const char *csrf)
{
  g_autofree char *path = g_strconcat ("/review/api/records/", uuid, "/decision", NULL);

  return post (client, path, body, origin, csrf, NULL);
}

static void
test_api_guards (void)
{
  Kiosk *kiosk = kiosk_new (&env, "kiosk guards", 1);
  gint64 id = kiosk_review_record (kiosk, 0, IMAGE_SIZE, 3200);
  g_autofree char *uuid = kiosk_uuid (kiosk, id);
  g_autofree char *long_reason = g_strnfill (201, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"decision\": \"rejected\", \"reason\": \"%s\"}", long_reason);
  g_autofree char *huge_reason = g_strnfill (20 * 1024, 'x');
  g_autofree char *huge = g_strdup_printf ("{\"decision\": \"rejected\", \"reason\": \"%s\"}", huge_reason);
  g_autofree char *origin = hub_address ("");
  Client client = { .session = soup_session_new () };
  guint status = 0;

  add_reviewer ("teacher.zhao", PASSWORD);
  g_assert_cmpuint (kiosk_sync (kiosk, env.hub_url, TIMEOUT, FALSE).delivered, ==, 1);
  g_assert_cmpuint (get_status (&client, "/review/api/records"), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (post (&client, "/review/api/login", "name=teacher.zhao", NULL, NULL, NULL), ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpuint (log_in (&client, "teacher.zhao", PASSWORD), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (get_status (&client, "/review/api/records"), ==, SOUP_STATUS_OK);

  /* Forged, malformed or oversized changes decide nothing. */
  g_assert_cmpuint (decide (&client, uuid, "{\"decision\": \"approved\"}", NULL, NULL), ==, SOUP_STATUS_FORBIDDEN);
  g_assert_cmpuint (decide (&client, uuid, "{\"decision\": \"approved\"}", "http://evil.example", client.csrf), ==,
                    SOUP_STATUS_FORBIDDEN);
  g_assert_cmpuint (decide (&client, uuid, "{\"decision\": \"rejected\", \"reason\": \"  \"}", origin, client.csrf), ==,
                    SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpuint (decide (&client, uuid, too_long, origin, client.csrf), ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpuint (decide (&client, uuid, huge, origin, client.csrf), ==, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
  g_assert_cmpint (sync_env_hub_count (&env, "SELECT count(*) FROM decisions WHERE record_uuid = $1::uuid;", uuid), ==, 0);
  g_assert_cmpuint (decide (&client, uuid, "{\"decision\": \"approved\"}", origin, client.csrf), ==, SOUP_STATUS_OK);
  g_assert_cmpuint (decide (&client, uuid, "{\"decision\": \"approved\"}", origin, client.csrf), ==, SOUP_STATUS_NOT_FOUND);

  /* Logging out ends the session on the hub, not just in the browser. */
  {
    g_autofree char *old_cookie = g_strdup (client.cookie);

    g_assert_cmpuint (post (&client, "/review/api/logout", "{}", origin, client.csrf, NULL), ==, SOUP_STATUS_OK);
    g_free (client.cookie);
    client.cookie = g_steal_pointer (&old_cookie);
    g_assert_cmpuint (get_status (&client, "/review/api/records"), ==, SOUP_STATUS_UNAUTHORIZED);
  }

  /* Five wrong passwords lock the account and this address, even for the
   * right password; this runs last because the lock outlives the case. */
  for (guint attempt = 0; attempt < 5; attempt++)
    status = log_in (&client, "teacher.zhao", "not-the-password");
  g_assert_cmpuint (status, ==, 429);
  g_assert_cmpuint (log_in (&client, "teacher.zhao", PASSWORD), ==, 429);

  g_free (client.cookie);
  g_free (client.csrf);
  g_object_unref (client.session);
  kiosk_free (kiosk);
}

/* SIGTERM, not the usual SIGKILL: the hub then leaves its main loop and
 * exits, so an AddressSanitizer build reports any leak of the review
 * page's requests as a failed exit. */
static void
stop_hub_cleanly (void)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (env.hub, SIGTERM);
  g_assert_true (g_subprocess_wait (env.hub, NULL, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (env.hub) || g_subprocess_get_exit_status (env.hub) != 0)
    g_error ("caiji-hub did not exit cleanly after SIGTERM (leak report above?)");
  g_clear_object (&env.hub);
}

/* As __asan_default_options does for this program: with full stacks
 * tests/lsan.supp can tell libsoup's own leaks from ours, in the hub too. */
static void
full_stacks_for_the_hub (void)
{
  const char *options = g_getenv ("ASAN_OPTIONS");
  g_autofree char *combined = g_strconcat (options != NULL ? options : "", options != NULL ? ":" : "",
                                           "fast_unwind_on_malloc=0", NULL);

  g_setenv ("ASAN_OPTIONS", combined, TRUE);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 4)
    g_error ("usage: %s CAIJI-HUB PG-CLUSTER.SH REVIEW-BROWSER.PY", argv[0]);
  browser_script = argv[3];
  full_stacks_for_the_hub ();
  sync_env_start (&env, argv[1], argv[2], 2);

  g_test_add_func ("/review/browser-round-trip", test_browser_round_trip);
  g_test_add_func ("/review/api-guards", test_api_guards);
  status = g_test_run ();
  stop_hub_cleanly ();
  sync_env_stop (&env);
  return status;
}
