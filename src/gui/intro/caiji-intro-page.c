/* caiji-intro-page.c: what the capture involves, before it starts
 *
 * The seed shows this page before the capture: photos are compulsory, the
 * capture has three steps, and only 我已知晓,开始采集 leads on.
 */
#include "caiji-config.h"

#include <adwaita.h>

#include "caiji-intro-page.h"
#include "caiji-page-dispatch.h"
#include "caiji-texts.h"

struct _CaijiIntroPage {
  AdwBin         parent_instance;

  CaijiWizard   *wizard;

  AdwActionRow  *card_row;
  AdwActionRow  *photo_row;
  AdwActionRow  *face_row;
  GtkLabel      *error_label;
  GtkButton     *start_button;
};

G_DEFINE_FINAL_TYPE (CaijiIntroPage, caiji_intro_page, ADW_TYPE_BIN)

/* Helpers */

static void
set_static_texts (CaijiIntroPage *self)
{
  /* The status page is the bin's child, not a bound template child:
   * AdwBin unparents its child itself on dispose. */
  adw_status_page_set_title (ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self))),
                             caiji_text (CAIJI_TEXT_PHOTO_CAPTURE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->card_row), caiji_text (CAIJI_TEXT_STEP_CARD));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->photo_row), caiji_text (CAIJI_TEXT_STEP_PHOTO));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->face_row), caiji_text (CAIJI_TEXT_STEP_FACE));
  gtk_button_set_label (self->start_button, caiji_text (CAIJI_TEXT_START_CAPTURE));
}

/* Callbacks */

static void
start_clicked_cb (CaijiIntroPage *self)
{
  g_return_if_fail (self->wizard != NULL);

  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_INTRO,
                                                      CAIJI_WIZARD_ACTION_START_CAPTURE),
                       self->error_label, NULL);
}

static void
wizard_changed_cb (CaijiIntroPage *self)
{
  /* A refusal from an earlier visit must not greet the next candidate. */
  if (caiji_wizard_get_page (self->wizard) != CAIJI_WIZARD_PAGE_INTRO)
    caiji_page_show_error (self->error_label, NULL);
}

/* GObject */

static void
caiji_intro_page_dispose (GObject *object)
{
  CaijiIntroPage *self = CAIJI_INTRO_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_INTRO_PAGE);
  g_clear_object (&self->wizard);

  G_OBJECT_CLASS (caiji_intro_page_parent_class)->dispose (object);
}

static void
caiji_intro_page_class_init (CaijiIntroPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_intro_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-intro-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiIntroPage, card_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiIntroPage, photo_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiIntroPage, face_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiIntroPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiIntroPage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
}

static void
caiji_intro_page_init (CaijiIntroPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_static_texts (self);
}

/* Public API */

void
caiji_intro_page_set_wizard (CaijiIntroPage *self,
                             CaijiWizard    *wizard)
{
  g_return_if_fail (CAIJI_IS_INTRO_PAGE (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));

  if (self->wizard != NULL)
    g_signal_handlers_disconnect_by_data (self->wizard, self);
  g_set_object (&self->wizard, wizard);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
}
