/* caiji-store-records.c: capture records, their images and status history
 *
 * caiji_store_record_update() is the one way a record changes: whatever a
 * user action touches (an image, the card fields, the face result, a
 * correction note, the status) goes in one transaction together with its
 * audit entry, so a crash keeps all of it or none of it.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caiji-store-private.h"

/* Above any photo the vision limits let through, far below SQLite's. */
#define MAX_IMAGE_BYTES (32 * 1024 * 1024)

#define RECORD_COLUMNS \
  "r.id, r.uuid, r.student_no, r.id_sealed, r.status, r.card_name, r.card_id_sealed," \
  " r.face_score, r.face_threshold, r.reject_reason, r.created_at, r.updated_at," \
  " (SELECT note FROM correction_requests c WHERE c.record_id = r.id ORDER BY c.id DESC LIMIT 1)," \
  " r.damaged"

static void
set_not_found (GError **error,
               gint64   record_id)
{
  g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND,
               _("There is no record number %lld."), (long long) record_id);
}

static gboolean
insert_history (CaijiStore       *self,
                gint64            record_id,
                CaijiRecordStatus status,
                const char       *reason,
                const char       *actor,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db,
                       "INSERT INTO record_status_history (record_id, status, reason, actor, at)"
                       " VALUES (?, ?, ?, ?, ?);", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_text (stmt, 2, caiji_record_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, caiji_sql_now ());
  return caiji_sql_step_done (stmt, _("saving the record"), error);
}

/* Create */

/* The record gets its own sealed copy of the roster's ID number, bound
 * to the record's id; so the id is chosen before the insert (the write
 * lock is held, so max + 1 is free). */
static char *
roster_id_number (CaijiStore *self,
                  const char *student_no,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "SELECT id_sealed FROM roster WHERE student_no = ?;", error);
  g_autofree char *where = caiji_where_roster_id (student_no);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, student_no, -1, SQLITE_TRANSIENT);
  if (!caiji_sql_step_row (stmt, &has_row, _("creating the record"), error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND,
                   _("Student %s is not in the roster, so no record was created."), student_no);
      return NULL;
    }
  return caiji_store_open_text (self, stmt, 0, where, error);
}

static gint64
insert_record (CaijiStore *self,
               const char *student_no,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *id_number = roster_id_number (self, student_no, error);
  g_autofree char *where = NULL;
  g_autoptr(GBytes) id_sealed = NULL;
  gint64 now = caiji_sql_now ();
  gint64 id;

  if (id_number == NULL)
    return 0;
  id = caiji_sql_query_int (self->db, "SELECT coalesce (max (id), 0) + 1 FROM records;",
                            _("creating the record"), error);
  if (id <= 0)
    return 0;
  where = caiji_where_record (id, "id_number");
  id_sealed = caiji_store_seal (self, id_number, strlen (id_number), where);
  stmt = caiji_sql_prepare (self->db,
                            "INSERT INTO records (id, uuid, student_no, id_sealed, status, created_at, updated_at)"
                            " VALUES (?, ?, ?, ?, 'draft', ?, ?);", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, student_no, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 4, g_bytes_get_data (id_sealed, NULL), g_bytes_get_size (id_sealed), SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!caiji_sql_step_done (stmt, _("creating the record"), error))
    return 0;
  return id;
}

/* Inside the caller's transaction. */
static gint64
create_record (CaijiStore *self,
               const char *student_no,
               const char *actor,
               GError    **error)
{
  gint64 id = insert_record (self, student_no, error);

  if (id == 0 ||
      !insert_history (self, id, CAIJI_RECORD_DRAFT, NULL, actor, error) ||
      !caiji_store_audit_insert (self, actor, "record.created", id, NULL, error))
    return 0;
  return id;
}

/* The newest record of @student_no still in draft, 0 when there is none,
 * -1 on error. */
