/* caiji-store-migrations.c: the schema and how a database reaches it
 *
 * PRAGMA user_version holds the schema version and application_id marks
 * the file as ours, so a stray SQLite file is refused instead of being
 * "upgraded".  Each step runs in its own transaction: a crash in the
 * middle of a migration leaves the previous version intact.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-store-private.h"

#define CAIJI_STORE_APPLICATION_ID 0x43414a49  /* "CAJI" */

static const char schema_v1[] =
  "CREATE TABLE roster ("
  "  student_no TEXT PRIMARY KEY NOT NULL CHECK (student_no <> ''),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  sex TEXT NOT NULL,"
  "  id_number TEXT NOT NULL UNIQUE CHECK (length (id_number) = 18),"
  "  phone TEXT, university TEXT, grade TEXT, major TEXT,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE TABLE records ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  student_no TEXT NOT NULL REFERENCES roster (student_no),"
  "  id_number TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('draft', 'captured', 'pending_review',"
  "                                         'approved', 'rejected', 'synced')),"
  "  card_name TEXT, card_id_number TEXT,"
  "  face_score REAL, face_threshold REAL,"
  "  reject_reason TEXT,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
  "CREATE INDEX records_by_status ON records (status);"
  "CREATE INDEX records_by_student ON records (student_no);"
  "CREATE TABLE record_status_history ("
  "  id INTEGER PRIMARY KEY,"
  "  record_id INTEGER NOT NULL REFERENCES records (id),"
  "  status TEXT NOT NULL, reason TEXT, actor TEXT NOT NULL, at INTEGER NOT NULL);"
  "CREATE INDEX history_by_record ON record_status_history (record_id);"
  "CREATE TABLE images ("
  "  record_id INTEGER NOT NULL REFERENCES records (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('card_front', 'card_back', 'id_photo', 'face')),"
  "  data BLOB NOT NULL CHECK (length (data) > 0),"
  "  sha256 TEXT NOT NULL,"
  "  quality REAL, match REAL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (record_id, kind));"
  "CREATE TABLE correction_requests ("
  "  id INTEGER PRIMARY KEY,"
  "  record_id INTEGER NOT NULL REFERENCES records (id),"
  "  note TEXT NOT NULL CHECK (note <> ''), actor TEXT NOT NULL, at INTEGER NOT NULL);"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,"
  "  record_id INTEGER, detail TEXT);"
  "CREATE TABLE sync_outbox ("
  "  record_id INTEGER PRIMARY KEY REFERENCES records (id),"
  "  enqueued_at INTEGER NOT NULL,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  delivered_at INTEGER);";

/* The audit log becomes a hash chain (sealed by caiji-store-audit.c,
 * which also seals the entries that predate this step) and append-only. */
static const char schema_v2[] =
  "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash <> ''"
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;";

/* ID numbers and image bytes become sealed values (caiji-store-keys.c
 * provides the SQL functions and the keys); the ID number is found by its
 * keyed hash.  Tables are rebuilt the way SQLite's documentation says,
 * with foreign keys off around the step. */
static const char schema_v3[] =
  "CREATE TABLE keys (name TEXT PRIMARY KEY NOT NULL, wrapped BLOB NOT NULL);"
  "INSERT INTO keys VALUES ('data', caiji_wrapped_key ('data')), ('hash', caiji_wrapped_key ('hash'));"
  "CREATE TABLE roster_v3 ("
  "  student_no TEXT PRIMARY KEY NOT NULL CHECK (student_no <> ''),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  sex TEXT NOT NULL,"
  "  id_sealed BLOB NOT NULL,"
  "  id_hash TEXT NOT NULL UNIQUE,"
  "  phone TEXT, university TEXT, grade TEXT, major TEXT,"
  "  updated_at INTEGER NOT NULL);"
  "INSERT INTO roster_v3 SELECT student_no, name, sex,"
  "  caiji_seal (id_number, 'roster:' || student_no || ':id_number'), caiji_id_hash (id_number),"
  "  phone, university, grade, major, updated_at FROM roster;"
  "DROP TABLE roster;"
  "ALTER TABLE roster_v3 RENAME TO roster;"
  "CREATE TABLE records_v3 ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  student_no TEXT NOT NULL REFERENCES roster (student_no),"
  "  id_sealed BLOB NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('draft', 'captured', 'pending_review',"
  "                                         'approved', 'rejected', 'synced')),"
  "  card_name TEXT, card_id_sealed BLOB,"
  "  face_score REAL, face_threshold REAL,"
  "  reject_reason TEXT,"
  "  damaged INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
  "INSERT INTO records_v3 SELECT id, uuid, student_no,"
  "  caiji_seal (id_number, 'record:' || id || ':id_number'), status, card_name,"
  "  caiji_seal (card_id_number, 'record:' || id || ':card_id_number'),"
  "  face_score, face_threshold, reject_reason, 0, created_at, updated_at FROM records;"
  "DROP TABLE records;"
  "ALTER TABLE records_v3 RENAME TO records;"
  "CREATE INDEX records_by_status ON records (status);"
  "CREATE INDEX records_by_student ON records (student_no);"
  "UPDATE images SET data = caiji_seal (data, 'image:' || record_id || ':' || kind);";

