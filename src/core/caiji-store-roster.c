/* caiji-store-roster.c: the candidates this kiosk may capture */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-store-private.h"

#define ROSTER_COLUMNS "student_no, name, sex, id_sealed, phone, university, grade, major"

static gboolean
check_candidate (const CaijiCandidate *candidate,
                 guint                 index,
                 GError              **error)
{
  g_autoptr(GError) id_error = NULL;
  CaijiIdInfo info;

  if (candidate->student_no == NULL || *candidate->student_no == '\0' ||
      candidate->name == NULL || *candidate->name == '\0')
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID,
                   _("Roster entry %u has no student number or no name; nothing was imported."),
                   index + 1);
      return FALSE;
    }
  if (!caiji_id_number_parse (candidate->id_number, NULL, &info, &id_error) ||
      g_strcmp0 (info.normalized, candidate->id_number) != 0)
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID,
                   _("Roster entry %u (student %s) has an invalid ID number: %s Nothing was imported."),
                   index + 1, candidate->student_no,
                   id_error != NULL ? id_error->message : _("it is not normalised."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_candidate (CaijiStore           *self,
                  sqlite3_stmt         *stmt,
                  const CaijiCandidate *candidate,
                  gint64                now,
                  GError              **error)
{
  g_autofree char *masked = NULL;
  g_autofree char *where = caiji_where_roster_id (candidate->student_no);
  g_autofree char *id_hash = caiji_store_id_hash (self, candidate->id_number);
  g_autoptr(GBytes) id_sealed = caiji_store_seal (self, candidate->id_number, strlen (candidate->id_number), where);
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, candidate->student_no, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, candidate->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, caiji_sex_to_string (candidate->sex), -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 4, g_bytes_get_data (id_sealed, NULL), g_bytes_get_size (id_sealed), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, candidate->phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, candidate->university, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, candidate->grade, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, candidate->major, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, now);
  sqlite3_bind_text (stmt, 10, id_hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      masked = caiji_id_number_mask (candidate->id_number);
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_INVALID,
                   _("The ID number %s of student %s already belongs to another student in the roster; nothing was imported."),
                   masked, candidate->student_no);
      return FALSE;
    }
  caiji_sql_set_error (error, sqlite3_db_handle (stmt), rc, _("saving the roster"));
  return FALSE;
}

static gboolean
put_all (CaijiStore *self,
         GPtrArray  *candidates,
         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;
  gint64 now = caiji_sql_now ();

  stmt = caiji_sql_prepare (self->db,
                            "INSERT INTO roster (" ROSTER_COLUMNS ", updated_at, id_hash)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (student_no) DO UPDATE SET"
                            "  name = excluded.name, sex = excluded.sex,"
                            "  id_sealed = excluded.id_sealed, id_hash = excluded.id_hash,"
                            "  phone = excluded.phone, university = excluded.university,"
                            "  grade = excluded.grade, major = excluded.major,"
                            "  updated_at = excluded.updated_at;", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < candidates->len; i++)
    if (!check_candidate (candidates->pdata[i], i, error) ||
        !insert_candidate (self, stmt, candidates->pdata[i], now, error))
      return FALSE;
  detail = g_strdup_printf ("%u candidates", candidates->len);
  return caiji_store_audit_insert (self, "roster", "roster.put", 0, detail, error);
}

/* All of the roster or none of it: a half-imported roster would let some
 * candidates in and silently leave others out. */
gboolean
caiji_store_roster_put (CaijiStore *self,
                        GPtrArray  *candidates,
                        GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), FALSE);
  g_return_val_if_fail (candidates != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (!caiji_store_begin (self, error))
    return FALSE;
  if (!put_all (self, candidates, error))
    {
      caiji_store_rollback (self);
      return FALSE;
    }
  return caiji_store_commit (self, error);
}

/* A sealed ID number that does not open leaves id_number NULL. */
static CaijiCandidate *
candidate_from_row (sqlite3_stmt *stmt,
                    gpointer      user_data)
{
  CaijiCandidate *candidate = caiji_candidate_new ();
  g_autofree char *where = NULL;

  candidate->student_no = caiji_sql_column_text (stmt, 0);
  where = caiji_where_roster_id (candidate->student_no);
  candidate->name = caiji_sql_column_text (stmt, 1);
  candidate->sex = caiji_sex_from_string ((const char *) sqlite3_column_text (stmt, 2));
  candidate->id_number = caiji_store_open_text (user_data, stmt, 3, where, NULL);
  candidate->phone = caiji_sql_column_text (stmt, 4);
  candidate->university = caiji_sql_column_text (stmt, 5);
  candidate->grade = caiji_sql_column_text (stmt, 6);
  candidate->major = caiji_sql_column_text (stmt, 7);
  return candidate;
}

static CaijiCandidate *
find_one (CaijiStore *self,
          const char *sql,
          const char *key,
          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = caiji_sql_prepare (self->db, sql, error);
  g_autoptr(CaijiCandidate) candidate = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!caiji_sql_step_row (stmt, &has_row, _("looking up the roster"), error) || !has_row)
    return NULL;
  candidate = candidate_from_row (stmt, self);
  if (candidate->id_number == NULL)
    {
      g_autofree char *where = caiji_where_roster_id (candidate->student_no);

      g_free (caiji_store_open_text (self, stmt, 3, where, error));
      return NULL;
    }
  return g_steal_pointer (&candidate);
}

/* NULL without an error means the roster has no such candidate. */
CaijiCandidate *
caiji_store_roster_find_by_id_number (CaijiStore *self,
                                      const char *id_number,
                                      GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *id_hash = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  id_hash = caiji_store_id_hash (self, id_number);
  return find_one (self, "SELECT " ROSTER_COLUMNS " FROM roster WHERE id_hash = ?;", id_hash, error);
}

CaijiCandidate *
caiji_store_roster_find_by_student_no (CaijiStore *self,
                                       const char *student_no,
                                       GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return find_one (self, "SELECT " ROSTER_COLUMNS " FROM roster WHERE student_no = ?;", student_no, error);
}

GPtrArray *
caiji_store_roster_list (CaijiStore *self,
                         GError    **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CAIJI_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  stmt = caiji_sql_prepare (self->db, "SELECT " ROSTER_COLUMNS " FROM roster ORDER BY student_no;", error);
  if (stmt == NULL)
    return NULL;
  return caiji_sql_collect (stmt, (CaijiSqlRowFunc) candidate_from_row, self, (GDestroyNotify) caiji_candidate_free,
                            _("reading the roster"), error);
}
