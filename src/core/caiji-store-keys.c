/* caiji-store-keys.c: the store's data keys and sealed columns
 *
 * A random data key seals ID numbers and image bytes; a second random key
 * keys the hash that finds a candidate by ID number.  Both are kept in
 * the keys table wrapped by the key-encryption key from the kiosk's key
 * file, so the database file alone holds no readable personal data.
 * The SQL functions registered here let migrations and key rotation
 * re-seal whole columns inside one transaction.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-store-private.h"

#define WRAP_WHERE "caiji:keys:%s"

char *
caiji_where_roster_id (const char *student_no)
{
  return g_strdup_printf ("roster:%s:id_number", student_no);
}

char *
caiji_where_record (gint64      record_id,
                    const char *field)
{
  return g_strdup_printf ("record:%" G_GINT64_FORMAT ":%s", record_id, field);
}

char *
caiji_where_image (gint64         record_id,
                   CaijiImageKind kind)
{
  return g_strdup_printf ("image:%" G_GINT64_FORMAT ":%s", record_id, caiji_image_kind_to_string (kind));
}

GBytes *
caiji_store_seal (CaijiStore *self,
                  const void *data,
                  gsize       size,
                  const char *where)
{
  return caiji_crypto_seal (&self->data_key, data, size, where);
}

/* A value that does not open is reported as damaged data of the store. */
GBytes *
caiji_store_open_column (CaijiStore   *self,
                         sqlite3_stmt *stmt,
                         int           column,
                         const char   *where,
                         GError      **error)
{
  g_autoptr(GError) crypto_error = NULL;
  GBytes *plain = caiji_crypto_open (&self->data_key, sqlite3_column_blob (stmt, column),
                                     sqlite3_column_bytes (stmt, column), where, &crypto_error);

  if (plain == NULL)
    g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_DAMAGED,
                 _("Protected data (%s) cannot be opened: it was altered, or this kiosk’s key file is not the one it was saved with. Only this item is affected."),
                 where);
  return plain;
}

/* NULL without an error for a NULL column. */
char *
caiji_store_open_text (CaijiStore   *self,
                       sqlite3_stmt *stmt,
                       int           column,
                       const char   *where,
                       GError      **error)
{
  g_autoptr(GBytes) plain = NULL;
  gsize size;
  const char *data;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  plain = caiji_store_open_column (self, stmt, column, where, error);
  if (plain == NULL)
    return NULL;
  data = g_bytes_get_data (plain, &size);
  return g_strndup (data, size);
}

char *
caiji_store_id_hash (CaijiStore *self,
                     const char *id_number)
{
  return caiji_crypto_keyed_hash (&self->hash_key, id_number);
}

/* SQL functions */

static void
sql_seal (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  CaijiStore *self = sqlite3_user_data (context);
  g_autoptr(GBytes) sealed = NULL;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sealed = caiji_store_seal (self, sqlite3_value_blob (argv[0]), sqlite3_value_bytes (argv[0]),
                             (const char *) sqlite3_value_text (argv[1]));
  sqlite3_result_blob64 (context, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), SQLITE_TRANSIENT);
}

static void
sql_id_hash (sqlite3_context *context,
             int              argc,
             sqlite3_value  **argv)
{
  g_autofree char *hash = NULL;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  hash = caiji_store_id_hash (sqlite3_user_data (context), (const char *) sqlite3_value_text (argv[0]));
  sqlite3_result_text (context, hash, -1, SQLITE_TRANSIENT);
}

static GBytes *
wrap_key (CaijiStore     *self,
          const CaijiKey *key,
          const char     *name)
{
  g_autofree char *where = g_strdup_printf (WRAP_WHERE, name);

  return caiji_crypto_seal (&self->kek, key->bytes, sizeof key->bytes, where);
}

static void
sql_wrapped_key (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  CaijiStore *self = sqlite3_user_data (context);
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  g_autoptr(GBytes) wrapped = wrap_key (self, g_strcmp0 (name, "hash") == 0 ? &self->hash_key : &self->data_key,
                                        name);

  sqlite3_result_blob64 (context, g_bytes_get_data (wrapped, NULL), g_bytes_get_size (wrapped), SQLITE_TRANSIENT);
}

