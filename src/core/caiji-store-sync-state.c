/* caiji-store-sync-state.c: what the sync remembers between runs
 *
 * Feed cursors and the last feed error.  Losing a cursor would only make
 * the next pull start over (the roster is upserted), but keeping it in
 * the store means a restart does not re-download a large roster.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-store-private.h"

char *
caiji_store_sync_state_get (CaijiStore *self,
                            const char *key,
                            GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db, "SELECT value FROM sync_state WHERE key = ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!caiji_sql_step_row (stmt, &has_row, _("reading the sync state"), error) || !has_row)
    return NULL;
  return caiji_sql_column_text (stmt, 0);
}

/* value NULL forgets the key. */
gboolean
caiji_store_sync_state_set (CaijiStore *self,
                            const char *key,
                            const char *value,
                            GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (value != NULL)
    stmt = caiji_sql_prepare (self->db,
                              "INSERT INTO sync_state (key, value, updated_at) VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3;", error);
  else
    stmt = caiji_sql_prepare (self->db, "DELETE FROM sync_state WHERE key = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, caiji_sql_now ());
  return caiji_sql_step_done (stmt, _("saving the sync state"), error);
}
