/* caiji-operator-queue-page.c: the review queue, approve or reject
 *
 * The queue holds the records an operator must decide on: captured (the
 * face matched) and pending_review (submitted with 提交审核).  Each
 * decision is one store update on a worker thread; the queue then
 * reloads, so a record decided elsewhere never lingers here.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-operator-entry-row.h"
#include "caiji-operator-idle.h"
#include "caiji-operator-queue-page.h"
#include "caiji-operator-record-view.h"
#include "caiji-operator-reject-dialog.h"
#include "caiji-operator-sync-tasks.h"
#include "caiji-operator-tasks.h"

struct _CaijiOperatorQueuePage {
  AdwBin                   parent_instance;

  CaijiStore              *store;
  GPtrArray               *entries;
  gint64                   selected_id;       /* kept across reloads */
  GCancellable            *cancellable;       /* the page's lifetime */
  GCancellable            *image_cancellable; /* the selected record's pictures */

  GtkListBox              *list;
  GtkLabel                *count_label;
  GtkStack                *detail_stack;
  CaijiOperatorRecordView *record_view;
  GtkButton               *approve_button;
  GtkButton               *reject_button;
  GtkButton               *central_button;
  GtkLabel                *error_label;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorQueuePage, caiji_operator_queue_page, ADW_TYPE_BIN)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_pictures (CaijiOperatorQueuePage *self, gint64 record_id);

/* Helpers */

static const CaijiOperatorEntry *
selected_entry (CaijiOperatorQueuePage *self)
{
  return caiji_operator_entry_row_get_entry (gtk_list_box_get_selected_row (self->list));
}

static void
set_deciding (CaijiOperatorQueuePage *self,
              gboolean                deciding)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->approve_button), !deciding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reject_button), !deciding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->central_button), !deciding);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), !deciding);
}

static void
show_error (CaijiOperatorQueuePage *self,
            const GError           *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
show_count (CaijiOperatorQueuePage *self)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u record waiting",
                                                        "%u records waiting",
                                                        self->entries->len),
                                           self->entries->len);

  gtk_label_set_text (self->count_label, text);
}

static GtkListBoxRow *
row_for (CaijiOperatorQueuePage *self,
         gint64                  record_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (caiji_operator_entry_row_get_entry (row)->record->id == record_id)
      return row;
  return gtk_list_box_get_row_at_index (self->list, 0);
}

static void
fill_list (CaijiOperatorQueuePage *self,
           GPtrArray              *entries)
{
  GtkListBoxRow *keep;

  caiji_operator_entry_rows_clear (self->list);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, caiji_operator_entry_row_new (g_ptr_array_index (entries, i), TRUE));
  show_count (self);
  keep = row_for (self, self->selected_id);
  gtk_list_box_select_row (self->list, keep);
  gtk_stack_set_visible_child_name (self->detail_stack, keep != NULL ? "record" : "empty");
}

static void
decide (CaijiOperatorQueuePage *self,
        CaijiRecordStatus       status,
        const char             *reason);

/* Callbacks */

static void
entries_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = caiji_operator_list_entries_finish (result, &error);
  CaijiOperatorQueuePage *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A reload after a refused decision keeps that refusal on screen. */
  if (error != NULL)
    show_error (self, error);
  if (entries != NULL)
    fill_list (self, entries);
}

static void
pictures_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) textures = caiji_operator_load_textures_finish (result, &error);
  CaijiOperatorQueuePage *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_error (self, error);
  if (textures != NULL)
    caiji_operator_record_view_set_textures (self->record_view, textures);
}

static void
row_selected_cb (CaijiOperatorQueuePage *self,
                 GtkListBoxRow          *row)
{
  const CaijiOperatorEntry *entry = caiji_operator_entry_row_get_entry (row);

  if (entry == NULL)
    return;
  if (entry->record->id != self->selected_id)
    show_error (self, NULL);
  self->selected_id = entry->record->id;
  caiji_operator_record_view_set_entry (self->record_view, entry);
  caiji_operator_record_view_set_textures (self->record_view, NULL);
  /* Only a record submitted with 提交审核 can go to the central review. */
  gtk_widget_set_visible (GTK_WIDGET (self->central_button),
                          entry->record->status == CAIJI_RECORD_PENDING_REVIEW);
  gtk_stack_set_visible_child_name (self->detail_stack, "record");
  load_pictures (self, entry->record->id);
}

