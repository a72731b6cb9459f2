/* caiji-hub-migrations.c: the hub's PostgreSQL schema
 *
 * Each step runs in one transaction together with the version bump, under
 * an advisory lock so two hubs starting at once do not both migrate.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "caiji-hub-db.h"

/* Any constant of our own: the key of the migration advisory lock. */
#define MIGRATION_LOCK "4341414a49"

static const char schema_v1[] =
  "CREATE TABLE devices ("
  "  id uuid PRIMARY KEY,"
  "  name text NOT NULL CHECK (name <> '' AND length (name) <= 200),"
  "  token_sha256 text NOT NULL UNIQUE CHECK (length (token_sha256) = 64),"
  "  created_at timestamptz NOT NULL DEFAULT now (),"
  "  revoked_at timestamptz);"
  "CREATE SEQUENCE roster_changes;"
  "CREATE TABLE roster ("
  "  student_no text PRIMARY KEY CHECK (student_no <> ''),"
  "  name text NOT NULL CHECK (name <> ''),"
  "  sex text NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),"
  "  id_number text NOT NULL UNIQUE CHECK (length (id_number) = 18),"
  "  phone text, university text, major text, grade text,"
  "  change_seq bigint NOT NULL DEFAULT nextval ('roster_changes'));"
  "CREATE INDEX roster_by_change ON roster (change_seq);"
  "CREATE TABLE records ("
  "  uuid uuid PRIMARY KEY,"
  "  device_id uuid NOT NULL REFERENCES devices (id),"
  "  student_no text NOT NULL,"
  "  id_number text NOT NULL,"
  "  status text NOT NULL CHECK (status IN ('approved', 'pending_review')),"
  "  content text NOT NULL,"
  "  content_sha256 text NOT NULL CHECK (length (content_sha256) = 64),"
  "  received_at timestamptz NOT NULL DEFAULT now ());"
  "CREATE TABLE record_images ("
  "  record_uuid uuid NOT NULL REFERENCES records (uuid),"
  "  kind text NOT NULL CHECK (kind IN ('card_front', 'card_back', 'id_photo', 'face')),"
  "  sha256 text NOT NULL,"
  "  data bytea NOT NULL CHECK (length (data) > 0),"
  "  CHECK (encode (sha256 (data), 'hex') = sha256),"
  "  PRIMARY KEY (record_uuid, kind));"
  /* JPEG does not compress: spare PostgreSQL the attempt on every row. */
  "ALTER TABLE record_images ALTER COLUMN data SET STORAGE EXTERNAL;"
  "CREATE TABLE decisions ("
  "  seq bigserial PRIMARY KEY,"
  "  record_uuid uuid NOT NULL UNIQUE REFERENCES records (uuid),"
  "  decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),"
  "  reason text CHECK (decision = 'approved' OR coalesce (reason, '') <> ''),"
  "  reviewer text NOT NULL,"
  "  decided_at timestamptz NOT NULL DEFAULT now ());";

/* Reviewer accounts for the review page (password: a libsodium Argon2id
 * string) and their sessions (only the cookie token's SHA-256 is kept). */
static const char schema_v2[] =
  "CREATE TABLE reviewers ("
  "  name text PRIMARY KEY CHECK (name <> '' AND length (name) <= 64),"
  "  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),"
  "  created_at timestamptz NOT NULL DEFAULT now ());"
  "CREATE TABLE review_sessions ("
  "  token_sha256 text PRIMARY KEY CHECK (length (token_sha256) = 64),"
  "  reviewer text NOT NULL REFERENCES reviewers (name) ON DELETE CASCADE,"
  "  csrf_token text NOT NULL CHECK (length (csrf_token) = 64),"
  "  created_at timestamptz NOT NULL DEFAULT now (),"
  "  expires_at timestamptz NOT NULL);";

/* Index i takes the database from version i to i + 1. */
static const char *const migrations[CAIJI_HUB_SCHEMA_VERSION] = {
  schema_v1,
  schema_v2,
};

static int
current_version (CaijiHubDb *db,
                 GError    **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!caiji_hub_db_exec (db, "CREATE TABLE IF NOT EXISTS caiji_schema (version integer NOT NULL);", error))
    return -1;
  result = caiji_hub_db_query (db, "SELECT coalesce (max (version), 0) FROM caiji_schema;", 0, NULL, error);
  if (result == NULL)
    return -1;
  return atoi (PQgetvalue (result, 0, 0));
}

static gboolean
run_step (CaijiHubDb *db,
          int         from,
          GError    **error)
{
  g_autofree char *version = g_strdup_printf ("%d", from + 1);
  CaijiHubParam param = HUB_TEXT (version);
  g_autoptr(PGresult) bumped = NULL;

  if (!caiji_hub_db_exec (db, migrations[from], error))
    return FALSE;
  bumped = caiji_hub_db_query (db, "INSERT INTO caiji_schema (version) VALUES ($1::integer);", 1, &param, error);
  return bumped != NULL;
}

static gboolean
migrate_locked (CaijiHubDb *db,
                GError    **error)
{
  int version = current_version (db, error);

  if (version < 0)
    return FALSE;
  if (version > CAIJI_HUB_SCHEMA_VERSION)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_DATABASE,
                   _("The hub database has schema %d, newer than this caiji-hub knows (%d). Update caiji-hub."),
                   version, CAIJI_HUB_SCHEMA_VERSION);
      return FALSE;
    }
  for (; version < CAIJI_HUB_SCHEMA_VERSION; version++)
    if (!run_step (db, version, error))
      return FALSE;
  return TRUE;
}

gboolean
caiji_hub_db_migrate (CaijiHubDb *db,
                      GError    **error)
{
  if (!caiji_hub_db_exec (db, "BEGIN; SELECT pg_advisory_xact_lock (x'" MIGRATION_LOCK "'::bigint);", error))
    return FALSE;
  if (!migrate_locked (db, error) || !caiji_hub_db_exec (db, "COMMIT;", error))
    {
      caiji_hub_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
