/* test-sync-tls.c: kiosks pin the hub's CA
 *
 * The real caiji-hub serves HTTPS with a certificate made at test time
 * (make-test-certs.sh) by one CA.  A kiosk pinned to that CA delivers; a
 * kiosk pinned to another CA, or trusting only the system's CAs, or given
 * an unreadable CA file, sends nothing, marks nothing synced and says why
 * in words an operator can act on.
 *
 * Usage: test-sync-tls CAIJI-HUB PG-CLUSTER.SH MAKE-TEST-CERTS.SH CAIJI
 */
#include <glib/gstdio.h>
#include <string.h>

#include "caiji-sync-config.h"
#include "caiji-test-utils.h"
#include "sync-test-env.h"

#define IMAGE_SIZE (16 * 1024)
#define TIMEOUT    5

static SyncEnv env;
static char *cert_dir;
static const char *caiji_binary;

const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static char *
cert_path (const char *name)
{
  return g_build_filename (cert_dir, name, NULL);
}

static CaijiSyncPass
sync_pinned (Kiosk      *kiosk,
             const char *ca_file)
{
  CaijiSyncConfig config = { .hub_url = env.hub_url, .token = kiosk->token, .timeout_seconds = TIMEOUT,
                             .poll_seconds = 1, .ca_file = ca_file };
  g_autoptr(CaijiSyncWorker) worker = caiji_sync_worker_new (kiosk->store, &config);
  g_autoptr(GError) error = NULL;
  CaijiSyncPass pass;

  g_assert_true (caiji_sync_worker_run_once (worker, TRUE, &pass, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return pass;
}

static gint64
approved_record (Kiosk  *kiosk,
                 guint32 seed)
{
  gint64 id = kiosk_captured_record (kiosk, 0, IMAGE_SIZE, seed);

  kiosk_approve (kiosk, id);
  return id;
}

static gint64
hub_records (Kiosk *kiosk,
             gint64 record_id)
{
  g_autofree char *uuid = kiosk_uuid (kiosk, record_id);

  return sync_env_hub_count (&env, "SELECT count(*) FROM records WHERE uuid = $1::uuid;", uuid);
}

static void
test_pinned_ca_delivers (void)
{
  Kiosk *kiosk = kiosk_new (&env, "kiosk pinned", 1);
  gint64 id = approved_record (kiosk, 5000);
  g_autofree char *ca = cert_path ("ca-hub.pem");
  CaijiSyncPass pass;

  g_assert_true (g_str_has_prefix (env.hub_url, "https://"));
  pass = sync_pinned (kiosk, ca);
  g_assert_cmpuint (pass.delivered, ==, 1);
  g_assert_false (pass.stopped);
  g_assert_cmpint (kiosk_status (kiosk, id), ==, CAIJI_RECORD_SYNCED);
  g_assert_cmpint (hub_records (kiosk, id), ==, 1);
  kiosk_free (kiosk);
}

/* Refused before anything is sent: still approved, not delivered, with
 * the reason kept for the operator. */
static void
assert_refused (const char *ca_file,
                const char *reason_part,
                guint32     seed)
{
  Kiosk *kiosk = kiosk_new (&env, "kiosk refused", 1);
  gint64 id = approved_record (kiosk, seed);
  g_autoptr(CaijiOutboxEntry) entry = NULL;
  CaijiSyncPass pass = sync_pinned (kiosk, ca_file);

  g_assert_cmpuint (pass.delivered, ==, 0);
  g_assert_true (pass.stopped);
  g_assert_true (pass.decisions_failed);
  g_assert_cmpint (kiosk_status (kiosk, id), ==, CAIJI_RECORD_APPROVED);
  entry = caiji_store_outbox_get (kiosk->store, id, NULL);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->delivered_at, ==, 0);
  g_assert_cmpint (entry->held_at, ==, 0);
  if (strstr (entry->last_error, reason_part) == NULL)
    g_error ("expected “%s” in the operator's message, got: %s", reason_part, entry->last_error);
  g_assert_cmpint (hub_records (kiosk, id), ==, 0);
  kiosk_free (kiosk);
}

static void
test_other_ca_is_refused (void)
{
  g_autofree char *other = cert_path ("ca-other.pem");

  assert_refused (other, "not signed by the pinned CA", 5001);
}

static void
test_system_cas_refuse_private_hub (void)
{
  assert_refused (NULL, "not trusted by this kiosk", 5002);
}

static void
test_unreadable_ca_file (void)
{
  g_autofree char *missing = cert_path ("no-such-ca.pem");

  assert_refused (missing, "Cannot use the hub's CA file", 5003);
}

static int
caiji_sync (const char *const *argv,
            char             **output)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, output, NULL, &wait_status,
                &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
}