static void
decided_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = caiji_operator_decide_finish (result, &error);
  CaijiOperatorQueuePage *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_deciding (self, FALSE);
  show_error (self, error);
  if (saved)
    g_signal_emit (self, signals[DECIDED], 0, _("The decision is saved."));
  /* Refused too: the record may have been decided elsewhere meanwhile
   * (the central review, another desk), and must leave the queue. */
  caiji_operator_queue_page_refresh (self);
}

static void
sent_to_central_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean queued = caiji_operator_outbox_action_finish (result, &error);
  CaijiOperatorQueuePage *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_deciding (self, FALSE);
  show_error (self, error);
  if (queued)
    g_signal_emit (self, signals[DECIDED], 0,
                   _("Sent to the central review. The record stays here until its decision comes back."));
  caiji_operator_queue_page_refresh (self);
}

static void
central_clicked_cb (CaijiOperatorQueuePage *self)
{
  const CaijiOperatorEntry *entry = selected_entry (self);

  if (entry == NULL || self->store == NULL)
    return;
  set_deciding (self, TRUE);
  show_error (self, NULL);
  caiji_operator_outbox_action_async (self->store, entry->record->id, CAIJI_OUTBOX_CENTRAL_REVIEW,
                                      self->cancellable, sent_to_central_cb, self);
}

static void
approve_clicked_cb (CaijiOperatorQueuePage *self)
{
  decide (self, CAIJI_RECORD_APPROVED, NULL);
}

static void
reject_response_cb (CaijiOperatorRejectDialog *dialog,
                    const char                *response,
                    CaijiOperatorQueuePage    *self)
{
  g_autofree char *reason = caiji_operator_reject_dialog_get_reason (dialog);

  if (g_strcmp0 (response, CAIJI_OPERATOR_REJECT_DIALOG_RESPONSE_REJECT) == 0 && reason[0] != '\0')
    decide (self, CAIJI_RECORD_REJECTED, reason);
}

static void
reject_clicked_cb (CaijiOperatorQueuePage *self)
{
  GtkWidget *dialog = caiji_operator_reject_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

  g_signal_connect_object (dialog, "response", G_CALLBACK (reject_response_cb), self, 0);
  caiji_operator_idle_watch_dialog (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Helpers that start work */

static void
load_pictures (CaijiOperatorQueuePage *self,
               gint64                  record_id)
{
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  self->image_cancellable = g_cancellable_new ();
  caiji_operator_load_textures_async (self->store, record_id, self->image_cancellable,
                                      pictures_loaded_cb, self);
}

static void
decide (CaijiOperatorQueuePage *self,
        CaijiRecordStatus       status,
        const char             *reason)
{
  const CaijiOperatorEntry *entry = selected_entry (self);

  if (entry == NULL || self->store == NULL)
    return;
  set_deciding (self, TRUE);
  show_error (self, NULL);
  caiji_operator_decide_async (self->store, entry->record->id, status, reason,
                               self->cancellable, decided_cb, self);
}

/* GObject */

static void
caiji_operator_queue_page_dispose (GObject *object)
{
  CaijiOperatorQueuePage *self = CAIJI_OPERATOR_QUEUE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->image_cancellable);
  if (self->list != NULL)
    caiji_operator_entry_rows_clear (self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_QUEUE_PAGE);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (caiji_operator_queue_page_parent_class)->dispose (object);
}

static void
caiji_operator_queue_page_class_init (CaijiOperatorQueuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_queue_page_dispose;

  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CAIJI_TYPE_OPERATOR_RECORD_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-queue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, list);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, record_view);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, reject_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, central_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorQueuePage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, central_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reject_clicked_cb);
}

static void
caiji_operator_queue_page_init (CaijiOperatorQueuePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_operator_entry_free);
  show_count (self);
}

/* Public API */

void
caiji_operator_queue_page_set_store (CaijiOperatorQueuePage *self,
                                     CaijiStore             *store)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_QUEUE_PAGE (self));
  g_return_if_fail (CAIJI_IS_STORE (store));

  g_set_object (&self->store, store);
  caiji_operator_queue_page_refresh (self);
}

void
caiji_operator_queue_page_refresh (CaijiOperatorQueuePage *self)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_QUEUE_PAGE (self));

  if (self->store != NULL)
    caiji_operator_list_entries_async (self->store, TRUE, self->cancellable, entries_loaded_cb, self);
}
