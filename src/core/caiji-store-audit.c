/* caiji-store-audit.c: who did what, and when, as a hash chain
 *
 * Each entry carries the sha256 of the entry before it and its own, over
 * all of its fields, so an edited, removed or reordered entry breaks the
 * chain at that point and caiji_store_audit_verify() names it.  Triggers
 * make the table append-only for anyone using SQL.  The chain has no
 * secret key: it exposes tampering by anyone who does not rewrite every
 * later entry too; a keyed chain needs the kiosk key of issue 5.
 *
 * Entries never hold image bytes or a full ID number: the audit log is
 * what an operator may print or export.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-store-private.h"

typedef struct {
  gint64      id;
  gint64      at;
  const char *actor;
  const char *action;
  gint64      record_id;
  const char *detail;
} AuditFields;

/* Fields are separated by a byte no text field holds (US, 0x1f), and a
 * missing detail differs from an empty one. */
static char *
entry_hash (const char        *prev_hash,
            const AuditFields *fields)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT
                                              "\x1f%" G_GINT64_FORMAT "\x1f",
                                              fields->id, fields->at, fields->record_id);

  g_checksum_update (checksum, (const guchar *) prev_hash, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) numbers, -1);
  g_checksum_update (checksum, (const guchar *) fields->actor, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) fields->action, -1);
  g_checksum_update (checksum, (const guchar *) (fields->detail != NULL ? "\x1f" "d" : "\x1f" "n"), 2);
  if (fields->detail != NULL)
    g_checksum_update (checksum, (const guchar *) fields->detail, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

static AuditFields
fields_from_row (sqlite3_stmt *stmt)
{
  return (AuditFields) {
    .id = sqlite3_column_int64 (stmt, 0),
    .at = sqlite3_column_int64 (stmt, 1),
    .actor = (const char *) sqlite3_column_text (stmt, 2),
    .action = (const char *) sqlite3_column_text (stmt, 3),
    .record_id = sqlite3_column_int64 (stmt, 4),
    .detail = (const char *) sqlite3_column_text (stmt, 5),
  };
}

#define ENTRY_COLUMNS "id, at, actor, action, coalesce (record_id, 0), detail, prev_hash, hash"

/* The newest sealed entry's id and hash; 0 and "" for an empty log. */
static gboolean
chain_head (CaijiStore *self,
            gint64     *id,
            char      **hash,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "SELECT id, hash FROM audit_log WHERE hash <> '' ORDER BY id DESC LIMIT 1;",
                       error);
  gboolean has_row;

  if (stmt == NULL || !caiji_sql_step_row (stmt, &has_row, _("writing the audit log"), error))
    return FALSE;
  *id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  *hash = g_strdup (has_row ? (const char *) sqlite3_column_text (stmt, 1) : "");
  return TRUE;
}

