/* sync-test-env.c: cluster, hub process and kiosk stores for the tests */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#include "caiji-test-utils.h"
#include "sync-test-env.h"

static char *
run_for_output (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static char *
last_line (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *newline = strrchr (copy, '\n');

  return g_strdup (newline != NULL ? newline + 1 : copy);
}

void
sync_env_start (SyncEnv    *env,
                const char *hub_binary,
                const char *cluster_script,
                int         max_body_mb)
{
  g_autofree char *out = NULL;

  memset (env, 0, sizeof *env);
  env->hub_binary = g_strdup (hub_binary);
  env->cluster_script = g_strdup (cluster_script);
  env->max_body_mb = max_body_mb;
  env->cluster_dir = g_dir_make_tmp ("caiji-pg-XXXXXX", NULL);
  g_assert_nonnull (env->cluster_dir);
  out = run_for_output ((const char *[]) { "bash", cluster_script, "start", env->cluster_dir, NULL });
  env->db_uri = last_line (out);
  env->pg = PQconnectdb (env->db_uri);
  g_assert_cmpint (PQstatus (env->pg), ==, CONNECTION_OK);
  sync_env_hub_start (env);
}

void
sync_env_stop (SyncEnv *env)
{
  g_autofree char *out = NULL;

  sync_env_hub_kill (env);
  PQfinish (env->pg);
  out = run_for_output ((const char *[]) { "bash", env->cluster_script, "stop", env->cluster_dir, NULL });
  g_free (env->hub_binary);
  g_free (env->cluster_script);
  g_free (env->cluster_dir);
  g_free (env->db_uri);
  g_free (env->hub_url);
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Reads "caiji-hub: listening on URL" and keeps the port, so a restarted
 * hub is found by kiosks at the same address. */
void
sync_env_hub_start (SyncEnv *env)
{
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", env->hub_port);
  g_autofree char *max_body = g_strdup_printf ("%d", env->max_body_mb);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  /* If the test dies on an assertion, the hub must not outlive it (and
   * keep the test runner waiting on its output). */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  if (env->tls_cert != NULL)
    env->hub = g_subprocess_launcher_spawn (launcher, &error, env->hub_binary, "serve", "--db", env->db_uri,
                                            "--listen", listen, "--max-body-mb", max_body,
                                            "--tls-cert", env->tls_cert, "--tls-key", env->tls_key, NULL);
  else
    env->hub = g_subprocess_launcher_spawn (launcher, &error, env->hub_binary, "serve",
                                            "--db", env->db_uri, "--listen", listen, "--max-body-mb", max_body, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (env->hub));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "caiji-hub: listening on "));
  g_free (env->hub_url);
  env->hub_url = g_strdup (line + strlen ("caiji-hub: listening on "));
  uri = g_uri_parse (env->hub_url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  env->hub_port = g_uri_get_port (uri);
}

/* SIGKILL: the hub gets no chance to finish anything, like a crash. */
void
sync_env_hub_kill (SyncEnv *env)
{
  if (env->hub == NULL)
    return;
  g_subprocess_send_signal (env->hub, SIGKILL);
  g_subprocess_wait (env->hub, NULL, NULL);
  g_clear_object (&env->hub);
}

char *
sync_env_device_add (SyncEnv    *env,
                     const char *name)
{
  g_autofree char *out = run_for_output ((const char *[]) { env->hub_binary, "device", "add", name,
                                                            "--db", env->db_uri, NULL });
  const char *token = strstr (out, "\ntoken ");

  g_assert_nonnull (token);
  return g_strndup (token + strlen ("\ntoken "), strcspn (token + strlen ("\ntoken "), "\n"));
}

/* The device id behind a token, from the hub's table. */
char *
sync_env_device_id (SyncEnv    *env,
                    const char *token)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  const char *values[1] = { hash };
  PGresult *result = PQexecParams (env->pg, "SELECT id FROM devices WHERE token_sha256 = $1;", 1, NULL, values,
                                   NULL, NULL, 0);
  char *id;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return id;
}

/* A count from the hub's tables; sql takes at most one text parameter. */
gint64
sync_env_hub_count (SyncEnv    *env,
                    const char *sql,
                    const char *param)
{
  const char *values[1] = { param };
  PGresult *result = PQexecParams (env->pg, sql, param != NULL ? 1 : 0, NULL, values, NULL, NULL, 0);
  gint64 count;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return count;
}

/* Kiosks */

Kiosk *
kiosk_open (const char *dir,
            const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "caiji.db", NULL);
  Kiosk *kiosk = g_new0 (Kiosk, 1);

  kiosk->dir = g_strdup (dir);
  kiosk->token = g_strdup (token);
  kiosk->store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  return kiosk;
}

Kiosk *
kiosk_new (SyncEnv    *env,
           const char *name,
           guint       roster_size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *token = sync_env_device_add (env, name);
  g_autoptr(GPtrArray) roster = caiji_test_roster (roster_size);
  Kiosk *kiosk = kiosk_open (dir, token);

  g_assert_true (caiji_store_roster_put (kiosk->store, roster, &error));
  g_assert_no_error (error);
  return kiosk;
}

/* Close and reopen the store, as a kiosk restart does. */
void
kiosk_restart (Kiosk *kiosk)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (kiosk->dir, "caiji.db", NULL);

  g_clear_object (&kiosk->store);
  kiosk->store = caiji_store_open (path, &error);
  g_assert_no_error (error);
}

