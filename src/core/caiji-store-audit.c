/* caiji-store-audit.c: who did what, and when
 *
 * Entries never hold image bytes or a full ID number: the audit log is
 * what an operator may print or export.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-store-private.h"

gboolean
caiji_store_audit_insert (CaijiStore *self,
                          const char *actor,
                          const char *action,
                          gint64      record_id,
                          const char *detail,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db,
                       "INSERT INTO audit_log (at, actor, action, record_id, detail)"
                       " VALUES (?, ?, ?, ?, ?);", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, caiji_sql_now ());
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  if (record_id > 0)
    sqlite3_bind_int64 (stmt, 4, record_id);
  sqlite3_bind_text (stmt, 5, detail, -1, SQLITE_TRANSIENT);
  return caiji_sql_step_done (stmt, _("writing the audit log"), error);
}

gboolean
caiji_store_audit_append (CaijiStore *self,
                          const char *actor,
                          const char *action,
                          gint64      record_id,
                          const char *detail,
                          GError    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL && action != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!caiji_store_begin (self, error))
    return FALSE;
  if (!caiji_store_audit_insert (self, actor, action, record_id, detail, error))
    {
      caiji_store_rollback (self);
      return FALSE;
    }
  return caiji_store_commit (self, error);
}

static CaijiAuditEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  CaijiAuditEntry *entry = g_new0 (CaijiAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = sqlite3_column_int64 (stmt, 1);
  entry->actor = caiji_sql_column_text (stmt, 2);
  entry->action = caiji_sql_column_text (stmt, 3);
  entry->record_id = sqlite3_column_int64 (stmt, 4);
  entry->detail = caiji_sql_column_text (stmt, 5);
  return entry;
}

GPtrArray *
caiji_store_audit_list (CaijiStore *self,
                        GError    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db,
                            "SELECT id, at, actor, action, record_id, detail"
                            " FROM audit_log ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  return caiji_sql_collect (stmt, (CaijiSqlRowFunc) entry_from_row, (GDestroyNotify) caiji_audit_entry_free,
                            _("reading the audit log"), error);
}

void
caiji_audit_entry_free (CaijiAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry);
}
