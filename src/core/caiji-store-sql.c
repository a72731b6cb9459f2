/* caiji-store-sql.c: SQLite result codes → CAIJI_STORE_ERROR */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "caiji-store-private.h"

static CaijiStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return CAIJI_STORE_ERROR_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return CAIJI_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return CAIJI_STORE_ERROR_OPEN;
    case SQLITE_CONSTRAINT:
      return CAIJI_STORE_ERROR_INVALID;
    default:
      return CAIJI_STORE_ERROR_FAILED;
    }
}

void
caiji_sql_set_error (GError    **error,
                     sqlite3    *db,
                     int         rc,
                     const char *doing)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (error_code_for (rc))
    {
    case CAIJI_STORE_ERROR_FULL:
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_FULL,
                   _("The disk is full, so %s failed and nothing was changed. Free some space and try again."),
                   doing);
      break;
    case CAIJI_STORE_ERROR_CORRUPT:
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_CORRUPT,
                   _("The database is damaged or is not a Caiji database (%s while %s). Restore it from a backup or ask for support."),
                   detail, doing);
      break;
    default:
      g_set_error (error, CAIJI_STORE_ERROR, error_code_for (rc),
                   _("The database could not complete %s: %s"), doing, detail);
      break;
    }
}

gboolean
caiji_sql_exec (sqlite3    *db,
                const char *sql,
                const char *doing,
                GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      caiji_sql_set_error (error, db, rc, doing);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
caiji_sql_prepare (sqlite3    *db,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      caiji_sql_set_error (error, db, rc, _("reading the database"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
caiji_sql_step_row (sqlite3_stmt *stmt,
                    gboolean     *has_row,
                    const char   *doing,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  caiji_sql_set_error (error, sqlite3_db_handle (stmt), rc, doing);
  return FALSE;
}

gboolean
caiji_sql_step_done (sqlite3_stmt *stmt,
                     const char   *doing,
                     GError      **error)
{
  gboolean has_row;

  return caiji_sql_step_row (stmt, &has_row, doing, error);
}

/* Every row of a prepared SELECT, each made into an object by row_func. */
GPtrArray *
caiji_sql_collect (sqlite3_stmt    *stmt,
                   CaijiSqlRowFunc  row_func,
                   gpointer         user_data,
                   GDestroyNotify   free_func,
                   const char      *doing,
                   GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  gboolean has_row = TRUE;

  while (TRUE)
    {
      if (!caiji_sql_step_row (stmt, &has_row, doing, error))
        return NULL;
      if (!has_row)
        return g_steal_pointer (&list);
      g_ptr_array_add (list, row_func (stmt, user_data));
    }
}

gint64
caiji_sql_query_int (sqlite3    *db,
                     const char *sql,
                     const char *doing,
                     GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = caiji_sql_prepare (db, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL || !caiji_sql_step_row (stmt, &has_row, doing, error))
    return -1;
  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* NAN means "not measured", which the schema stores as NULL. */
void
caiji_sql_bind_double (sqlite3_stmt *stmt,
                       int           index,
                       double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

double
caiji_sql_column_double (sqlite3_stmt *stmt,
                         int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, index);
}

char *
caiji_sql_column_text (sqlite3_stmt *stmt,
                       int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

gint64
caiji_sql_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
