/* caiji-operator-record-dialog.c: any record, looked up from the records list
 *
 * The desk is asked about decided records too ("why was I rejected?"), so
 * the records list opens the same view as the review queue, without the
 * decision buttons.
 */
#include "caiji-config.h"

#include "caiji-operator-record-dialog.h"
#include "caiji-operator-record-view.h"

struct _CaijiOperatorRecordDialog {
  AdwWindow                parent_instance;

  GCancellable            *cancellable;

  AdwWindowTitle          *window_title;
  CaijiOperatorRecordView *record_view;
  GtkLabel                *error_label;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorRecordDialog, caiji_operator_record_dialog, ADW_TYPE_WINDOW)

/* Callbacks */

static void
pictures_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) textures = caiji_operator_load_textures_finish (result, &error);
  CaijiOperatorRecordDialog *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (textures != NULL)
    caiji_operator_record_view_set_textures (self->record_view, textures);
}

/* GObject */

static void
caiji_operator_record_dialog_dispose (GObject *object)
{
  CaijiOperatorRecordDialog *self = CAIJI_OPERATOR_RECORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_RECORD_DIALOG);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (caiji_operator_record_dialog_parent_class)->dispose (object);
}

static void
caiji_operator_record_dialog_class_init (CaijiOperatorRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_record_dialog_dispose;

  g_type_ensure (CAIJI_TYPE_OPERATOR_RECORD_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordDialog, record_view);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordDialog, error_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
caiji_operator_record_dialog_init (CaijiOperatorRecordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Public API */

/* The entry is shown at once; the pictures follow from a worker. */
GtkWidget *
caiji_operator_record_dialog_new (GtkWindow                *parent,
                                  CaijiStore               *store,
                                  const CaijiOperatorEntry *entry)
{
  CaijiOperatorRecordDialog *self;

  g_return_val_if_fail (CAIJI_IS_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (CAIJI_TYPE_OPERATOR_RECORD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  adw_window_title_set_subtitle (self->window_title, entry->record->student_no);
  caiji_operator_record_view_set_entry (self->record_view, entry);
  caiji_operator_load_textures_async (store, entry->record->id, self->cancellable,
                                      pictures_loaded_cb, self);
  return GTK_WIDGET (self);
}
