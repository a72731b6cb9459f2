/* caiji-review-page.c: 学生信息复核, the candidate checks the roster entry
 *
 * Shows the signed-in candidate's record with the seed's three notes.
 * 确认 starts the capture; 申请复核 asks what is wrong, files the request
 * with the record and then lets the capture go on, as in the seed.  The
 * ID number and the phone number are masked: other people queue behind
 * the kiosk.
 */
#include "caiji-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "caiji-correction-dialog.h"
#include "caiji-id-number.h"
#include "caiji-page-dispatch.h"
#include "caiji-review-page.h"
#include "caiji-texts.h"

struct _CaijiReviewPage {
  AdwBin       parent_instance;

  CaijiWizard *wizard;

  GtkLabel    *title_label;
  GtkLabel    *notes_title;
  GtkLabel    *note_buttons;
  GtkLabel    *name_value;
  GtkLabel    *sex_value;
  GtkLabel    *phone_value;
  GtkLabel    *id_number_value;
  GtkLabel    *student_no_value;
  GtkLabel    *university_value;
  GtkLabel    *grade_value;
  GtkLabel    *major_value;
  GtkLabel    *error_label;
  GtkButton   *correction_button;
  GtkButton   *confirm_button;
};

G_DEFINE_FINAL_TYPE (CaijiReviewPage, caiji_review_page, ADW_TYPE_BIN)

/* Helpers */

static void
set_value (GtkLabel   *label,
           const char *value)
{
  gtk_label_set_text (label, value != NULL ? value : "");
}

static void
show_candidate (CaijiReviewPage      *self,
                const CaijiCandidate *candidate)
{
  g_autofree char *masked_id = caiji_id_number_mask (candidate->id_number);
  g_autofree char *masked_phone = caiji_phone_mask (candidate->phone);

  set_value (self->name_value, candidate->name);
  set_value (self->sex_value, caiji_sex_display_name (candidate->sex));
  set_value (self->phone_value, masked_phone);
  set_value (self->id_number_value, masked_id);
  set_value (self->student_no_value, candidate->student_no);
  set_value (self->university_value, candidate->university);
  set_value (self->grade_value, candidate->grade);
  set_value (self->major_value, candidate->major);
}

static void
clear_candidate (CaijiReviewPage *self)
{
  GtkLabel *values[] = { self->name_value, self->sex_value, self->phone_value,
                         self->id_number_value, self->student_no_value,
                         self->university_value, self->grade_value, self->major_value };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    set_value (values[i], NULL);
  caiji_page_show_error (self->error_label, NULL);
}

static void
set_static_texts (CaijiReviewPage *self)
{
  g_autofree char *note = NULL;

  gtk_label_set_text (self->title_label, caiji_text (CAIJI_TEXT_STUDENT_INFO_REVIEW));
  gtk_label_set_text (self->notes_title, caiji_text (CAIJI_TEXT_NOTES));
  /* The note names the two buttons, so it takes their labels from the
   * same table the buttons do. */
  note = g_strdup_printf (_("2. If the information is correct, press “%s”. If anything is wrong, press “%s” and describe the correction."),
                          caiji_text (CAIJI_TEXT_CONFIRM),
                          caiji_text (CAIJI_TEXT_REQUEST_CORRECTION));
  gtk_label_set_text (self->note_buttons, note);
  gtk_button_set_label (self->confirm_button, caiji_text (CAIJI_TEXT_CONFIRM));
  gtk_button_set_label (self->correction_button, caiji_text (CAIJI_TEXT_REQUEST_CORRECTION));
}

/* Callbacks */

static void
wizard_changed_cb (CaijiReviewPage *self)
{
  const CaijiCandidate *candidate = caiji_wizard_get_candidate (self->wizard);

  /* Only the review page shows the record; once the candidate is gone
   * (首页, idle timeout) so are their details. */
  if (candidate == NULL)
    clear_candidate (self);
  else if (caiji_wizard_get_page (self->wizard) == CAIJI_WIZARD_PAGE_REVIEW_INFO)
    show_candidate (self, candidate);
}

static void
confirm_clicked_cb (CaijiReviewPage *self)
{
  g_return_if_fail (self->wizard != NULL);

  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_REVIEW_INFO,
                                                      CAIJI_WIZARD_ACTION_CONFIRM),
                       self->error_label, NULL);
}

static void
correction_response_cb (CaijiReviewPage        *self,
                        const char             *response,
                        CaijiCorrectionDialog  *dialog)
{
  g_autofree char *note = NULL;

  if (g_strcmp0 (response, CAIJI_CORRECTION_DIALOG_RESPONSE_SEND) != 0 || self->wizard == NULL)
    return;
  note = caiji_correction_dialog_get_note (dialog);
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_correction (note),
                       self->error_label, NULL);
}

static void
correction_clicked_cb (CaijiReviewPage *self)
{
  GtkWidget *dialog = caiji_correction_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

  g_signal_connect_object (dialog, "response", G_CALLBACK (correction_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
caiji_review_page_dispose (GObject *object)
{
  CaijiReviewPage *self = CAIJI_REVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_REVIEW_PAGE);
  g_clear_object (&self->wizard);

  G_OBJECT_CLASS (caiji_review_page_parent_class)->dispose (object);
}

static void
caiji_review_page_class_init (CaijiReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_review_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, notes_title);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, note_buttons);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, name_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, sex_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, phone_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, id_number_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, student_no_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, university_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, grade_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, major_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, correction_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiReviewPage, confirm_button);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, correction_clicked_cb);
}

static void
caiji_review_page_init (CaijiReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_static_texts (self);
}

/* Public API */

void
caiji_review_page_set_wizard (CaijiReviewPage *self,
                              CaijiWizard     *wizard)
{
  g_return_if_fail (CAIJI_IS_REVIEW_PAGE (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));

  if (self->wizard != NULL)
    g_signal_handlers_disconnect_by_data (self->wizard, self);
  g_set_object (&self->wizard, wizard);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  wizard_changed_cb (self);
}