static gint64
latest_draft (CaijiStore *self,
              const char *student_no,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = caiji_sql_prepare (self->db,
                            "SELECT max (id) FROM records WHERE student_no = ? AND status = 'draft';", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, student_no, -1, SQLITE_TRANSIENT);
  if (!caiji_sql_step_row (stmt, &has_row, _("finding the candidate's unfinished record"), error))
    return -1;
  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* One transaction: the newest draft of @student_no when @resume and
 * there is one, else a new record. */
static gint64
open_record (CaijiStore *self,
             const char *student_no,
             const char *actor,
             gboolean    resume,
             GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  gint64 id;

  g_return_val_if_fail (CAIJI_IS_STORE (self), 0);
  g_return_val_if_fail (student_no != NULL && actor != NULL, 0);

  locker = g_mutex_locker_new (&self->lock);
  if (!caiji_store_begin (self, error))
    return 0;
  id = resume ? latest_draft (self, student_no, error) : 0;
  if (id > 0 && !caiji_store_audit_insert (self, actor, "record.resumed", id, NULL, error))
    id = -1;
  else if (id == 0)
    id = create_record (self, student_no, actor, error);
  if (id <= 0 || !caiji_store_commit (self, error))
    {
      caiji_store_rollback (self);
      return 0;
    }
  return id;
}

gint64
caiji_store_record_create (CaijiStore *self,
                           const char *student_no,
                           const char *actor,
                           GError    **error)
{
  return open_record (self, student_no, actor, FALSE, error);
}

/* A candidate who signs in again after walking away (or after the idle
 * wipe) carries on in the unfinished record instead of leaving a second,
 * half-done one with personal data behind: each picture the new session
 * takes replaces the draft's picture of the same kind. */
gint64
caiji_store_record_resume_or_create (CaijiStore *self,
                                     const char *student_no,
                                     const char *actor,
                                     GError    **error)
{
  return open_record (self, student_no, actor, TRUE, error);
}

/* Update */

static gboolean
check_update (const CaijiRecordUpdate *update,
              GError                 **error)
{
  const char *problem = NULL;

  if (update->actor == NULL || update->action == NULL)
    problem = _("the change names no actor or action");
  else if (update->image != NULL && g_bytes_get_size (update->image) == 0)
    problem = _("the image is empty");
  else if (update->image != NULL && g_bytes_get_size (update->image) > MAX_IMAGE_BYTES)
    problem = _("the image is larger than 32 MB");
  else if (update->image != NULL && update->image_kind >= CAIJI_IMAGE_N_KINDS)
    problem = _("the image kind is unknown");
  else if (update->set_status && update->status == CAIJI_RECORD_REJECTED &&
           (update->status_reason == NULL || *update->status_reason == '\0'))
    problem = _("a rejection needs a reason the candidate can read");
  else if (update->correction_note != NULL && *update->correction_note == '\0')
    problem = _("the correction note is empty");

  if (problem == NULL)
    return TRUE;
  g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID,
               _("The record was not changed: %s."), problem);
  return FALSE;
}

