/* caiji-store.c: the store's connection, transactions and health check */
#include "caiji-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "caiji-store-private.h"

G_DEFINE_QUARK (caiji-store-error-quark, caiji_store_error)
G_DEFINE_FINAL_TYPE (CaijiStore, caiji_store, G_TYPE_OBJECT)

/* A second process (the CLI beside the kiosk) may hold the write lock
 * briefly; wait for it rather than fail the candidate's action. */
#define BUSY_TIMEOUT_MS 10000

static void
caiji_store_finalize (GObject *object)
{
  CaijiStore *self = CAIJI_STORE (object);

  sqlite3_close_v2 (self->db);
  caiji_key_wipe (&self->data_key);
  caiji_key_wipe (&self->hash_key);
  caiji_key_wipe (&self->kek);
  g_free (self->path);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (caiji_store_parent_class)->finalize (object);
}

static void
caiji_store_class_init (CaijiStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caiji_store_finalize;
}

static void
caiji_store_init (CaijiStore *self)
{
  g_mutex_init (&self->lock);
}

static gboolean
ensure_parent_dir (const char *path,
                   GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;
  g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_OPEN,
               _("Cannot create the folder %s for the database: %s"), dir, g_strerror (errno));
  return FALSE;
}

static gboolean
open_connection (CaijiStore *self,
                 GError    **error)
{
  int rc;

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: it is a folder, not a file."), self->path);
      return FALSE;
    }
  if (!ensure_parent_dir (self->path, error))
    return FALSE;
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), self->path, sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

/* WAL + synchronous=FULL: a committed action survives a power cut, and
 * readers (the operator's list) never block the candidate's writes. */
static gboolean
configure_connection (CaijiStore *self,
                      GError    **error)
{
  return caiji_sql_exec (self->db,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON;",
                         _("opening the database"), error);
}

CaijiStore *
caiji_store_open (const char *path,
                  GError    **error)
{
  g_autoptr(CaijiStore) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CAIJI_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, &local_error) ||
      !caiji_store_schema_check (self->db, &self->schema_version, &local_error) ||
      !configure_connection (self, &local_error) ||
      !caiji_store_keys_prepare (self, &local_error) ||
      !caiji_store_migrate (self->db, &self->schema_version, CAIJI_STORE_SCHEMA_VERSION, &local_error) ||
      !caiji_store_audit_seal (self, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CaijiStore *store = caiji_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* Opening may migrate and VACUUM a large store: a window opens it here,
 * on a worker, so the first frame is never held up. */
void
caiji_store_open_async (const char          *path,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_source_tag (task, caiji_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

CaijiStore *
caiji_store_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The path given to caiji_store_open_async(), for an error message. */
const char *
caiji_store_open_get_path (GAsyncResult *result)
{
  return g_task_get_task_data (G_TASK (result));
}

const char *
caiji_store_get_path (CaijiStore *self)
{
  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);
  return self->path;
}

int
caiji_store_get_schema_version (CaijiStore *self)
{
  g_return_val_if_fail (CAIJI_IS_STORE (self), 0);
  return self->schema_version;
}

gboolean
caiji_store_begin (CaijiStore *self,
                   GError    **error)
{
  return caiji_sql_exec (self->db, "BEGIN IMMEDIATE;", _("starting to save"), error);
}

gboolean
caiji_store_commit (CaijiStore *self,
                    GError    **error)
{
  if (caiji_sql_exec (self->db, "COMMIT;", _("saving"), error))
    return TRUE;
  caiji_store_rollback (self);
  return FALSE;
}

void
caiji_store_rollback (CaijiStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
}

/* Health */

static char *
integrity_report (sqlite3 *db,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = caiji_sql_prepare (db, "PRAGMA integrity_check;", error);
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean has_row = TRUE;

  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      if (!caiji_sql_step_row (stmt, &has_row, _("checking the database"), error))
        return NULL;
      if (!has_row)
        break;
      if (report->len > 0)
        g_string_append (report, "; ");
      g_string_append (report, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_string_free (g_steal_pointer (&report), FALSE);
}

static gboolean
count_into (sqlite3    *db,
            const char *sql,
            gint64     *count,
            GError    **error)
{
  *count = caiji_sql_query_int (db, sql, _("checking the database"), error);
  return *count >= 0;
}

static gboolean
count_by_status (sqlite3         *db,
                 CaijiStoreCheck *check,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (db, "SELECT count(*) FROM records WHERE status = ?;", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < CAIJI_RECORD_N_STATUSES; i++)
    {
      gboolean has_row;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, caiji_record_status_to_string (i), -1, SQLITE_STATIC);
      if (!caiji_sql_step_row (stmt, &has_row, _("checking the database"), error))
        return FALSE;
      check->records_by_status[i] = sqlite3_column_int64 (stmt, 0);
    }
  return TRUE;
}

static gboolean
foreign_keys_hold (sqlite3 *db,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = caiji_sql_prepare (db, "PRAGMA foreign_key_check;", error);
  gboolean has_row;

  if (stmt == NULL || !caiji_sql_step_row (stmt, &has_row, _("checking the database"), error))
    return FALSE;
  return !has_row;
}

static gboolean
run_check (CaijiStore      *self,
           CaijiStoreCheck *check,
           GError         **error)
{
  sqlite3 *db = self->db;

  check->schema_version = self->schema_version;
  check->integrity = integrity_report (db, error);
  if (check->integrity == NULL)
    return FALSE;
  if (g_str_equal (check->integrity, "ok") && !foreign_keys_hold (db, NULL))
    {
      g_free (check->integrity);
      check->integrity = g_strdup ("foreign key violations");
    }
  return count_into (db, "SELECT count(*) FROM roster;", &check->roster, error) &&
         count_into (db, "SELECT count(*) FROM records;", &check->records, error) &&
         count_by_status (db, check, error) &&
         count_into (db, "SELECT count(*) FROM images;", &check->images, error) &&
         count_into (db, "SELECT count(*) FROM correction_requests;", &check->corrections, error) &&
         count_into (db, "SELECT count(*) FROM audit_log;", &check->audit, error) &&
         count_into (db, "SELECT count(*) FROM sync_outbox WHERE delivered_at IS NULL;",
                     &check->outbox_pending, error);
}

gboolean
caiji_store_check (CaijiStore      *self,
                   CaijiStoreCheck *check,
                   GError         **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  memset (check, 0, sizeof *check);
  if (run_check (self, check, error))
    return TRUE;
  caiji_store_check_clear (check);
  return FALSE;
}

void
caiji_store_check_clear (CaijiStoreCheck *check)
{
  g_clear_pointer (&check->integrity, g_free);
}

gboolean
caiji_store_rekey (CaijiStore *self,
                   GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return caiji_store_keys_rotate (self, error);
}
