/* caiji-operator-window.c: operator mode, over the kiosk
 *
 * A modal window on top of the kiosk's: the candidate's screen stays as
 * it was underneath, and leaving operator mode is closing this window.
 * Quitting the kiosk itself is only possible from here, behind the PIN,
 * and the window closes itself after the kiosk's idle timeout.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-operator-device-page.h"
#include "caiji-operator-idle.h"
#include "caiji-operator-queue-page.h"
#include "caiji-operator-records-page.h"
#include "caiji-operator-settings-page.h"
#include "caiji-operator-sync-page.h"
#include "caiji-operator-window.h"
#include "caiji-reader-watch.h"

#define QUIT_RESPONSE "quit"

struct _CaijiOperatorWindow {
  AdwWindow                  parent_instance;

  GtkWindow                 *kiosk;   /* weak: the kiosk owns this window */

  AdwToastOverlay           *toasts;
  AdwViewStack              *view_stack;
  CaijiOperatorQueuePage    *queue_page;
  CaijiOperatorRecordsPage  *records_page;
  CaijiOperatorDevicePage   *device_page;
  CaijiOperatorSyncPage     *sync_page;
  CaijiOperatorSettingsPage *settings_page;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorWindow, caiji_operator_window, ADW_TYPE_WINDOW)

/* Helpers */

/* Without an application (the tests) closing the kiosk window is the
 * nearest thing to quitting. */
static void
quit_kiosk (CaijiOperatorWindow *self)
{
  GtkWindow *kiosk = self->kiosk;
  GtkApplication *application = kiosk != NULL ? gtk_window_get_application (kiosk) : NULL;

  gtk_window_destroy (GTK_WINDOW (self));
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
  else if (kiosk != NULL)
    gtk_window_destroy (kiosk);
}

/* Callbacks */

static void
decided_cb (CaijiOperatorWindow *self,
            const char          *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  caiji_operator_records_page_refresh (self->records_page);
  caiji_operator_device_page_refresh (self->device_page);
}

/* The other pages show what the store holds when they are looked at. */
static void
visible_page_cb (CaijiOperatorWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "records") == 0)
    caiji_operator_records_page_refresh (self->records_page);
  else if (g_strcmp0 (name, "device") == 0)
    caiji_operator_device_page_refresh (self->device_page);
  else if (g_strcmp0 (name, "queue") == 0)
    caiji_operator_queue_page_refresh (self->queue_page);
  else if (g_strcmp0 (name, "sync") == 0)
    caiji_operator_sync_page_refresh (self->sync_page);
}

static void
leave_clicked_cb (CaijiOperatorWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
quit_response_cb (AdwMessageDialog    *dialog,
                  const char          *response,
                  CaijiOperatorWindow *self)
{
  if (g_strcmp0 (response, QUIT_RESPONSE) == 0)
    quit_kiosk (self);
}

static void
quit_clicked_cb (CaijiOperatorWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Quit the kiosk?"),
                                              _("Candidates cannot use this kiosk until it is started again."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    QUIT_RESPONSE, _("_Quit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), QUIT_RESPONSE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (quit_response_cb), self, 0);
  caiji_operator_idle_watch_dialog (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
caiji_operator_window_dispose (GObject *object)
{
  CaijiOperatorWindow *self = CAIJI_OPERATOR_WINDOW (object);

  g_clear_weak_pointer (&self->kiosk);
  /* The stack changes its visible page while it is torn down. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_WINDOW);

  G_OBJECT_CLASS (caiji_operator_window_parent_class)->dispose (object);
}

static void
caiji_operator_window_class_init (CaijiOperatorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_window_dispose;

  g_type_ensure (CAIJI_TYPE_OPERATOR_QUEUE_PAGE);
  g_type_ensure (CAIJI_TYPE_OPERATOR_RECORDS_PAGE);
  g_type_ensure (CAIJI_TYPE_OPERATOR_DEVICE_PAGE);
  g_type_ensure (CAIJI_TYPE_OPERATOR_SYNC_PAGE);
  g_type_ensure (CAIJI_TYPE_OPERATOR_SETTINGS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorWindow, queue_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorWindow, records_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorWindow, device_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorWindow, sync_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorWindow, settings_page);
  gtk_widget_class_bind_template_callback (widget_class, decided_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, quit_clicked_cb);
}

static void
caiji_operator_window_init (CaijiOperatorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
caiji_operator_window_new (GtkWindow        *kiosk,
                           CaijiStore       *store,
                           CaijiKioskSync   *sync,
                           GSettings        *settings,
                           CaijiOperatorPin *pin)
{
  CaijiOperatorWindow *self;
  int width, height;

  g_return_val_if_fail (GTK_IS_WINDOW (kiosk), NULL);
  g_return_val_if_fail (CAIJI_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  gtk_window_get_default_size (kiosk, &width, &height);
  self = g_object_new (CAIJI_TYPE_OPERATOR_WINDOW,
                       "transient-for", kiosk,
                       "modal", TRUE,
                       "default-width", width,
                       "default-height", height,
                       NULL);
  g_set_weak_pointer (&self->kiosk, kiosk);
  caiji_operator_queue_page_set_store (self->queue_page, store);
  caiji_operator_records_page_set_store (self->records_page, store);
  caiji_operator_device_page_set_store (self->device_page, store);
  caiji_operator_device_page_set_reader (self->device_page, caiji_reader_watch_from (G_OBJECT (kiosk)));
  caiji_operator_sync_page_set_sync (self->sync_page, store, sync);
  caiji_operator_settings_page_set_settings (self->settings_page, settings, pin);
  caiji_operator_idle_watch (GTK_WINDOW (self), settings);
  if (gtk_window_is_fullscreen (kiosk))
    gtk_window_fullscreen (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}