/* A record the hub refused (409, 400, 413, …) must wait for the operator
 * instead of being retried forever, and must be told apart from one that
 * merely waits for its next attempt: hence held_at.  last_attempt_at lets
 * the operator see the most recent failure first.  The index keeps
 * "what is due now" cheap with a 10 000-record backlog.  sync_state keeps
 * the feed cursors (roster) so a restarted kiosk asks only for changes. */
static const char schema_v4[] =
  "ALTER TABLE sync_outbox ADD COLUMN held_at INTEGER;"
  "ALTER TABLE sync_outbox ADD COLUMN last_attempt_at INTEGER;"
  "CREATE INDEX outbox_due ON sync_outbox (next_attempt_at)"
  "  WHERE delivered_at IS NULL AND held_at IS NULL;"
  "CREATE TABLE sync_state ("
  "  key TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),"
  "  value TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL);";

/* Index i takes a database from version i to i + 1. */
static const char *const migrations[CAIJI_STORE_SCHEMA_VERSION] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
};

/* Checked inside each step, since the steps run with enforcement off. */
static gboolean
foreign_keys_hold (sqlite3 *db,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = caiji_sql_prepare (db, "PRAGMA foreign_key_check;", error);
  gboolean has_row;

  if (stmt == NULL || !caiji_sql_step_row (stmt, &has_row, _("upgrading the database"), error))
    return FALSE;
  if (!has_row)
    return TRUE;
  g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_CORRUPT,
               _("The database could not be upgraded: its records do not match its roster. Nothing was changed."));
  return FALSE;
}

static gboolean
run_step (sqlite3 *db,
          int      from,
          GError **error)
{
  g_autofree char *finish = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                             CAIJI_STORE_APPLICATION_ID, from + 1);
  const char *doing = _("upgrading the database");

  if (!caiji_sql_exec (db, "BEGIN IMMEDIATE;", doing, error))
    return FALSE;
  if (!caiji_sql_exec (db, migrations[from], doing, error) ||
      !caiji_sql_exec (db, finish, doing, error) ||
      !foreign_keys_hold (db, error) ||
      !caiji_sql_exec (db, "COMMIT;", doing, error))
    {
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_ownership (sqlite3 *db,
                 int      version,
                 GError **error)
{
  const char *doing = _("opening the database");
  gint64 app_id, tables;

  app_id = caiji_sql_query_int (db, "PRAGMA application_id;", doing, error);
  if (app_id < 0)
    return FALSE;
  if (version > 0 && app_id == CAIJI_STORE_APPLICATION_ID)
    return TRUE;
  tables = caiji_sql_query_int (db, "SELECT count(*) FROM sqlite_master;", doing, error);
  if (tables < 0)
    return FALSE;
  if (version == 0 && app_id == 0 && tables == 0)
    return TRUE;  /* a new, empty file */
  g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_CORRUPT,
               _("This file is an SQLite database but not a Caiji one; it was left untouched. Choose another database file."));
  return FALSE;
}

/* Read-only, so a foreign or newer file is refused before anything (not
 * even the switch to WAL) writes to it. */
gboolean
caiji_store_schema_check (sqlite3 *db,
                          int     *schema_version,
                          GError **error)
{
  gint64 version = caiji_sql_query_int (db, "PRAGMA user_version;", _("opening the database"), error);

  if (version < 0 || !check_ownership (db, (int) version, error))
    return FALSE;
  if (version > CAIJI_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer Caiji (schema %d; this one knows up to %d). Update Caiji before using it."),
                   (int) version, CAIJI_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  *schema_version = (int) version;
  return TRUE;
}

/* Steps that rebuild tables need foreign keys off, which SQLite only
 * allows outside a transaction; and the plain values a step sealed must
 * not linger in free pages or the WAL, hence VACUUM afterwards. */
gboolean
caiji_store_migrate (sqlite3 *db,
                     int     *schema_version,
                     int      target,
                     GError **error)
{
  const char *doing = _("upgrading the database");
  gboolean ok = TRUE;

  g_return_val_if_fail (target <= CAIJI_STORE_SCHEMA_VERSION, FALSE);

  if (*schema_version >= target)
    return TRUE;
  if (!caiji_sql_exec (db, "PRAGMA foreign_keys = OFF;", doing, error))
    return FALSE;
  for (; ok && *schema_version < target; (*schema_version)++)
    ok = run_step (db, *schema_version, error);
  if (!ok)
    (*schema_version)--;
  return caiji_sql_exec (db, "PRAGMA foreign_keys = ON;", doing, ok ? error : NULL) && ok &&
         caiji_sql_exec (db, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", doing, error);
}