static gboolean
register_functions (CaijiStore *self,
                    GError    **error)
{
  const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
  int rc = sqlite3_create_function_v2 (self->db, "caiji_seal", 2, flags, self, sql_seal, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "caiji_id_hash", 1, flags, self, sql_id_hash, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "caiji_wrapped_key", 1, flags, self, sql_wrapped_key,
                                     NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;
  caiji_sql_set_error (error, self->db, rc, _("opening the database"));
  return FALSE;
}

/* Loading */

static gboolean
unwrap_key (CaijiStore *self,
            const char *name,
            CaijiKey   *key,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = caiji_sql_prepare (self->db, "SELECT wrapped FROM keys WHERE name = ?;", error);
  g_autofree char *where = g_strdup_printf (WRAP_WHERE, name);
  g_autoptr(GBytes) plain = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!caiji_sql_step_row (stmt, &has_row, _("opening the database"), error))
    return FALSE;
  if (has_row)
    plain = caiji_crypto_open (&self->kek, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0),
                               where, NULL);
  if (plain == NULL || g_bytes_get_size (plain) != sizeof key->bytes)
    {
      g_autofree char *key_file = caiji_kek_default_path ();

      g_set_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_KEY,
                   _("This database’s protected data cannot be opened with the key file %s: the database comes from another kiosk, or the key file was replaced. Nothing was changed; put the right key file back."),
                   key_file);
      return FALSE;
    }
  memcpy (key->bytes, g_bytes_get_data (plain, NULL), sizeof key->bytes);
  return TRUE;
}

static gboolean
has_keys_table (CaijiStore *self,
                GError    **error)
{
  gint64 found = caiji_sql_query_int (self->db,
                                      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'keys';",
                                      _("opening the database"), error);

  return found > 0;
}

/* Before the migrations run: a database without keys yet gets fresh ones,
 * which the migration that creates the keys table stores wrapped. */
gboolean
caiji_store_keys_prepare (CaijiStore *self,
                          GError    **error)
{
  g_autofree char *key_file = caiji_kek_default_path ();
  g_autoptr(GError) local_error = NULL;

  if (!caiji_kek_load (key_file, &self->kek, error) || !register_functions (self, error))
    return FALSE;
  if (has_keys_table (self, &local_error))
    return unwrap_key (self, "data", &self->data_key, error) &&
           unwrap_key (self, "hash", &self->hash_key, error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  caiji_key_generate (&self->data_key);
  caiji_key_generate (&self->hash_key);
  return TRUE;
}

/* Rotation */

typedef struct {
  CaijiStore *store;
  CaijiKey    previous;
  guint       damaged;
} Rotation;

/* A value that no longer opens stays as it is: it was damaged before
 * the rotation and is no more readable with either key. */
static void
sql_reseal (sqlite3_context *context,
            int              argc,
            sqlite3_value  **argv)
{
  Rotation *rotation = sqlite3_user_data (context);
  const char *where = (const char *) sqlite3_value_text (argv[1]);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  plain = caiji_crypto_open (&rotation->previous, sqlite3_value_blob (argv[0]), sqlite3_value_bytes (argv[0]),
                             where, NULL);
  if (plain == NULL)
    {
      rotation->damaged++;
      sqlite3_result_value (context, argv[0]);
      return;
    }
  sealed = caiji_store_seal (rotation->store, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), where);
  sqlite3_result_blob64 (context, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), SQLITE_TRANSIENT);
}

static const char reseal_all[] =
  "UPDATE roster SET id_sealed = caiji_reseal (id_sealed, 'roster:' || student_no || ':id_number');"
  "UPDATE records SET id_sealed = caiji_reseal (id_sealed, 'record:' || id || ':id_number'),"
  "  card_id_sealed = caiji_reseal (card_id_sealed, 'record:' || id || ':card_id_number');"
  "UPDATE images SET data = caiji_reseal (data, 'image:' || record_id || ':' || kind);"
  "UPDATE keys SET wrapped = caiji_wrapped_key ('data') WHERE name = 'data';";

static gboolean
reseal_everything (CaijiStore *self,
                   Rotation   *rotation,
                   GError    **error)
{
  g_autofree char *detail = NULL;
  int rc = sqlite3_create_function_v2 (self->db, "caiji_reseal", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                       rotation, sql_reseal, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      caiji_sql_set_error (error, self->db, rc, _("changing the data key"));
      return FALSE;
    }
  if (!caiji_sql_exec (self->db, reseal_all, _("changing the data key"), error))
    return FALSE;
  detail = g_strdup_printf ("%u damaged values left as they were", rotation->damaged);
  return caiji_store_audit_insert (self, "operator", "db.rekeyed", 0, detail, error);
}

/* One transaction: a crash leaves either every value under the old key
 * and the old key stored, or everything under the new one. */
gboolean
caiji_store_keys_rotate (CaijiStore *self,
                         GError    **error)
{
  Rotation rotation = { self, self->data_key, 0 };
  gboolean done;

  caiji_key_generate (&self->data_key);
  if (!caiji_store_begin (self, error))
    done = FALSE;
  else if (!reseal_everything (self, &rotation, error))
    {
      caiji_store_rollback (self);
      done = FALSE;
    }
  else
    done = caiji_store_commit (self, error);
  sqlite3_create_function_v2 (self->db, "caiji_reseal", 2, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
  if (!done)
    self->data_key = rotation.previous;
  caiji_key_wipe (&rotation.previous);
  return done;
}
