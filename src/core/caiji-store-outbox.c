/* caiji-store-outbox.c: what the sync worker reads and writes in the store
 *
 * The outbox row is the whole delivery state, so a kiosk that restarts or
 * loses power resumes exactly where it was.  Delivery itself goes through
 * caiji_store_record_update(): the record becomes "synced", its history
 * and audit gain an entry, and the outbox row is closed, all in one
 * commit.  Transient failures are not audited (a day offline would flood
 * the log); a hold, which needs the operator, is.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-store-private.h"

#define OUTBOX_COLUMNS \
  "o.record_id, r.uuid, o.enqueued_at, o.attempts, o.next_attempt_at, o.last_error," \
  " o.last_attempt_at, o.delivered_at, o.held_at"

static gpointer
entry_from_row (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  CaijiOutboxEntry *entry = g_new0 (CaijiOutboxEntry, 1);

  entry->record_id = sqlite3_column_int64 (stmt, 0);
  entry->uuid = caiji_sql_column_text (stmt, 1);
  entry->enqueued_at = sqlite3_column_int64 (stmt, 2);
  entry->attempts = sqlite3_column_int (stmt, 3);
  entry->next_attempt_at = sqlite3_column_int64 (stmt, 4);
  entry->last_error = caiji_sql_column_text (stmt, 5);
  entry->last_attempt_at = sqlite3_column_int64 (stmt, 6);
  entry->delivered_at = sqlite3_column_int64 (stmt, 7);
  entry->held_at = sqlite3_column_int64 (stmt, 8);
  return entry;
}

void
caiji_outbox_entry_free (CaijiOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->last_error);
  g_free (entry);
}

/* Oldest schedule first, so a backlog drains in the order it was approved. */
GPtrArray *
caiji_store_outbox_list_due (CaijiStore *self,
                             gint64      now,
                             guint       limit,
                             GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db,
                            "SELECT " OUTBOX_COLUMNS " FROM sync_outbox o JOIN records r ON r.id = o.record_id"
                            " WHERE o.delivered_at IS NULL AND o.held_at IS NULL AND o.next_attempt_at <= ?"
                            " ORDER BY o.next_attempt_at, o.record_id LIMIT ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, limit);
  return caiji_sql_collect (stmt, entry_from_row, NULL, (GDestroyNotify) caiji_outbox_entry_free,
                            _("reading the sync queue"), error);
}

/* What the operator must look at: records the hub refused, newest first. */
GPtrArray *
caiji_store_outbox_list_held (CaijiStore *self,
                              GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db,
                            "SELECT " OUTBOX_COLUMNS " FROM sync_outbox o JOIN records r ON r.id = o.record_id"
                            " WHERE o.delivered_at IS NULL AND o.held_at IS NOT NULL"
                            " ORDER BY o.held_at DESC, o.record_id DESC;", error);
  if (stmt == NULL)
    return NULL;
  return caiji_sql_collect (stmt, entry_from_row, NULL, (GDestroyNotify) caiji_outbox_entry_free,
                            _("reading the sync queue"), error);
}

/* NULL without an error: the record was never queued. */
CaijiOutboxEntry *
caiji_store_outbox_get (CaijiStore *self,
                        gint64      record_id,
                        GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db,
                            "SELECT " OUTBOX_COLUMNS " FROM sync_outbox o JOIN records r ON r.id = o.record_id"
                            " WHERE o.record_id = ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, record_id);
  if (!caiji_sql_step_row (stmt, &has_row, _("reading the sync queue"), error) || !has_row)
    return NULL;
  return entry_from_row (stmt, NULL);
}

static gboolean
require_one_change (CaijiStore *self,
                    gint64      record_id,
                    GError    **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND,
               _("Record %lld is not waiting for delivery to the hub."), (long long) record_id);
  return FALSE;
}

/* One statement on an undelivered outbox row, in its own transaction,
 * with an optional audit entry (detail: text) in the same commit.  The
 * statement may use ?1 record id, ?2 text, ?3 when, ?4 now; SQLite
 * ignores bindings a statement does not use. */
static gboolean
change_entry (CaijiStore *self,
              const char *sql,
              gint64      record_id,
              const char *text,
              gint64      when,
              const char *audit_actor,
              const char *audit_action,
              GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!caiji_store_begin (self, error))
    return FALSE;
  stmt = caiji_sql_prepare (self->db, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, when);
      sqlite3_bind_int64 (stmt, 4, caiji_sql_now ());
    }
  if (stmt == NULL ||
      !caiji_sql_step_done (stmt, _("updating the sync queue"), error) ||
      !require_one_change (self, record_id, error) ||
      (audit_action != NULL &&
       !caiji_store_audit_insert (self, audit_actor, audit_action, record_id, text, error)))
    {
      caiji_store_rollback (self);
      return FALSE;
    }
  return caiji_store_commit (self, error);
}