gboolean
caiji_store_audit_insert (CaijiStore *self,
                          const char *actor,
                          const char *action,
                          gint64      record_id,
                          const char *detail,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  AuditFields fields = { 0, caiji_sql_now (), actor, action, MAX (record_id, 0), detail };

  if (!chain_head (self, &fields.id, &prev_hash, error))
    return FALSE;
  fields.id++;
  hash = entry_hash (prev_hash, &fields);
  stmt = caiji_sql_prepare (self->db,
                            "INSERT INTO audit_log (id, at, actor, action, record_id, detail, prev_hash, hash)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fields.id);
  sqlite3_bind_int64 (stmt, 2, fields.at);
  sqlite3_bind_text (stmt, 3, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  if (record_id > 0)
    sqlite3_bind_int64 (stmt, 5, record_id);
  sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_STATIC);
  return caiji_sql_step_done (stmt, _("writing the audit log"), error);
}

static gboolean
seal_one (CaijiStore        *self,
          const AuditFields *fields,
          const char        *prev_hash,
          char             **hash,
          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?;", error);

  if (stmt == NULL)
    return FALSE;
  *hash = entry_hash (prev_hash, fields);
  sqlite3_bind_text (stmt, 1, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, *hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, fields->id);
  return caiji_sql_step_done (stmt, _("sealing the audit log"), error);
}

static gboolean
seal_all (CaijiStore *self,
          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id;", error);
  g_autofree char *prev_hash = g_strdup ("");
  gboolean has_row = TRUE;

  if (stmt == NULL)
    return FALSE;
  while (caiji_sql_step_row (stmt, &has_row, _("sealing the audit log"), error))
    {
      char *hash = NULL;

      if (!has_row)
        return TRUE;
      if (*(const char *) sqlite3_column_text (stmt, 7) != '\0')
        hash = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      else
        {
          AuditFields fields = fields_from_row (stmt);

          if (!seal_one (self, &fields, prev_hash, &hash, error))
            return FALSE;
        }
      g_free (prev_hash);
      prev_hash = hash;
    }
  return FALSE;
}

/* Entries written before the log was chained (schema 1) are sealed once,
 * in order, when the store is opened. */
gboolean
caiji_store_audit_seal (CaijiStore *self,
                        GError    **error)
{
  gint64 unsealed = caiji_sql_query_int (self->db, "SELECT count(*) FROM audit_log WHERE hash = '';",
                                         _("sealing the audit log"), error);

  if (unsealed <= 0)
    return unsealed == 0;
  if (!caiji_store_begin (self, error))
    return FALSE;
  if (!seal_all (self, error))
    {
      caiji_store_rollback (self);
      return FALSE;
    }
  return caiji_store_commit (self, error);
}

gboolean
caiji_store_audit_append (CaijiStore *self,
                          const char *actor,
                          const char *action,
                          gint64      record_id,
                          const char *detail,
                          GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

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
entry_from_row (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  CaijiAuditEntry *entry = g_new0 (CaijiAuditEntry, 1);
  AuditFields fields = fields_from_row (stmt);

  entry->id = fields.id;
  entry->at = fields.at;
  entry->actor = g_strdup (fields.actor);
  entry->action = g_strdup (fields.action);
  entry->record_id = fields.record_id;
  entry->detail = g_strdup (fields.detail);
  entry->hash = caiji_sql_column_text (stmt, 7);
  return entry;
}

GPtrArray *
caiji_store_audit_list (CaijiStore *self,
                        GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  return caiji_sql_collect (stmt, (CaijiSqlRowFunc) entry_from_row, NULL, (GDestroyNotify) caiji_audit_entry_free,
                            _("reading the audit log"), error);
}

/* NULL when the entry follows @prev_id/@prev_hash correctly, else what is
 * wrong with it. */
static char *
entry_problem (sqlite3_stmt *stmt,
               gint64        prev_id,
               const char   *prev_hash)
{
  AuditFields fields = fields_from_row (stmt);
  g_autofree char *expected = entry_hash ((const char *) sqlite3_column_text (stmt, 6), &fields);

  if (fields.id != prev_id + 1)
    return g_strdup_printf (_("Audit entry %lld follows entry %lld: the entries between them were removed, or the order was changed."),
                            (long long) fields.id, (long long) prev_id);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), prev_hash) != 0)
    return g_strdup_printf (_("Audit entry %lld does not continue the chain of the entry before it: an entry was removed, replaced or moved."),
                            (long long) fields.id);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), expected) != 0)
    return g_strdup_printf (_("Audit entry %lld was changed after it was written."), (long long) fields.id);
  return NULL;
}

static gboolean
walk_chain (CaijiStore   *self,
            gint64       *first_bad,
            char        **problem,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id;", error);
  g_autofree char *prev_hash = g_strdup ("");
  gint64 prev_id = 0;
  gboolean has_row = TRUE;

  if (stmt == NULL)
    return FALSE;
  while (caiji_sql_step_row (stmt, &has_row, _("checking the audit log"), error))
    {
      if (!has_row)
        return TRUE;
      *problem = entry_problem (stmt, prev_id, prev_hash);
      if (*problem != NULL)
        {
          *first_bad = sqlite3_column_int64 (stmt, 0);
          return TRUE;
        }
      prev_id = sqlite3_column_int64 (stmt, 0);
      g_free (prev_hash);
      prev_hash = caiji_sql_column_text (stmt, 7);
    }
  return FALSE;
}

/* TRUE with *problem NULL: the chain is intact.  TRUE with *problem set:
 * *first_bad is the first entry that breaks it.  FALSE: the log could
 * not be read. */
gboolean
caiji_store_audit_verify (CaijiStore *self,
                          gint64     *first_bad,
                          char      **problem,
                          GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (first_bad != NULL && problem != NULL, FALSE);

  *first_bad = 0;
  *problem = NULL;
  locker = g_mutex_locker_new (&self->lock);
  return walk_chain (self, first_bad, problem, error);
}

void
caiji_audit_entry_free (CaijiAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry->hash);
  g_free (entry);
}