static gboolean
current_status (CaijiStore        *self,
                gint64             record_id,
                CaijiRecordStatus *status,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "SELECT status FROM records WHERE id = ?;", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  if (!caiji_sql_step_row (stmt, &has_row, _("reading the record"), error))
    return FALSE;
  if (!has_row)
    {
      set_not_found (error, record_id);
      return FALSE;
    }
  if (!caiji_record_status_from_string ((const char *) sqlite3_column_text (stmt, 0), status))
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_CORRUPT,
                   _("Record %lld has an unknown status; the database is damaged."),
                   (long long) record_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_image (CaijiStore              *self,
            gint64                   record_id,
            const CaijiRecordUpdate *update,
            GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, update->image);
  g_autofree char *where = caiji_where_image (record_id, update->image_kind);
  gsize size;
  gconstpointer plain = g_bytes_get_data (update->image, &size);
  g_autoptr(GBytes) sealed = caiji_store_seal (self, plain, size, where);

  stmt = caiji_sql_prepare (self->db,
                            "INSERT OR REPLACE INTO images (record_id, kind, data, sha256, quality, match, created_at)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_text (stmt, 2, caiji_image_kind_to_string (update->image_kind), -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  caiji_sql_bind_double (stmt, 5, update->image_quality);
  caiji_sql_bind_double (stmt, 6, update->image_match);
  sqlite3_bind_int64 (stmt, 7, caiji_sql_now ());
  return caiji_sql_step_done (stmt, _("saving the image"), error);
}

static gboolean
save_correction (CaijiStore              *self,
                 gint64                   record_id,
                 const CaijiRecordUpdate *update,
                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db,
                       "INSERT INTO correction_requests (record_id, note, actor, at) VALUES (?, ?, ?, ?);",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_text (stmt, 2, update->correction_note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, update->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, caiji_sql_now ());
  return caiji_sql_step_done (stmt, _("saving the correction request"), error);
}

/* Columns left NULL in the statement's parameters keep their value. */
static gboolean
save_fields (CaijiStore              *self,
             gint64                   record_id,
             const CaijiRecordUpdate *update,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) card_id_sealed = NULL;

  stmt = caiji_sql_prepare (self->db,
                            "UPDATE records SET"
                            "  card_name = coalesce (?1, card_name),"
                            "  card_id_sealed = coalesce (?2, card_id_sealed),"
                            "  face_score = CASE WHEN ?3 THEN ?4 ELSE face_score END,"
                            "  face_threshold = CASE WHEN ?3 THEN ?5 ELSE face_threshold END,"
                            "  status = coalesce (?6, status),"
                            "  reject_reason = CASE WHEN ?6 = 'rejected' THEN ?7 ELSE reject_reason END,"
                            "  updated_at = ?8"
                            " WHERE id = ?9;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, update->card_name, -1, SQLITE_TRANSIENT);
  if (update->card_id_number != NULL)
    {
      g_autofree char *where = caiji_where_record (record_id, "card_id_number");

      card_id_sealed = caiji_store_seal (self, update->card_id_number, strlen (update->card_id_number), where);
      sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (card_id_sealed, NULL), g_bytes_get_size (card_id_sealed),
                           SQLITE_STATIC);
    }
  sqlite3_bind_int (stmt, 3, update->set_face_result);
  caiji_sql_bind_double (stmt, 4, update->face_score);
  caiji_sql_bind_double (stmt, 5, update->face_threshold);
  if (update->set_status)
    sqlite3_bind_text (stmt, 6, caiji_record_status_to_string (update->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, update->status_reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, caiji_sql_now ());
  sqlite3_bind_int64 (stmt, 9, record_id);
  return caiji_sql_step_done (stmt, _("saving the record"), error);
}

/* Approval queues the record for the hub in the same commit, so an
 * approved record can never miss its delivery; delivery closes the entry.
 * A record that went to the hub earlier for central review is queued
 * again: the hub must learn it was approved. */
static gboolean
update_outbox (CaijiStore       *self,
               gint64            record_id,
               CaijiRecordStatus status,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (status == CAIJI_RECORD_APPROVED)
    stmt = caiji_store_outbox_enqueue_statement (self, error);
  else if (status == CAIJI_RECORD_SYNCED)
    stmt = caiji_sql_prepare (self->db,
                              "UPDATE sync_outbox SET delivered_at = ?2 WHERE record_id = ?1;", error);
  else
    return TRUE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_int64 (stmt, 2, caiji_sql_now ());
  return caiji_sql_step_done (stmt, _("queueing the record for delivery"), error);
}

static gboolean
save_status (CaijiStore              *self,
             gint64                   record_id,
             CaijiRecordStatus        from,
             const CaijiRecordUpdate *update,
             GError                 **error)
{
  if (!caiji_record_status_can_transition (from, update->status))
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID,
                   _("Record %lld is “%s” and cannot become “%s”."),
                   (long long) record_id, caiji_record_status_display_name (from),
                   caiji_record_status_display_name (update->status));
      return FALSE;
    }
  return insert_history (self, record_id, update->status, update->status_reason, update->actor, error) &&
         update_outbox (self, record_id, update->status, error);
}

