/* caiji-correction-dialog.c: 申请复核, what is wrong in the student record
 *
 * The kiosk has no keyboard, so the candidate mostly taps the fields that
 * are wrong; the details line is there for the desk's keyboard or an
 * operator.  The note is for the operators who fix the roster, so it names
 * the fields as the candidate saw them.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-correction-dialog.h"
#include "caiji-texts.h"

struct _CaijiCorrectionDialog {
  AdwMessageDialog parent_instance;

  GtkGrid         *field_grid;
  GtkEditable     *details_entry;
};

G_DEFINE_FINAL_TYPE (CaijiCorrectionDialog, caiji_correction_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Helpers */

static GPtrArray *
chosen_fields (CaijiCorrectionDialog *self)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->field_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_ptr_array_add (fields, (gpointer) gtk_check_button_get_label (GTK_CHECK_BUTTON (child)));
  return fields;
}

static const char *
details (CaijiCorrectionDialog *self)
{
  return gtk_editable_get_text (self->details_entry);
}

/* Callbacks */

static void
input_changed_cb (CaijiCorrectionDialog *self)
{
  g_autoptr(GPtrArray) fields = chosen_fields (self);
  g_autofree char *text = g_strstrip (g_strdup (details (self)));

  /* An empty request would only make an operator guess. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                           CAIJI_CORRECTION_DIALOG_RESPONSE_SEND,
                                           fields->len > 0 || text[0] != '\0');
}

/* GObject */

static void
caiji_correction_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAIJI_TYPE_CORRECTION_DIALOG);

  G_OBJECT_CLASS (caiji_correction_dialog_parent_class)->dispose (object);
}

static void
caiji_correction_dialog_class_init (CaijiCorrectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_correction_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-correction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiCorrectionDialog, field_grid);
  gtk_widget_class_bind_template_child (widget_class, CaijiCorrectionDialog, details_entry);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
}

static void
caiji_correction_dialog_init (CaijiCorrectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  caiji_text (CAIJI_TEXT_REQUEST_CORRECTION));
  input_changed_cb (self);
}

/* Public API */

GtkWidget *
caiji_correction_dialog_new (GtkWindow *parent)
{
  return g_object_new (CAIJI_TYPE_CORRECTION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

/* "Name, Mobile phone: <details>" in the kiosk's language. */
char *
caiji_correction_dialog_get_note (CaijiCorrectionDialog *self)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;

  g_return_val_if_fail (CAIJI_IS_CORRECTION_DIALOG (self), NULL);

  fields = chosen_fields (self);
  g_ptr_array_add (fields, NULL);
  names = g_strjoinv (", ", (char **) fields->pdata);
  text = g_strstrip (g_strdup (details (self)));

  if (names[0] == '\0')
    return g_steal_pointer (&text);
  if (text[0] == '\0')
    return g_steal_pointer (&names);
  return g_strconcat (names, ": ", text, NULL);
}