/* A failure worth retrying: network, timeout, 408, 429, 5xx. */
gboolean
caiji_store_outbox_record_failure (CaijiStore *self,
                                   gint64      record_id,
                                   const char *reason,
                                   gint64      next_attempt_at,
                                   GError    **error)
{
  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  return change_entry (self,
                       "UPDATE sync_outbox SET attempts = attempts + 1, last_error = ?2,"
                       " next_attempt_at = ?3, last_attempt_at = ?4"
                       " WHERE record_id = ?1 AND delivered_at IS NULL;",
                       record_id, reason, next_attempt_at, NULL, NULL, error);
}

/* The hub refused the record for good (409, 400, 413, …): stop retrying
 * it until the operator has looked. */
gboolean
caiji_store_outbox_hold (CaijiStore *self,
                         gint64      record_id,
                         const char *reason,
                         GError    **error)
{
  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  return change_entry (self,
                       "UPDATE sync_outbox SET attempts = attempts + 1, last_error = ?2,"
                       " held_at = ?4, last_attempt_at = ?4"
                       " WHERE record_id = ?1 AND delivered_at IS NULL;",
                       record_id, reason, 0, "sync", "sync.held", error);
}

/* The operator sorted out why the hub refused it: try again now. */
gboolean
caiji_store_outbox_release (CaijiStore *self,
                            gint64      record_id,
                            const char *actor,
                            GError    **error)
{
  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  return change_entry (self,
                       "UPDATE sync_outbox SET held_at = NULL, next_attempt_at = ?3"
                       " WHERE record_id = ?1 AND delivered_at IS NULL AND held_at IS NOT NULL;",
                       record_id, NULL, 0, actor, "sync.released", error);
}

sqlite3_stmt *
caiji_store_outbox_enqueue_statement (CaijiStore *self,
                                      GError    **error)
{
  return caiji_sql_prepare (self->db,
                            "INSERT INTO sync_outbox (record_id, enqueued_at) VALUES (?1, ?2)"
                            " ON CONFLICT (record_id) DO UPDATE SET enqueued_at = ?2, attempts = 0,"
                            "  next_attempt_at = 0, last_error = NULL, delivered_at = NULL, held_at = NULL;",
                            error);
}

static gboolean
enqueue_for_review (CaijiStore *self,
                    gint64      record_id,
                    const char *actor,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) check = caiji_sql_prepare (self->db, "SELECT status FROM records WHERE id = ?;", error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (check == NULL)
    return FALSE;
  sqlite3_bind_int64 (check, 1, record_id);
  if (!caiji_sql_step_row (check, &has_row, _("reading the record"), error))
    return FALSE;
  if (!has_row || g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "pending_review") != 0)
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID,
                   _("Record %lld is not waiting for review, so it cannot go to the central review."),
                   (long long) record_id);
      return FALSE;
    }
  stmt = caiji_store_outbox_enqueue_statement (self, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_int64 (stmt, 2, caiji_sql_now ());
  return caiji_sql_step_done (stmt, _("queueing the record for delivery"), error) &&
         caiji_store_audit_insert (self, actor, "record.central_review", record_id, NULL, error);
}

/* A record waiting for review goes to the hub, where the central review
 * (管理老师) decides; the decision comes back through the decisions feed. */
gboolean
caiji_store_outbox_submit_for_review (CaijiStore *self,
                                      gint64      record_id,
                                      const char *actor,
                                      GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!caiji_store_begin (self, error))
    return FALSE;
  if (!enqueue_for_review (self, record_id, actor, error))
    {
      caiji_store_rollback (self);
      return FALSE;
    }
  return caiji_store_commit (self, error);
}

/* A record sent while waiting for review stays so: only its entry closes,
 * and only if it is still waiting (if the desk decided meanwhile, the
 * entry was queued again for the new state and must stay open). */
static gboolean
close_review_entry (CaijiStore *self,
                    gint64      record_id,
                    const char *actor,
                    GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!caiji_store_begin (self, error))
    return FALSE;
  stmt = caiji_sql_prepare (self->db,
                            "UPDATE sync_outbox SET delivered_at = ?2 WHERE record_id = ?1 AND delivered_at IS NULL"
                            " AND (SELECT status FROM records WHERE id = ?1) = 'pending_review';", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_int64 (stmt, 2, caiji_sql_now ());
    }
  if (stmt == NULL || !caiji_sql_step_done (stmt, _("updating the sync queue"), error) ||
      (sqlite3_changes (self->db) > 0 &&
       !caiji_store_audit_insert (self, actor, "record.sent_for_review", record_id, NULL, error)))
    {
      caiji_store_rollback (self);
      return FALSE;
    }
  return caiji_store_commit (self, error);
}

