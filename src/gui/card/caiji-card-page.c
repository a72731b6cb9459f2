/* caiji-card-page.c: step 1, 证件识别: both sides of the resident ID card
 *
 * Two slots, 人像面 and 国徽面, each with a live preview, 拍照 and 从文件上传.
 * A picture is read on a worker thread and handed to the wizard, which
 * accepts it or refuses it with the seed's prompt; a refusal is shown in
 * a dialog whose only button is the seed's 回到首页, back to this page.
 * Once the portrait side is accepted, the name and ID number read from it
 * fill the fields.  Without card reading on this kiosk the picture is
 * shown but never accepted, and 下一步 is refused by the wizard.
 *
 * Auto-capture: once CARD_AUTO_CAPTURE_STABLE_FRAMES preview frames in a
 * row are 标准, the page takes the picture for the first side not yet
 * accepted, as if 拍照 had been pressed; the run starts again after each
 * capture, and a slot showing a taken picture waits for 重拍.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-capture-jobs.h"
#include "caiji-card-page.h"
#include "caiji-card-slot.h"
#include "caiji-card-tuning.h"
#include "caiji-id-number.h"
#include "caiji-live-analysis.h"
#include "caiji-page-dispatch.h"
#include "caiji-stepper.h"
#include "caiji-texts.h"

#define ICON_ACCEPTED "emblem-ok-symbolic"
#define ICON_REFUSED "action-unavailable-symbolic"

struct _CaijiCardPage {
  AdwBin             parent_instance;

  CaijiWizard       *wizard;
  CaijiLiveAnalysis *tips;
  CaijiCardSlot     *pending_slot;      /* its picture is with the wizard */
  GdkTexture        *pending_texture;
  GtkWidget         *refusal_dialog;    /* weak */
  guint              standard_run;      /* preview frames in a row that were 标准 */

  CaijiCardSlot     *front_slot;
  CaijiCardSlot     *back_slot;
  GtkLabel          *tips_title;
  GtkLabel          *tip_standard;
  GtkLabel          *tip_border;
  GtkLabel          *tip_blurry;
  GtkLabel          *tip_glare;
  GtkLabel          *name_value;
  GtkLabel          *id_number_value;
  GtkLabel          *error_label;
  GtkButton         *home_button;
  GtkButton         *next_button;
};

G_DEFINE_FINAL_TYPE (CaijiCardPage, caiji_card_page, ADW_TYPE_BIN)

/* Helpers */

static void
set_static_texts (CaijiCardPage *self)
{
  g_autofree char *standard = g_strdup_printf ("✓ %s", caiji_text (CAIJI_TEXT_TIP_STANDARD));
  g_autofree char *border = g_strdup_printf ("✗ %s", caiji_text (CAIJI_TEXT_TIP_BORDER_MISSING));
  g_autofree char *blurry = g_strdup_printf ("✗ %s", caiji_text (CAIJI_TEXT_TIP_BLURRY));
  g_autofree char *glare = g_strdup_printf ("✗ %s", caiji_text (CAIJI_TEXT_TIP_GLARE));

  gtk_label_set_text (self->tips_title, caiji_text (CAIJI_TEXT_KIND_TIPS));
  gtk_label_set_text (self->tip_standard, standard);
  gtk_label_set_text (self->tip_border, border);
  gtk_label_set_text (self->tip_blurry, blurry);
  gtk_label_set_text (self->tip_glare, glare);
  gtk_button_set_label (self->home_button, caiji_text (CAIJI_TEXT_HOME));
  gtk_button_set_label (self->next_button, caiji_text (CAIJI_TEXT_NEXT));
}

