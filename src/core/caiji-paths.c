/* caiji-paths.c: where the database and the models live
 *
 * The database path comes from --db, else the GSettings key
 * "database-path", else $XDG_DATA_HOME/caiji/caiji.db.
 */
#include "caiji-config.h"

#include <gio/gio.h>

#include "caiji-paths.h"

static char *
database_path_from_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  /* g_settings_new() aborts on a missing schema; the CLI must also run
   * from a build tree where no schema is installed. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "database-path"))
    return NULL;
  settings = g_settings_new (APP_ID);
  path = g_settings_get_string (settings, "database-path");
  return path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

char *
caiji_paths_default_database (void)
{
  char *configured = database_path_from_settings ();

  if (configured != NULL)
    return configured;
  return g_build_filename (g_get_user_data_dir (), "caiji", "caiji.db", NULL);
}

char *
caiji_paths_resolve_database (const char *override_path)
{
  if (override_path != NULL && override_path[0] != '\0')
    return g_strdup (override_path);
  return caiji_paths_default_database ();
}

char *
caiji_paths_models_dir (void)
{
  const char *from_env = g_getenv ("CAIJI_MODEL_DIR");

  if (from_env != NULL && from_env[0] != '\0')
    return g_strdup (from_env);
  if (g_file_test (BUILD_MODELS_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (BUILD_MODELS_DIR);
  return g_strdup (MODELS_DIR);
}