/* Only after the hub confirmed the record and its image checksums.
 * sent_status is the status the hub received. */
gboolean
caiji_store_outbox_mark_delivered (CaijiStore       *self,
                                   gint64            record_id,
                                   CaijiRecordStatus sent_status,
                                   const char       *actor,
                                   const char       *detail,
                                   GError          **error)
{
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);

  if (sent_status == CAIJI_RECORD_PENDING_REVIEW)
    return close_review_entry (self, record_id, actor, error);
  update.actor = actor;
  update.action = "record.synced";
  update.audit_detail = detail;
  update.set_status = TRUE;
  update.status = CAIJI_RECORD_SYNCED;
  return caiji_store_record_update (self, record_id, &update, error);
}

/* Counts for operator mode and `caiji sync status`. */

static gboolean
read_counts (CaijiStore      *self,
             gint64           now,
             CaijiSyncCounts *counts,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = caiji_sql_prepare (self->db,
                            "SELECT"
                            "  count(*) FILTER (WHERE delivered_at IS NULL AND held_at IS NULL),"
                            "  count(*) FILTER (WHERE delivered_at IS NULL AND held_at IS NULL AND next_attempt_at <= ?1),"
                            "  count(*) FILTER (WHERE delivered_at IS NULL AND held_at IS NOT NULL),"
                            "  count(*) FILTER (WHERE delivered_at IS NOT NULL),"
                            "  coalesce (min (next_attempt_at) FILTER (WHERE delivered_at IS NULL AND held_at IS NULL), 0),"
                            "  (SELECT last_error FROM sync_outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL"
                            "   ORDER BY last_attempt_at DESC, record_id DESC LIMIT 1)"
                            " FROM sync_outbox;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!caiji_sql_step_row (stmt, &has_row, _("reading the sync queue"), error))
    return FALSE;
  counts->waiting = sqlite3_column_int64 (stmt, 0);
  counts->due = sqlite3_column_int64 (stmt, 1);
  counts->held = sqlite3_column_int64 (stmt, 2);
  counts->delivered = sqlite3_column_int64 (stmt, 3);
  counts->next_attempt_at = sqlite3_column_int64 (stmt, 4);
  counts->last_error = caiji_sql_column_text (stmt, 5);
  return TRUE;
}

gboolean
caiji_store_sync_counts (CaijiStore      *self,
                         gint64           now,
                         CaijiSyncCounts *counts,
                         GError         **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  memset (counts, 0, sizeof *counts);
  return read_counts (self, now, counts, error);
}

void
caiji_sync_counts_clear (CaijiSyncCounts *counts)
{
  g_clear_pointer (&counts->last_error, g_free);
}

/* Images, for the upload: opened (the store seals image bytes) and
 * returned with the sha256 of the plain bytes, computed when saved. */

void
caiji_stored_image_free (CaijiStoredImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->data, g_bytes_unref);
  g_free (image->sha256);
  g_free (image);
}

static CaijiStoredImage *
image_from_row (CaijiStore   *self,
                sqlite3_stmt *stmt,
                gint64        record_id,
                GError      **error)
{
  g_autoptr(CaijiStoredImage) image = g_new0 (CaijiStoredImage, 1);
  g_autofree char *where = NULL;

  caiji_image_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &image->kind);
  where = caiji_where_image (record_id, image->kind);
  image->data = caiji_store_open_column (self, stmt, 1, where, error);
  if (image->data == NULL)
    return NULL;
  image->sha256 = caiji_sql_column_text (stmt, 2);
  return g_steal_pointer (&image);
}

static GPtrArray *
collect_images (CaijiStore   *self,
                sqlite3_stmt *stmt,
                gint64        record_id,
                GError      **error)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_stored_image_free);
  gboolean has_row = TRUE;

  while (TRUE)
    {
      CaijiStoredImage *image;

      if (!caiji_sql_step_row (stmt, &has_row, _("reading the images"), error))
        return NULL;
      if (!has_row)
        return g_steal_pointer (&images);
      image = image_from_row (self, stmt, record_id, error);
      if (image == NULL)
        return NULL;
      g_ptr_array_add (images, image);
    }
}

GPtrArray *
caiji_store_record_images (CaijiStore *self,
                           gint64      record_id,
                           GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db,
                            "SELECT kind, data, sha256 FROM images WHERE record_id = ?"
                            " ORDER BY CASE kind WHEN 'card_front' THEN 0 WHEN 'card_back' THEN 1"
                            " WHEN 'id_photo' THEN 2 ELSE 3 END;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, record_id);
  return collect_images (self, stmt, record_id, error);
}
