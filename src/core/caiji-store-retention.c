/* caiji-store-retention.c: images are kept only as long as they are needed
 *
 * Once the hub has confirmed a record, the kiosk's copy of its images is
 * only a liability; after the retention period they are deleted (and, with
 * secure_delete on, overwritten).  The record, its history and an audit
 * entry of the purge stay, without personal data.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-store-private.h"

static GArray *
due_records (CaijiStore *self,
             gint64      delivered_before,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = TRUE;

  stmt = caiji_sql_prepare (self->db,
                            "SELECT r.id FROM records r JOIN sync_outbox o ON o.record_id = r.id"
                            " WHERE r.status = 'synced' AND o.delivered_at IS NOT NULL AND o.delivered_at < ?"
                            "   AND EXISTS (SELECT 1 FROM images i WHERE i.record_id = r.id)"
                            " ORDER BY r.id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, delivered_before);
  while (caiji_sql_step_row (stmt, &has_row, _("finding images to delete"), error))
    {
      gint64 id;

      if (!has_row)
        return g_steal_pointer (&ids);
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return NULL;
}

static gboolean
purge_one (CaijiStore *self,
           gint64      record_id,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "DELETE FROM images WHERE record_id = ?;", error);
  g_autofree char *detail = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  if (!caiji_sql_step_done (stmt, _("deleting images"), error))
    return FALSE;
  detail = g_strdup_printf ("%d images", sqlite3_changes (self->db));
  return caiji_store_audit_insert (self, "retention", "record.images_purged", record_id, detail, error);
}

static gboolean
purge_all (CaijiStore *self,
           GArray     *ids,
           GError    **error)
{
  for (guint i = 0; i < ids->len; i++)
    if (!purge_one (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Returns the ids of the records whose images were (or, with dry_run,
 * would be) deleted: those the hub confirmed before delivered_before. */
GArray *
caiji_store_purge_images (CaijiStore *self,
                          gint64      delivered_before,
                          gboolean    dry_run,
                          GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!caiji_store_begin (self, error))
    return NULL;
  ids = due_records (self, delivered_before, error);
  if (ids == NULL || (!dry_run && !purge_all (self, ids, error)))
    {
      caiji_store_rollback (self);
      return NULL;
    }
  if (dry_run)
    {
      caiji_store_rollback (self);
      return g_steal_pointer (&ids);
    }
  return caiji_store_commit (self, error) ? g_steal_pointer (&ids) : NULL;
}
