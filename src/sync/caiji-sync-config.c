/* caiji-sync-config.c: hub address and device token
 *
 * The address is the GSettings key hub-url unless given explicitly.  The
 * token is a secret, so it is not a setting (dconf is readable by every
 * process of the user and ends up in backups): it lives sealed in a file
 * only its owner may read, $XDG_CONFIG_HOME/caiji/hub-token by default
 * (see caiji-sync-token.c).
 */
#include "caiji-config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "caiji-sync-config.h"
#include "caiji-sync-payload.h"
#include "caiji-sync-token.h"

char *
caiji_sync_default_token_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "caiji", "hub-token", NULL);
}

/* Like caiji-paths.c: a missing schema (an uninstalled build) is not an
 * error, the key is simply unset. */
static char *
hub_url_from_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "hub-url"))
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "hub-url");
}

gboolean
caiji_sync_config_resolve (const char *hub_option,
                           const char *token_file_option,
                           char      **hub_url,
                           char      **token,
                           GError    **error)
{
  g_autofree char *url = hub_option != NULL ? g_strdup (hub_option) : hub_url_from_settings ();
  g_autofree char *default_file = caiji_sync_default_token_file ();

  if (url == NULL || *url == '\0')
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID,
                   _("No central server is configured: set hub-url in the kiosk settings or pass --hub URL."));
      return FALSE;
    }
  *token = caiji_sync_token_load (token_file_option != NULL ? token_file_option : default_file, error);
  if (*token == NULL)
    return FALSE;
  *hub_url = g_steal_pointer (&url);
  return TRUE;
}
