/* caiji-hub-db.h: the hub's PostgreSQL connection, schema and queries
 *
 * Every query goes through caiji_hub_db_query(), which only takes
 * parameters (PQexecParams): no SQL is ever built from request data.
 * Database trouble reaches clients as CAIJI_HUB_ERROR_DATABASE with a
 * generic message; the detail goes to the hub's log only.
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define CAIJI_HUB_ERROR (caiji_hub_error_quark ())

typedef enum {
  CAIJI_HUB_ERROR_DATABASE,        /* 503: try again later */
  CAIJI_HUB_ERROR_INVALID,         /* 400 */
  CAIJI_HUB_ERROR_UNAUTHORIZED,    /* 401 */
  CAIJI_HUB_ERROR_NOT_FOUND,       /* 404 */
  CAIJI_HUB_ERROR_METHOD,          /* 405 */
  CAIJI_HUB_ERROR_CONFLICT,        /* 409 */
  CAIJI_HUB_ERROR_LENGTH_REQUIRED, /* 411 */
  CAIJI_HUB_ERROR_TOO_LARGE,       /* 413 */
  CAIJI_HUB_ERROR_CHECKSUM,        /* 422 */
  CAIJI_HUB_ERROR_FORBIDDEN,       /* 403 */
  CAIJI_HUB_ERROR_TOO_MANY,        /* 429 */
} CaijiHubError;

#define CAIJI_HUB_SCHEMA_VERSION 2

typedef struct _CaijiHubDb CaijiHubDb;

/* A text or binary parameter; binary when length >= 0. */
typedef struct {
  const char *value;
  int         length;
} CaijiHubParam;

#define HUB_TEXT(s)          ((CaijiHubParam) { (s), -1 })
#define HUB_BINARY(p, n)     ((CaijiHubParam) { (const char *) (p), (int) (n) })

GQuark      caiji_hub_error_quark   (void);

CaijiHubDb *caiji_hub_db_open       (const char          *conninfo,
                                     GError             **error);
void        caiji_hub_db_free       (CaijiHubDb          *db);
PGresult   *caiji_hub_db_query      (CaijiHubDb          *db,
                                     const char          *sql,
                                     guint                n_params,
                                     const CaijiHubParam *params,
                                     GError             **error);
gboolean    caiji_hub_db_exec       (CaijiHubDb          *db,
                                     const char          *sql,
                                     GError             **error);
void        caiji_hub_db_rollback   (CaijiHubDb          *db);

/* caiji-hub-migrations.c */
gboolean    caiji_hub_db_migrate    (CaijiHubDb          *db,
                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiHubDb, caiji_hub_db_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