static void
show_field (GtkLabel   *label,
            const char *value)
{
  gtk_label_set_text (label, value != NULL ? value : caiji_text (CAIJI_TEXT_CARD_AUTOFILL_HINT));
  if (value != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
show_fields (CaijiCardPage *self)
{
  const char *id_number = caiji_wizard_get_card_id_number (self->wizard);
  g_autofree char *masked = id_number != NULL ? caiji_id_number_mask (id_number) : NULL;

  show_field (self->name_value, caiji_wizard_get_card_name (self->wizard));
  show_field (self->id_number_value, masked);
}

static void
highlight_tip (CaijiCardPage *self,
               CaijiCardTip   tip)
{
  struct { GtkLabel *chip; CaijiCardTip tip; } chips[] = {
    { self->tip_standard, CAIJI_CARD_TIP_STANDARD },
    { self->tip_border, CAIJI_CARD_TIP_BORDER_MISSING },
    { self->tip_blurry, CAIJI_CARD_TIP_BLURRY },
    { self->tip_glare, CAIJI_CARD_TIP_GLARE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (chips); i++)
    if (chips[i].tip == tip)
      gtk_widget_add_css_class (GTK_WIDGET (chips[i].chip), "current");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (chips[i].chip), "current");
}

static void
close_refusal (CaijiCardPage *self)
{
  if (self->refusal_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->refusal_dialog));
}

/* The seed: a non-card or the wrong side gets its prompt and 回到首页,
 * which leads back to this page. */
static void
show_refusal (CaijiCardPage *self,
              const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  close_refusal (self);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, message,
                                   _("Show the requested side of your own resident ID card, flat and fully in view."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "back", caiji_text (CAIJI_TEXT_BACK_HOME));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "back");
  gtk_widget_add_css_class (dialog, "refusal-dialog");
  self->refusal_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->refusal_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Nothing of the candidate stays on screen once they are gone. */
static void
wipe (CaijiCardPage *self)
{
  close_refusal (self);
  self->pending_slot = NULL;
  g_clear_object (&self->pending_texture);
  caiji_card_slot_reset (self->front_slot);
  caiji_card_slot_reset (self->back_slot);
  self->standard_run = 0;
  caiji_page_show_error (self->error_label, NULL);
  gtk_label_set_text (self->name_value, "");
  gtk_label_set_text (self->id_number_value, "");
  highlight_tip (self, CAIJI_CARD_TIP_UNKNOWN);
}

/* Callbacks */

static void
card_dispatched_cb (GtkWidget    *page,
                    const GError *error)
{
  CaijiCardPage *self = CAIJI_CARD_PAGE (page);
  CaijiCardSlot *slot = g_steal_pointer (&self->pending_slot);
  g_autoptr(GdkTexture) texture = g_steal_pointer (&self->pending_texture);

  if (slot == NULL || texture == NULL)
    return;
  if (error == NULL)
    caiji_card_slot_show_still (slot, texture, ICON_ACCEPTED, _("Accepted"));
  else if (g_error_matches (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_REFUSED))
    {
      caiji_card_slot_show_still (slot, texture, ICON_REFUSED, error->message);
      show_refusal (self, error->message);
    }
  else
    caiji_page_show_error (self->error_label, error);
}

static void
slot_captured_cb (CaijiCardSlot            *slot,
                  const CaijiCaptureResult *result,
                  CaijiCardPage            *self)
{
  if (result->unavailable != NULL)
    {
      caiji_card_slot_show_still (slot, result->texture, NULL, result->unavailable->message);
      return;
    }
  self->pending_slot = slot;
  g_set_object (&self->pending_texture, result->texture);
  caiji_page_show_error (self->error_label, NULL);
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_card_image (caiji_card_slot_get_side (slot),
                                                          result->reading, result->jpeg),
                       NULL, card_dispatched_cb);
}

/* The side the candidate is showing next: the portrait side until it is
 * accepted, then the emblem side; NULL once both are. */
static CaijiCardSlot *
slot_to_fill (CaijiCardPage *self)
{
  if (self->wizard == NULL || self->pending_slot != NULL || self->refusal_dialog != NULL)
    return NULL;
  if (caiji_wizard_get_card_slot (self->wizard, CAIJI_CARD_SIDE_FRONT) != CAIJI_SLOT_ACCEPTED)
    return self->front_slot;
  if (caiji_wizard_get_card_slot (self->wizard, CAIJI_CARD_SIDE_BACK) != CAIJI_SLOT_ACCEPTED)
    return self->back_slot;
  return NULL;
}

static void
auto_capture (CaijiCardPage *self,
              CaijiCardTip   tip)
{
  CaijiCardSlot *slot;

  self->standard_run = tip == CAIJI_CARD_TIP_STANDARD ? self->standard_run + 1 : 0;
  if (self->standard_run < CARD_AUTO_CAPTURE_STABLE_FRAMES || (slot = slot_to_fill (self)) == NULL)
    return;
  if (caiji_card_slot_take_automatically (slot))
    self->standard_run = 0;
}