/* `caiji sync run --ca-file`: refused with the other CA (and `caiji sync
 * status` says why), delivered with the hub's. */
static void
test_cli_ca_file (void)
{
  Kiosk *kiosk = kiosk_new (&env, "kiosk cli tls", 1);
  gint64 id = approved_record (kiosk, 5004);
  g_autofree char *db = g_strdup (caiji_store_get_path (kiosk->store));
  g_autofree char *token_file = g_build_filename (kiosk->dir, "hub-token", NULL);
  g_autofree char *other = cert_path ("ca-other.pem");
  g_autofree char *pinned = cert_path ("ca-hub.pem");
  g_autofree char *refused = NULL;
  g_autofree char *status = NULL;
  g_autofree char *delivered = NULL;

  g_assert_true (g_file_set_contents (token_file, kiosk->token, -1, NULL));
  g_assert_cmpint (g_chmod (token_file, 0600), ==, 0);
  g_assert_cmpint (caiji_sync ((const char *[]) { caiji_binary, "sync", "run", "--once", "--db", db, "--hub", env.hub_url,
                                                  "--token-file", token_file, "--ca-file", other, NULL }, &refused), ==, 1);
  g_assert_cmpint (caiji_sync ((const char *[]) { caiji_binary, "sync", "status", "--db", db, NULL }, &status), ==, 0);
  if (strstr (status, "not signed by the pinned CA") == NULL)
    g_error ("`caiji sync status` does not say why: %s", status);
  g_assert_cmpint (hub_records (kiosk, id), ==, 0);
  g_assert_cmpint (caiji_sync ((const char *[]) { caiji_binary, "sync", "run", "--once", "--db", db, "--hub", env.hub_url,
                                                  "--token-file", token_file, "--ca-file", pinned, NULL }, &delivered), ==, 0);
  g_assert_cmpint (hub_records (kiosk, id), ==, 1);
  kiosk_free (kiosk);
}

/* The setting names the CA unless the command line does. */
static void
test_setting_names_ca (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.caiji.Kiosk");
  g_autofree char *unset = NULL;
  g_autofree char *from_setting = NULL;
  g_autofree char *from_option = NULL;

  g_settings_set_string (settings, "hub-ca-file", "");
  unset = caiji_sync_config_ca_file (NULL);
  g_assert_null (unset);
  g_settings_set_string (settings, "hub-ca-file", "/etc/caiji/hub-ca.pem");
  from_setting = caiji_sync_config_ca_file (NULL);
  g_assert_cmpstr (from_setting, ==, "/etc/caiji/hub-ca.pem");
  from_option = caiji_sync_config_ca_file ("/tmp/other.pem");
  g_assert_cmpstr (from_option, ==, "/tmp/other.pem");
  g_settings_reset (settings, "hub-ca-file");
}

static void
make_certificates (const char *script)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  cert_dir = caiji_test_make_tmpdir ();
  g_spawn_sync (NULL, (char *[]) { "bash", (char *) script, cert_dir, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *hub_cert = NULL;
  g_autofree char *hub_key = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 5)
    g_error ("usage: %s CAIJI-HUB PG-CLUSTER.SH MAKE-TEST-CERTS.SH CAIJI", argv[0]);
  caiji_binary = argv[4];
  make_certificates (argv[3]);
  hub_cert = cert_path ("hub.pem");
  hub_key = cert_path ("hub.key");
  sync_env_start (&env, argv[1], argv[2], 2);
  /* Again over HTTPS, on the same port. */
  sync_env_hub_kill (&env);
  env.tls_cert = hub_cert;
  env.tls_key = hub_key;
  sync_env_hub_start (&env);

  g_test_add_func ("/tls/pinned-ca-delivers", test_pinned_ca_delivers);
  g_test_add_func ("/tls/other-ca-is-refused", test_other_ca_is_refused);
  g_test_add_func ("/tls/system-cas-refuse-private-hub", test_system_cas_refuse_private_hub);
  g_test_add_func ("/tls/unreadable-ca-file", test_unreadable_ca_file);
  g_test_add_func ("/tls/cli-ca-file", test_cli_ca_file);
  g_test_add_func ("/tls/setting-names-ca", test_setting_names_ca);
  status = g_test_run ();
  sync_env_stop (&env);
  caiji_test_remove_tree (cert_dir);
  g_free (cert_dir);
  return status;
}
