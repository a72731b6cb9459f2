/* caiji-kiosk-settings.c: the kiosk's GSettings, when the schema is installed
 *
 * g_settings_new() aborts on a missing schema; an uninstalled build run
 * without GSETTINGS_SCHEMA_DIR must still start, with the defaults.
 */
#include "caiji-config.h"

#include "caiji-kiosk-settings.h"

/* NULL when the schema is not installed. */
GSettings *
caiji_kiosk_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}
