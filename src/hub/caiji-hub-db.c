/* caiji-hub-db.c: one libpq connection, parameterised queries only */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-hub-db.h"

#define MAX_PARAMS 16

struct _CaijiHubDb
{
  PGconn *conn;
};

G_DEFINE_QUARK (caiji-hub-error-quark, caiji_hub_error)

/* Server notices ("relation already exists, skipping") are not the
 * operator's business. */
static void
ignore_notice (void       *data,
               const char *message)
{
}

CaijiHubDb *
caiji_hub_db_open (const char *conninfo,
                   GError    **error)
{
  g_autoptr(CaijiHubDb) db = g_new0 (CaijiHubDb, 1);

  db->conn = PQconnectdb (conninfo);
  if (PQstatus (db->conn) != CONNECTION_OK)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_DATABASE,
                   _("Cannot connect to the hub database: %s"), PQerrorMessage (db->conn));
      return NULL;
    }
  PQsetNoticeProcessor (db->conn, ignore_notice, NULL);
  if (!caiji_hub_db_migrate (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

void
caiji_hub_db_free (CaijiHubDb *db)
{
  if (db == NULL)
    return;
  PQfinish (db->conn);
  g_free (db);
}

/* After a database restart the hub carries on without being restarted. */
static void
reconnect_if_lost (CaijiHubDb *db)
{
  if (PQstatus (db->conn) != CONNECTION_OK)
    PQreset (db->conn);
}

static void
set_database_error (CaijiHubDb *db,
                    PGresult   *result,
                    GError    **error)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *constraint = result != NULL ? PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME) : NULL;

  /* Class 23, integrity constraint violation: the data is at fault, not
   * the database; the constraint's name says which rule without showing
   * any SQL. */
  if (sqlstate != NULL && g_str_has_prefix (sqlstate, "23"))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
                   _("The data breaks a rule of the hub database (%s); nothing was changed."),
                   constraint != NULL ? constraint : sqlstate);
      return;
    }

  g_warning ("Database error (SQLSTATE %s): %s", sqlstate != NULL ? sqlstate : "?",
             PQerrorMessage (db->conn));
  g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_DATABASE,
               _("The hub's database is not available right now. Try again later."));
}

static PGresult *
check_result (CaijiHubDb *db,
              PGresult   *result,
              GError    **error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  set_database_error (db, result, error);
  PQclear (result);
  return NULL;
}

PGresult *
caiji_hub_db_query (CaijiHubDb          *db,
                    const char          *sql,
                    guint                n_params,
                    const CaijiHubParam *params,
                    GError             **error)
{
  const char *values[MAX_PARAMS];
  int lengths[MAX_PARAMS];
  int formats[MAX_PARAMS];
  PGresult *result;

  g_return_val_if_fail (n_params <= MAX_PARAMS, NULL);

  for (guint i = 0; i < n_params; i++)
    {
      values[i] = params[i].value;
      lengths[i] = MAX (params[i].length, 0);
      formats[i] = params[i].length >= 0 ? 1 : 0;
    }
  reconnect_if_lost (db);
  result = PQexecParams (db->conn, sql, (int) n_params, NULL, values, lengths, formats, 0);
  return check_result (db, result, error);
}

/* Constant SQL only (schema, BEGIN, COMMIT): PQexec allows several
 * statements, which is why nothing variable may ever reach it. */
gboolean
caiji_hub_db_exec (CaijiHubDb *db,
                   const char *sql,
                   GError    **error)
{
  g_autoptr(PGresult) result = NULL;

  reconnect_if_lost (db);
  result = check_result (db, PQexec (db->conn, sql), error);
  return result != NULL;
}

void
caiji_hub_db_rollback (CaijiHubDb *db)
{
  PQclear (PQexec (db->conn, "ROLLBACK"));
}
