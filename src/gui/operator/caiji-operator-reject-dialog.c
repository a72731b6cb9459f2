/* caiji-operator-reject-dialog.c: 不通过 needs a reason the candidate can read
 *
 * The store refuses a rejection without a reason; the dialog says so
 * first by keeping 不通过 insensitive until a reason is typed, so the
 * operator never meets the store's error.
 */
#include "caiji-config.h"

#include "caiji-operator-reject-dialog.h"

struct _CaijiOperatorRejectDialog {
  AdwMessageDialog parent_instance;

  GtkEditable     *reason_entry;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorRejectDialog, caiji_operator_reject_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Callbacks */

static void
reason_changed_cb (CaijiOperatorRejectDialog *self)
{
  g_autofree char *reason = caiji_operator_reject_dialog_get_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                           CAIJI_OPERATOR_REJECT_DIALOG_RESPONSE_REJECT,
                                           reason[0] != '\0');
}

/* GObject */

static void
caiji_operator_reject_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAIJI_TYPE_OPERATOR_REJECT_DIALOG);

  G_OBJECT_CLASS (caiji_operator_reject_dialog_parent_class)->dispose (object);
}

static void
caiji_operator_reject_dialog_class_init (CaijiOperatorRejectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_reject_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-reject-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRejectDialog, reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
caiji_operator_reject_dialog_init (CaijiOperatorRejectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reason_changed_cb (self);
}

/* Public API */

GtkWidget *
caiji_operator_reject_dialog_new (GtkWindow *parent)
{
  return g_object_new (CAIJI_TYPE_OPERATOR_REJECT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

char *
caiji_operator_reject_dialog_get_reason (CaijiOperatorRejectDialog *self)
{
  g_return_val_if_fail (CAIJI_IS_OPERATOR_REJECT_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (self->reason_entry)));
}
