/* caiji-store-private.h: what the store's own files share
 *
 * The store is split by responsibility (connection and transactions,
 * schema, roster, records, audit, health); they all reach the one SQLite
 * connection through this header.  Nothing outside src/core/caiji-store*.c
 * includes it.
 */
#pragma once

#include <sqlite3.h>

#include "caiji-crypto.h"
#include "caiji-store.h"

G_BEGIN_DECLS

struct _CaijiStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  GMutex   lock;          /* serialises every public call */
  int      schema_version;

  CaijiKey data_key;      /* seals ID numbers and images */
  CaijiKey hash_key;      /* keys the ID number look-up hash */
  CaijiKey kek;           /* wraps both in the keys table */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* caiji-store-sql.c: thin SQLite helpers that turn result codes into
 * CAIJI_STORE_ERROR with messages an operator can act on. */
void           caiji_sql_set_error   (GError      **error,
                                      sqlite3      *db,
                                      int           rc,
                                      const char   *doing);
gboolean       caiji_sql_exec        (sqlite3      *db,
                                      const char   *sql,
                                      const char   *doing,
                                      GError      **error);
sqlite3_stmt  *caiji_sql_prepare     (sqlite3      *db,
                                      const char   *sql,
                                      GError      **error);
gboolean       caiji_sql_step_done   (sqlite3_stmt *stmt,
                                      const char   *doing,
                                      GError      **error);
gboolean       caiji_sql_step_row    (sqlite3_stmt *stmt,
                                      gboolean     *has_row,
                                      const char   *doing,
                                      GError      **error);
typedef gpointer (*CaijiSqlRowFunc) (sqlite3_stmt *stmt,
                                     gpointer      user_data);
GPtrArray     *caiji_sql_collect     (sqlite3_stmt *stmt,
                                      CaijiSqlRowFunc row_func,
                                      gpointer      user_data,
                                      GDestroyNotify free_func,
                                      const char   *doing,
                                      GError      **error);
gint64         caiji_sql_query_int   (sqlite3      *db,
                                      const char   *sql,
                                      const char   *doing,
                                      GError      **error);
void           caiji_sql_bind_double (sqlite3_stmt *stmt,
                                      int           index,
                                      double        value);
double         caiji_sql_column_double (sqlite3_stmt *stmt,
                                      int           index);
char          *caiji_sql_column_text (sqlite3_stmt *stmt,
                                      int           index);
gint64         caiji_sql_now         (void);

/* Transactions: BEGIN IMMEDIATE so a writer never deadlocks upgrading a
 * read lock; every failure path rolls back. */
gboolean       caiji_store_begin     (CaijiStore   *self,
                                      GError      **error);
gboolean       caiji_store_commit    (CaijiStore   *self,
                                      GError      **error);
void           caiji_store_rollback  (CaijiStore   *self);

/* caiji-store-migrations.c */
gboolean       caiji_store_schema_check (sqlite3   *db,
                                      int          *schema_version,
                                      GError      **error);
gboolean       caiji_store_migrate   (sqlite3      *db,
                                      int          *schema_version,
                                      int           target,
                                      GError      **error);

/* caiji-store-audit.c: the audit row that goes in the same transaction as
 * the change it describes. */
gboolean       caiji_store_audit_insert (CaijiStore *self,
                                      const char   *actor,
                                      const char   *action,
                                      gint64        record_id,
                                      const char   *detail,
                                      GError      **error);

gboolean       caiji_store_audit_seal (CaijiStore *self,
                                      GError      **error);

/* caiji-store-keys.c: the data keys, and sealing values with them.
 * "where" strings bind a ciphertext to its place (see caiji-crypto.h). */
gboolean       caiji_store_keys_prepare (CaijiStore *self,
                                      GError      **error);
gboolean       caiji_store_keys_rotate (CaijiStore *self,
                                      GError      **error);
GBytes        *caiji_store_seal      (CaijiStore   *self,
                                      const void   *data,
                                      gsize         size,
                                      const char   *where);
GBytes        *caiji_store_open_column (CaijiStore *self,
                                      sqlite3_stmt *stmt,
                                      int           column,
                                      const char   *where,
                                      GError      **error);
char          *caiji_store_open_text (CaijiStore   *self,
                                      sqlite3_stmt *stmt,
                                      int           column,
                                      const char   *where,
                                      GError      **error);
char          *caiji_store_id_hash   (CaijiStore   *self,
                                      const char   *id_number);
char          *caiji_where_roster_id (const char   *student_no);
char          *caiji_where_record    (gint64        record_id,
                                      const char   *field);
char          *caiji_where_image     (gint64        record_id,
                                      CaijiImageKind kind);

/* caiji-store-outbox.c: the statement that queues a record (?1) for the
 * hub at time ?2, reopening its entry if it was delivered before. */
sqlite3_stmt  *caiji_store_outbox_enqueue_statement (CaijiStore *self,
                                      GError      **error);

G_END_DECLS
