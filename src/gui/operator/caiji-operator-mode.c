/* caiji-operator-mode.c: from the kiosk's staff button into operator mode
 *
 * The PIN checker lives as long as the kiosk window, not as long as one
 * PIN dialog: closing and reopening the dialog must not reset the count
 * of wrong PINs.
 */
#include "caiji-config.h"

#include "caiji-operator-mode.h"
#include "caiji-operator-pin-dialog.h"
#include "caiji-operator-window.h"

#define PIN_KEY "caiji-operator-pin"
#define STORE_KEY "caiji-operator-store"

/* Helpers */

static CaijiOperatorPin *
pin_of (GtkWindow *kiosk)
{
  CaijiOperatorPin *pin = g_object_get_data (G_OBJECT (kiosk), PIN_KEY);
  g_autoptr(GSettings) settings = NULL;

  if (pin != NULL)
    return pin;
  settings = g_settings_new (APP_ID);
  pin = caiji_operator_pin_new (settings);
  g_object_set_data_full (G_OBJECT (kiosk), PIN_KEY, pin, g_object_unref);
  return pin;
}

/* Callbacks */

static void
unlocked_cb (GtkWidget *dialog,
             GtkWindow *kiosk)
{
  CaijiStore *store = g_object_get_data (G_OBJECT (kiosk), STORE_KEY);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_present (GTK_WINDOW (caiji_operator_window_new (kiosk, store, settings, pin_of (kiosk))));
}

/* Public API */

void
caiji_operator_mode_open (GtkWindow  *kiosk,
                          CaijiStore *store)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (kiosk));
  g_return_if_fail (CAIJI_IS_STORE (store));

  g_object_set_data_full (G_OBJECT (kiosk), STORE_KEY, g_object_ref (store), g_object_unref);
  dialog = caiji_operator_pin_dialog_new (kiosk, pin_of (kiosk));
  g_signal_connect_object (dialog, "accepted", G_CALLBACK (unlocked_cb), kiosk, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
