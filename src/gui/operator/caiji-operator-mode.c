/* caiji-operator-mode.c: from the kiosk's staff button into operator mode
 *
 * The PIN checker lives as long as the kiosk window, not as long as one
 * PIN dialog: closing and reopening the dialog must not reset the count
 * of wrong PINs.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-operator-mode.h"
#include "caiji-operator-pin-dialog.h"
#include "caiji-operator-window.h"

#define PIN_KEY "caiji-operator-pin"
#define SETTINGS_KEY "caiji-operator-settings"
#define STORE_KEY "caiji-operator-store"
#define SYNC_KEY "caiji-operator-sync"

/* Helpers */

/* g_settings_new() aborts on a missing schema, and an older installed
 * schema may lack the PIN keys: say so instead of crashing the kiosk. */
static gboolean
schema_is_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  return schema != NULL &&
         g_settings_schema_has_key (schema, CAIJI_OPERATOR_PIN_SETTINGS_KEY) &&
         g_settings_schema_has_key (schema, CAIJI_OPERATOR_PIN_FAILURES_KEY) &&
         g_settings_schema_has_key (schema, CAIJI_OPERATOR_PIN_LOCKED_KEY);
}

static void
show_schema_missing (GtkWindow *kiosk)
{
  GtkWidget *dialog = adw_message_dialog_new (kiosk, _("Operator mode cannot start"),
                                              _("The kiosk’s settings (org.caiji.Kiosk) are not installed or are "
                                                "from an older version, so there is nowhere to keep the operator "
                                                "PIN. Reinstall Caiji, or start it with scripts/run-kiosk.sh."));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One settings object and one PIN checker per kiosk window. */
static GSettings *
settings_of (GtkWindow *kiosk)
{
  GSettings *settings = g_object_get_data (G_OBJECT (kiosk), SETTINGS_KEY);

  if (settings == NULL)
    {
      settings = g_settings_new (APP_ID);
      g_object_set_data_full (G_OBJECT (kiosk), SETTINGS_KEY, settings, g_object_unref);
    }
  return settings;
}

static CaijiOperatorPin *
pin_of (GtkWindow *kiosk)
{
  CaijiOperatorPin *pin = g_object_get_data (G_OBJECT (kiosk), PIN_KEY);

  if (pin == NULL)
    {
      pin = caiji_operator_pin_new (settings_of (kiosk));
      g_object_set_data_full (G_OBJECT (kiosk), PIN_KEY, pin, g_object_unref);
    }
  return pin;
}

/* Callbacks */

static void
unlocked_cb (GtkWidget *dialog,
             GtkWindow *kiosk)
{
  CaijiStore *store = g_object_get_data (G_OBJECT (kiosk), STORE_KEY);
  CaijiKioskSync *sync = g_object_get_data (G_OBJECT (kiosk), SYNC_KEY);

  gtk_window_present (GTK_WINDOW (caiji_operator_window_new (kiosk, store, sync, settings_of (kiosk),
                                                             pin_of (kiosk))));
}

/* Public API */

void
caiji_operator_mode_open (GtkWindow      *kiosk,
                          CaijiStore     *store,
                          CaijiKioskSync *sync)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (kiosk));
  g_return_if_fail (CAIJI_IS_STORE (store));
  g_return_if_fail (sync == NULL || CAIJI_IS_KIOSK_SYNC (sync));

  if (!schema_is_installed ())
    {
      show_schema_missing (kiosk);
      return;
    }
  g_object_set_data_full (G_OBJECT (kiosk), STORE_KEY, g_object_ref (store), g_object_unref);
  if (sync != NULL)
    g_object_set_data_full (G_OBJECT (kiosk), SYNC_KEY, g_object_ref (sync), g_object_unref);
  dialog = caiji_operator_pin_dialog_new (kiosk, pin_of (kiosk));
  g_signal_connect_object (dialog, "accepted", G_CALLBACK (unlocked_cb), kiosk, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
