/* caiji-operator-sync-page.c: delivery to the central server, for the desk
 *
 * What an operator needs when a record has not reached the hub: whether
 * the kiosk is configured and syncing, how many records wait, why the last
 * attempt failed, and which records the hub refused, each with a button to
 * send it again once the reason is sorted out.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-operator-sync-page.h"
#include "caiji-operator-sync-tasks.h"

struct _CaijiOperatorSyncPage {
  AdwBin               parent_instance;

  CaijiStore          *store;
  CaijiKioskSync      *sync;         /* nullable */
  GCancellable        *cancellable;
  GPtrArray           *held_rows;    /* rows added to held_group */

  GtkButton           *sync_button;
  AdwActionRow        *address_row;
  AdwActionRow        *state_row;
  GtkLabel            *waiting_value;
  GtkLabel            *delivered_value;
  GtkLabel            *held_value;
  AdwActionRow        *next_row;
  AdwActionRow        *last_error_row;
  AdwActionRow        *roster_error_row;
  AdwActionRow        *decisions_error_row;
  AdwPreferencesGroup *held_group;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorSyncPage, caiji_operator_sync_page, ADW_TYPE_BIN)

/* Helpers */

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%lld", (long long) count);

  gtk_label_set_text (label, text);
}

/* A row that only shows when there is something to say. */
static void
show_text (AdwActionRow *row,
           const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL && text[0] != '\0');
}

static void
show_error (CaijiOperatorSyncPage *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_state (CaijiOperatorSyncPage *self)
{
  const char *url = self->sync != NULL ? caiji_kiosk_sync_get_hub_url (self->sync) : "";
  const char *problem = self->sync != NULL ? caiji_kiosk_sync_get_problem (self->sync) : NULL;

  adw_action_row_set_subtitle (self->address_row, url[0] != '\0' ? url : _("Not set"));
  if (self->sync == NULL)
    adw_action_row_set_subtitle (self->state_row, _("This kiosk does not sync in the background."));
  else if (problem != NULL)
    adw_action_row_set_subtitle (self->state_row, problem);
  else
    adw_action_row_set_subtitle (self->state_row, _("Syncing in the background"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), self->sync != NULL);
}

static void
clear_held_rows (CaijiOperatorSyncPage *self)
{
  for (guint i = 0; i < self->held_rows->len; i++)
    adw_preferences_group_remove (self->held_group, g_ptr_array_index (self->held_rows, i));
  g_ptr_array_set_size (self->held_rows, 0);
}

static void send_again_clicked_cb (GtkButton *button, CaijiOperatorSyncPage *self);

static void
add_held_row (CaijiOperatorSyncPage  *self,
              const CaijiOutboxEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Send _Again"));
  g_autofree char *title = g_strdup_printf (_("Record %lld"), (long long) entry->record_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->last_error != NULL ? entry->last_error : "");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "record-id", GINT_TO_POINTER ((int) entry->record_id));
  g_signal_connect (button, "clicked", G_CALLBACK (send_again_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->held_group, row);
  g_ptr_array_add (self->held_rows, row);
}

static void
show_status (CaijiOperatorSyncPage *self,
             const CaijiSyncStatus *status)
{
  const CaijiSyncCounts *counts = &status->counts;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *next_text = NULL;

  set_count (self->waiting_value, counts->waiting);
  set_count (self->delivered_value, counts->delivered);
  set_count (self->held_value, counts->held);
  if (counts->waiting > 0 && counts->next_attempt_at > 0)
    {
      next = g_date_time_new_from_unix_local (counts->next_attempt_at);
      next_text = g_date_time_format (next, "%Y-%m-%d %H:%M:%S");
    }
  show_text (self->next_row, next_text);
  show_text (self->last_error_row, counts->last_error);
  show_text (self->roster_error_row, status->roster_error);
  show_text (self->decisions_error_row, status->decisions_error);
  clear_held_rows (self);
  for (guint i = 0; i < status->held->len; i++)
    add_held_row (self, g_ptr_array_index (status->held, i));
  gtk_widget_set_visible (GTK_WIDGET (self->held_group), status->held->len > 0);
}

/* Callbacks */

static void
status_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiSyncStatus) status = caiji_operator_sync_status_finish (result, &error);
  CaijiOperatorSyncPage *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_error (self, error != NULL ? error->message : NULL);
  show_state (self);
  if (status != NULL)
    show_status (self, status);
}

static void
sent_again_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CaijiOperatorSyncPage *self = user_data;

  if (!caiji_operator_outbox_action_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  if (self->sync != NULL)
    caiji_kiosk_sync_now (self->sync);
  caiji_operator_sync_page_refresh (self);
}

static void
send_again_clicked_cb (GtkButton             *button,
                       CaijiOperatorSyncPage *self)
{
  gint64 record_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "record-id"));

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  caiji_operator_outbox_action_async (self->store, record_id, CAIJI_OUTBOX_SEND_AGAIN, self->cancellable,
                                      sent_again_cb, self);
}

static void
sync_clicked_cb (CaijiOperatorSyncPage *self)
{
  if (self->sync != NULL)
    caiji_kiosk_sync_now (self->sync);
  caiji_operator_sync_page_refresh (self);
}

/* GObject */

static void
caiji_operator_sync_page_dispose (GObject *object)
{
  CaijiOperatorSyncPage *self = CAIJI_OPERATOR_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_SYNC_PAGE);
  g_clear_pointer (&self->held_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (caiji_operator_sync_page_parent_class)->dispose (object);
}

static void
caiji_operator_sync_page_class_init (CaijiOperatorSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_sync_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-operator-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, waiting_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, delivered_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, held_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, next_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, last_error_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, roster_error_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, decisions_error_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, held_group);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSyncPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, sync_clicked_cb);
}

static void
caiji_operator_sync_page_init (CaijiOperatorSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->held_rows = g_ptr_array_new ();
  show_state (self);
}

/* Public API */

void
caiji_operator_sync_page_set_sync (CaijiOperatorSyncPage *self,
                                   CaijiStore            *store,
                                   CaijiKioskSync        *sync)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_SYNC_PAGE (self));
  g_return_if_fail (CAIJI_IS_STORE (store));
  g_return_if_fail (sync == NULL || CAIJI_IS_KIOSK_SYNC (sync));

  g_set_object (&self->store, store);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  if (sync != NULL)
    g_signal_connect_swapped (sync, "changed", G_CALLBACK (caiji_operator_sync_page_refresh), self);
  caiji_operator_sync_page_refresh (self);
}

void
caiji_operator_sync_page_refresh (CaijiOperatorSyncPage *self)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_SYNC_PAGE (self));

  show_state (self);
  if (self->store != NULL)
    caiji_operator_sync_status_async (self->store, self->cancellable, status_loaded_cb, self);
}