static gboolean
apply_update (CaijiStore              *self,
              gint64                   record_id,
              const CaijiRecordUpdate *update,
              GError                 **error)
{
  CaijiRecordStatus from;

  if (!current_status (self, record_id, &from, error))
    return FALSE;
  if (update->set_status && !save_status (self, record_id, from, update, error))
    return FALSE;
  if (update->image != NULL && !save_image (self, record_id, update, error))
    return FALSE;
  if (update->correction_note != NULL && !save_correction (self, record_id, update, error))
    return FALSE;
  return save_fields (self, record_id, update, error) &&
         caiji_store_audit_insert (self, update->actor, update->action, record_id,
                                   update->audit_detail, error);
}

gboolean
caiji_store_record_update (CaijiStore              *self,
                           gint64                   record_id,
                           const CaijiRecordUpdate *update,
                           GError                 **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (update != NULL, FALSE);

  if (!check_update (update, error))
    return FALSE;
  locker = g_mutex_locker_new (&self->lock);
  if (!caiji_store_begin (self, error))
    return FALSE;
  if (!apply_update (self, record_id, update, error))
    {
      caiji_store_rollback (self);
      return FALSE;
    }
  return caiji_store_commit (self, error);
}

/* Read */

/* A sealed field that does not open is left NULL and marks the record
 * damaged; the other fields are still shown. */
static char *
open_record_field (CaijiStore   *self,
                   sqlite3_stmt *stmt,
                   int           column,
                   CaijiRecord  *record,
                   const char   *field)
{
  g_autofree char *where = caiji_where_record (record->id, field);
  g_autoptr(GError) error = NULL;
  char *text = caiji_store_open_text (self, stmt, column, where, &error);

  if (error != NULL)
    record->damaged = TRUE;
  return text;
}

static CaijiRecord *
record_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  CaijiRecord *record = caiji_record_new ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->uuid = caiji_sql_column_text (stmt, 1);
  record->student_no = caiji_sql_column_text (stmt, 2);
  record->id_number = open_record_field (user_data, stmt, 3, record, "id_number");
  caiji_record_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &record->status);
  record->card_name = caiji_sql_column_text (stmt, 5);
  record->card_id_number = open_record_field (user_data, stmt, 6, record, "card_id_number");
  record->face_score = caiji_sql_column_double (stmt, 7);
  record->face_threshold = caiji_sql_column_double (stmt, 8);
  record->reject_reason = caiji_sql_column_text (stmt, 9);
  record->created_at = sqlite3_column_int64 (stmt, 10);
  record->updated_at = sqlite3_column_int64 (stmt, 11);
  record->correction_note = caiji_sql_column_text (stmt, 12);
  record->damaged = record->damaged || sqlite3_column_int (stmt, 13) != 0;
  return record;
}

static CaijiStatusChange *
change_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  CaijiRecordStatus status = CAIJI_RECORD_DRAFT;

  caiji_record_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &status);
  return caiji_status_change_new (status, (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  sqlite3_column_int64 (stmt, 3));
}

static gboolean
load_history (CaijiStore  *self,
              CaijiRecord *record,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *history;

  stmt = caiji_sql_prepare (self->db,
                            "SELECT status, reason, actor, at FROM record_status_history"
                            " WHERE record_id = ? ORDER BY id;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  history = caiji_sql_collect (stmt, (CaijiSqlRowFunc) change_from_row, NULL,
                               (GDestroyNotify) caiji_status_change_free,
                               _("reading the record"), error);
  if (history == NULL)
    return FALSE;
  g_ptr_array_unref (record->history);
  record->history = history;
  return TRUE;
}