/* A second kiosk made from a copy of this one's disk, as when a kiosk image
 * is cloned: same records, same uuids, its own token. */
Kiosk *
kiosk_clone (Kiosk      *kiosk,
             const char *token)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *from = g_build_filename (kiosk->dir, "caiji.db", NULL);
  g_autofree char *to = g_build_filename (dir, "caiji.db", NULL);
  g_autofree char *contents = NULL;
  gsize size;

  g_clear_object (&kiosk->store);  /* closing checkpoints the WAL into the file */
  g_assert_true (g_file_get_contents (from, &contents, &size, NULL));
  g_assert_true (g_file_set_contents (to, contents, size, NULL));
  kiosk_restart (kiosk);
  return kiosk_open (dir, token);
}

void
kiosk_free (Kiosk *kiosk)
{
  g_clear_object (&kiosk->store);
  caiji_test_remove_tree (kiosk->dir);
  g_free (kiosk->dir);
  g_free (kiosk->token);
  g_free (kiosk);
}

static void
update (Kiosk             *kiosk,
        gint64             record_id,
        CaijiRecordUpdate *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (caiji_store_record_update (kiosk->store, record_id, change, &error));
  g_assert_no_error (error);
}

void
kiosk_set_image (Kiosk         *kiosk,
                 gint64         record_id,
                 CaijiImageKind kind,
                 gsize          image_size,
                 guint32        seed)
{
  g_autoptr(GBytes) image = caiji_test_fake_jpeg (image_size, seed);
  CaijiRecordUpdate change = CAIJI_RECORD_UPDATE_INIT;

  change.actor = "candidate:test";
  change.action = "image.accepted";
  change.image = image;
  change.image_kind = kind;
  update (kiosk, record_id, &change);
}

/* A record through the wizard's steps: four images, then the face
 * result that ends the capture with @status. */
static gint64
finished_record (Kiosk             *kiosk,
                 guint              who,
                 gsize              image_size,
                 guint32            seed,
                 const char        *action,
                 double             face_score,
                 CaijiRecordStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *student_no = g_strdup_printf ("2303%04u", who);
  CaijiRecordUpdate change = CAIJI_RECORD_UPDATE_INIT;
  gint64 id = caiji_store_record_create (kiosk->store, student_no, "candidate:test", &error);

  g_assert_no_error (error);
  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    kiosk_set_image (kiosk, id, kind, image_size, seed * 4 + kind);
  change.actor = "candidate:test";
  change.action = action;
  change.set_face_result = TRUE;
  change.face_score = face_score;
  change.face_threshold = 0.6;
  change.set_status = TRUE;
  change.status = status;
  update (kiosk, id, &change);
  return id;
}

/* Captured (the face matched); approval is left to the caller. */
gint64
kiosk_captured_record (Kiosk  *kiosk,
                       guint   who,
                       gsize   image_size,
                       guint32 seed)
{
  return finished_record (kiosk, who, image_size, seed, "face.passed", 0.8125, CAIJI_RECORD_CAPTURED);
}

/* A record the candidate submitted for review (拍照审核 → 提交审核),
 * then sent to the central review. */
gint64
kiosk_review_record (Kiosk  *kiosk,
                     guint   who,
                     gsize   image_size,
                     guint32 seed)
{
  g_autoptr(GError) error = NULL;
  gint64 id = finished_record (kiosk, who, image_size, seed, "review.submitted", 0.41,
                               CAIJI_RECORD_PENDING_REVIEW);

  g_assert_true (caiji_store_outbox_submit_for_review (kiosk->store, id, "operator:wang", &error));
  g_assert_no_error (error);
  return id;
}

void
kiosk_approve (Kiosk *kiosk,
               gint64 record_id)
{
  CaijiRecordUpdate change = CAIJI_RECORD_UPDATE_INIT;

  change.actor = "operator:wang";
  change.action = "record.approved";
  change.set_status = TRUE;
  change.status = CAIJI_RECORD_APPROVED;
  update (kiosk, record_id, &change);
}

CaijiSyncWorker *
kiosk_worker (Kiosk      *kiosk,
              const char *hub_url,
              guint       timeout_seconds)
{
  CaijiSyncConfig config = { .hub_url = hub_url, .token = kiosk->token,
                             .timeout_seconds = timeout_seconds, .poll_seconds = 1 };

  return caiji_sync_worker_new (kiosk->store, &config);
}

CaijiSyncPass
kiosk_sync (Kiosk      *kiosk,
            const char *hub_url,
            guint       timeout_seconds,
            gboolean    ignore_schedule)
{
  g_autoptr(CaijiSyncWorker) worker = kiosk_worker (kiosk, hub_url, timeout_seconds);
  g_autoptr(GError) error = NULL;
  CaijiSyncPass pass;

  g_assert_true (caiji_sync_worker_run_once (worker, ignore_schedule, &pass, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return pass;
}

CaijiRecordStatus
kiosk_status (Kiosk *kiosk,
              gint64 record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = caiji_store_record_load (kiosk->store, record_id, &error);

  g_assert_no_error (error);
  return record->status;
}

char *
kiosk_uuid (Kiosk *kiosk,
            gint64 record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = caiji_store_record_load (kiosk->store, record_id, &error);

  g_assert_no_error (error);
  return g_strdup (record->uuid);
}