static void
tip_cb (CaijiCardPage            *self,
        const CaijiCaptureResult *result)
{
  const char *text = caiji_card_tip_text (result->tip);

  caiji_card_slot_set_tip (self->front_slot, text);
  caiji_card_slot_set_tip (self->back_slot, text);
  highlight_tip (self, result->tip);
  auto_capture (self, result->tip);
}

static void
wizard_changed_cb (CaijiCardPage *self)
{
  const CaijiCandidate *candidate = caiji_wizard_get_candidate (self->wizard);

  caiji_card_slot_set_expected_name (self->front_slot, candidate != NULL ? candidate->name : NULL);
  caiji_card_slot_set_expected_name (self->back_slot, candidate != NULL ? candidate->name : NULL);
  if (candidate == NULL)
    wipe (self);
  else if (caiji_wizard_get_page (self->wizard) == CAIJI_WIZARD_PAGE_CARD)
    show_fields (self);
}

static void
mapped_changed_cb (CaijiCardPage *self)
{
  if (self->tips == NULL)
    return;
  self->standard_run = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    caiji_live_analysis_start (self->tips);
  else
    caiji_live_analysis_stop (self->tips);
}

static void
next_clicked_cb (CaijiCardPage *self)
{
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_CARD, CAIJI_WIZARD_ACTION_NEXT),
                       self->error_label, NULL);
}

static void
home_clicked_cb (CaijiCardPage *self)
{
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_CARD, CAIJI_WIZARD_ACTION_HOME),
                       self->error_label, NULL);
}

/* GObject */

static void
caiji_card_page_dispose (GObject *object)
{
  CaijiCardPage *self = CAIJI_CARD_PAGE (object);

  close_refusal (self);
  g_clear_object (&self->tips);
  g_clear_object (&self->pending_texture);
  g_clear_object (&self->wizard);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_CARD_PAGE);
  G_OBJECT_CLASS (caiji_card_page_parent_class)->dispose (object);
}

static void
caiji_card_page_class_init (CaijiCardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_card_page_dispose;

  g_type_ensure (CAIJI_TYPE_STEPPER);
  g_type_ensure (CAIJI_TYPE_CARD_SLOT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-card-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, front_slot);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, back_slot);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, tips_title);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, tip_standard);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, tip_border);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, tip_blurry);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, tip_glare);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, name_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, id_number_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, home_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardPage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, home_clicked_cb);
}

static void
caiji_card_page_init (CaijiCardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  caiji_card_slot_set_side (self->front_slot, CAIJI_CARD_SIDE_FRONT);
  caiji_card_slot_set_side (self->back_slot, CAIJI_CARD_SIDE_BACK);
  g_signal_connect (self->front_slot, "captured", G_CALLBACK (slot_captured_cb), self);
  g_signal_connect (self->back_slot, "captured", G_CALLBACK (slot_captured_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (mapped_changed_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (mapped_changed_cb), NULL);
  set_static_texts (self);
}

/* Public API */

void
caiji_card_page_set_wizard (CaijiCardPage *self,
                            CaijiWizard   *wizard)
{
  g_return_if_fail (CAIJI_IS_CARD_PAGE (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));
  g_return_if_fail (self->wizard == NULL);

  self->wizard = g_object_ref (wizard);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  wizard_changed_cb (self);
}

void
caiji_card_page_set_capture (CaijiCardPage        *self,
                             CaijiCameraKeeper    *keeper,
                             CaijiCaptureAnalyzer *analyzer)
{
  g_return_if_fail (CAIJI_IS_CARD_PAGE (self));
  g_return_if_fail (self->tips == NULL);

  caiji_card_slot_set_capture (self->front_slot, keeper, analyzer);
  caiji_card_slot_set_capture (self->back_slot, keeper, analyzer);
  self->tips = caiji_live_analysis_new (keeper, analyzer, CAIJI_CAPTURE_JOB_CARD_TIP);
  g_signal_connect_object (self->tips, "result", G_CALLBACK (tip_cb), self, G_CONNECT_SWAPPED);
  mapped_changed_cb (self);
}