static CaijiRecord *
load_one (CaijiStore   *self,
          sqlite3_stmt *stmt,
          GError      **error)
{
  g_autoptr(CaijiRecord) record = NULL;
  gboolean has_row;

  if (!caiji_sql_step_row (stmt, &has_row, _("reading the record"), error) || !has_row)
    return NULL;
  record = record_from_row (stmt, self);
  if (!load_history (self, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* NULL without an error: no record matched. */
static CaijiRecord *
query_record (CaijiStore *self,
              const char *where,
              gint64      record_id,
              const char *uuid,
              GError    **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " RECORD_COLUMNS " FROM records r WHERE ", where, ";", NULL);
  g_autoptr(sqlite3_stmt) stmt = caiji_sql_prepare (self->db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, record_id);
  return load_one (self, stmt, error);
}

CaijiRecord *
caiji_store_record_load (CaijiStore *self,
                         gint64      record_id,
                         GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  CaijiRecord *record;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  record = query_record (self, "r.id = ?", record_id, NULL, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (record == NULL)
    set_not_found (error, record_id);
  return record;
}

CaijiRecord *
caiji_store_record_load_by_uuid (CaijiStore *self,
                                 const char *uuid,
                                 GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  CaijiRecord *record;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  record = query_record (self, "r.uuid = ?", 0, uuid, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (record == NULL)
    g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_NOT_FOUND,
                 _("There is no record with the identifier %s."), uuid);
  return record;
}

/* Lists carry no status history; load a record for that. */
GPtrArray *
caiji_store_record_list (CaijiStore              *self,
                         const CaijiRecordStatus *status,
                         GError                 **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db,
                            "SELECT " RECORD_COLUMNS " FROM records r"
                            " WHERE ?1 IS NULL OR r.status = ?1 ORDER BY r.id;", error);
  if (stmt == NULL)
    return NULL;
  if (status != NULL)
    sqlite3_bind_text (stmt, 1, caiji_record_status_to_string (*status), -1, SQLITE_STATIC);
  return caiji_sql_collect (stmt, (CaijiSqlRowFunc) record_from_row, self, (GDestroyNotify) caiji_record_free,
                            _("reading the records"), error);
}

static gboolean
record_exists (CaijiStore *self,
               gint64      record_id,
               GError    **error)
{
  CaijiRecordStatus status;

  return current_status (self, record_id, &status, error);
}

/* Remembered so the operator's list shows it; best effort, since the
 * damage was already reported to the caller. */
static void
mark_damaged (CaijiStore *self,
              gint64      record_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    caiji_sql_prepare (self->db, "UPDATE records SET damaged = 1 WHERE id = ?;", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, record_id);
  caiji_sql_step_done (stmt, "", NULL);
}

/* NULL without an error: the record exists but has no image of that kind.
 * An image that does not open is CAIJI_STORE_ERROR_DAMAGED. */
GBytes *
caiji_store_record_get_image (CaijiStore     *self,
                              gint64          record_id,
                              CaijiImageKind  kind,
                              GError        **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *where = NULL;
  GBytes *image;
  gboolean has_row;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < CAIJI_IMAGE_N_KINDS, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!record_exists (self, record_id, error))
    return NULL;
  stmt = caiji_sql_prepare (self->db, "SELECT data FROM images WHERE record_id = ? AND kind = ?;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_text (stmt, 2, caiji_image_kind_to_string (kind), -1, SQLITE_STATIC);
  if (!caiji_sql_step_row (stmt, &has_row, _("reading the image"), error) || !has_row)
    return NULL;
  where = caiji_where_image (record_id, kind);
  image = caiji_store_open_column (self, stmt, 0, where, error);
  if (image == NULL)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      mark_damaged (self, record_id);
    }
  return image;
}
