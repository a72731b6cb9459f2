/* caiji-window.c: the kiosk's single window, one page per wizard page
 *
 * The window follows the wizard: every "changed" shows the stack page of
 * the wizard's current page.  The pages send the candidate's inputs to the
 * wizard themselves; the window only owns the header (title, 首页) and
 * the page shown when the database cannot be opened.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-card-page.h"
#include "caiji-face-page.h"
#include "caiji-identify-page.h"
#include "caiji-idle-watch.h"
#include "caiji-intro-page.h"
#include "caiji-operator-mode.h"
#include "caiji-page-dispatch.h"
#include "caiji-photo-page.h"
#include "caiji-result-page.h"
#include "caiji-review-page.h"
#include "caiji-texts.h"
#include "caiji-window.h"

#define STORE_ERROR_PAGE "store-error"

struct _CaijiWindow {
  AdwApplicationWindow  parent_instance;

  CaijiWizard          *wizard;
  CaijiKioskSync       *sync;          /* nullable */

  AdwWindowTitle       *window_title;
  GtkButton            *home_button;
  AdwButtonContent     *home_content;
  GtkStack             *stack;
  CaijiIdentifyPage    *identify_page;
  CaijiReviewPage      *review_page;
  CaijiIntroPage       *intro_page;
  CaijiCardPage        *card_page;
  CaijiPhotoPage       *photo_page;
  CaijiFacePage        *face_page;
  CaijiResultPage      *passed_page;
  CaijiResultPage      *submitted_page;
  AdwStatusPage        *store_error_page;
  GtkRevealer          *idle_revealer;
  GtkLabel             *idle_label;

  CaijiIdleWatch       *idle_watch;
};

G_DEFINE_FINAL_TYPE (CaijiWindow, caiji_window, ADW_TYPE_APPLICATION_WINDOW)

/* Stack page names, indexed by CaijiWizardPage. */
static const char *const page_names[] = {
  [CAIJI_WIZARD_PAGE_IDENTIFY] = "identify",
  [CAIJI_WIZARD_PAGE_REVIEW_INFO] = "review",
  [CAIJI_WIZARD_PAGE_INTRO] = "intro",
  [CAIJI_WIZARD_PAGE_CARD] = "card",
  [CAIJI_WIZARD_PAGE_PHOTO] = "photo",
  [CAIJI_WIZARD_PAGE_FACE] = "face",
  [CAIJI_WIZARD_PAGE_PASSED] = "passed",
  [CAIJI_WIZARD_PAGE_SUBMITTED] = "submitted",
};

/* Helpers */

static const char *
page_title (CaijiWizardPage page)
{
  switch (page)
    {
    case CAIJI_WIZARD_PAGE_IDENTIFY:
      return _("Candidate sign-in");
    case CAIJI_WIZARD_PAGE_REVIEW_INFO:
      return caiji_text (CAIJI_TEXT_STUDENT_INFO_REVIEW);
    case CAIJI_WIZARD_PAGE_INTRO:
    case CAIJI_WIZARD_PAGE_CARD:
    case CAIJI_WIZARD_PAGE_PHOTO:
    case CAIJI_WIZARD_PAGE_FACE:
    case CAIJI_WIZARD_PAGE_PASSED:
    case CAIJI_WIZARD_PAGE_SUBMITTED:
    default:
      return caiji_text (CAIJI_TEXT_PHOTO_CAPTURE);
    }
}

/* Callbacks */

static void
wizard_changed_cb (CaijiWindow *self)
{
  CaijiWizardPage page = caiji_wizard_get_page (self->wizard);

  g_return_if_fail (page < G_N_ELEMENTS (page_names));

  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  adw_window_title_set_title (self->window_title, page_title (page));
  gtk_widget_set_visible (GTK_WIDGET (self->home_button), page != CAIJI_WIZARD_PAGE_IDENTIFY);
}

static void
home_clicked_cb (CaijiWindow *self)
{
  /* The page's own input is still being saved; 首页 would be refused as
   * busy, and the page change that follows makes the press moot. */
  if (self->wizard == NULL || caiji_wizard_is_busy (self->wizard))
    return;
  caiji_page_dispatch (GTK_WIDGET (self->home_button), self->wizard,
                       caiji_wizard_event_new_action (caiji_wizard_get_page (self->wizard),
                                                      CAIJI_WIZARD_ACTION_HOME),
                       NULL, NULL);
}

/* Operator mode needs the store; without one there is nothing to operate. */
static void
operator_clicked_cb (CaijiWindow *self)
{
  if (self->wizard != NULL)
    caiji_operator_mode_open (GTK_WINDOW (self), caiji_wizard_get_store (self->wizard), self->sync);
}

/* An untouched sign-in page holds nobody's data: no countdown there. */
static gboolean
nothing_to_wipe (CaijiWindow *self)
{
  return self->wizard == NULL ||
         (caiji_wizard_get_page (self->wizard) == CAIJI_WIZARD_PAGE_IDENTIFY &&
          caiji_identify_page_is_blank (self->identify_page));
}

static void
idle_warning_cb (CaijiWindow *self,
                 guint        seconds_left)
{
  g_autofree char *text = NULL;

  if (seconds_left > 0 && nothing_to_wipe (self))
    {
      caiji_idle_watch_poke (self->idle_watch);
      return;
    }
  gtk_revealer_set_reveal_child (self->idle_revealer, seconds_left > 0);
  if (seconds_left == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Nobody has touched the screen for a while: everything shown will be cleared in %u second. Touch the screen to continue.",
                                       "Nobody has touched the screen for a while: everything shown will be cleared in %u seconds. Touch the screen to continue.",
                                       seconds_left),
                          seconds_left);
  gtk_label_set_text (self->idle_label, text);
}

/* The candidate walked away: nothing of theirs stays on the screen, not
 * even a half-typed ID number.  An input being saved finishes first. */
static void
idle_timeout_cb (CaijiWindow *self)
{
  if (nothing_to_wipe (self))
    return;
  if (caiji_wizard_is_busy (self->wizard))
    {
      caiji_idle_watch_poke (self->idle_watch);
      return;
    }
  caiji_identify_page_clear (self->identify_page);
  caiji_wizard_reset (self->wizard);
}

static void
idle_continue_clicked_cb (CaijiWindow *self)
{
  caiji_idle_watch_poke (self->idle_watch);
}

static void
quit_clicked_cb (CaijiWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
caiji_window_dispose (GObject *object)
{
  CaijiWindow *self = CAIJI_WINDOW (object);

  g_clear_object (&self->wizard);
  g_clear_object (&self->sync);
  g_clear_object (&self->idle_watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_WINDOW);

  G_OBJECT_CLASS (caiji_window_parent_class)->dispose (object);
}

static void
caiji_window_class_init (CaijiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_window_dispose;

  g_type_ensure (CAIJI_TYPE_IDENTIFY_PAGE);
  g_type_ensure (CAIJI_TYPE_REVIEW_PAGE);
  g_type_ensure (CAIJI_TYPE_INTRO_PAGE);
  g_type_ensure (CAIJI_TYPE_CARD_PAGE);
  g_type_ensure (CAIJI_TYPE_PHOTO_PAGE);
  g_type_ensure (CAIJI_TYPE_FACE_PAGE);
  g_type_ensure (CAIJI_TYPE_RESULT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, home_content);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, identify_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, intro_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, card_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, photo_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, face_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, passed_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, submitted_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, store_error_page);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, idle_revealer);
  gtk_widget_class_bind_template_child (widget_class, CaijiWindow, idle_label);
  gtk_widget_class_bind_template_callback (widget_class, home_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, operator_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, quit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, idle_continue_clicked_cb);
}

static void
caiji_window_init (CaijiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_button_content_set_label (self->home_content, caiji_text (CAIJI_TEXT_HOME));
  self->idle_watch = caiji_idle_watch_new (GTK_WIDGET (self));
  g_signal_connect_object (self->idle_watch, "warning", G_CALLBACK (idle_warning_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idle_watch, "timeout", G_CALLBACK (idle_timeout_cb), self, G_CONNECT_SWAPPED);
  adw_window_title_set_title (self->window_title, page_title (CAIJI_WIZARD_PAGE_IDENTIFY));
}

/* Public API */

CaijiWindow *
caiji_window_new (GtkApplication *application)
{
  return g_object_new (CAIJI_TYPE_WINDOW, "application", application, NULL);
}

void
caiji_window_set_wizard (CaijiWindow *self,
                         CaijiWizard *wizard)
{
  g_return_if_fail (CAIJI_IS_WINDOW (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));
  g_return_if_fail (self->wizard == NULL);

  self->wizard = g_object_ref (wizard);
  caiji_identify_page_set_wizard (self->identify_page, wizard);
  caiji_review_page_set_wizard (self->review_page, wizard);
  caiji_intro_page_set_wizard (self->intro_page, wizard);
  caiji_card_page_set_wizard (self->card_page, wizard);
  caiji_photo_page_set_wizard (self->photo_page, wizard);
  caiji_face_page_set_wizard (self->face_page, wizard);
  caiji_result_page_set_wizard (self->passed_page, wizard);
  caiji_result_page_set_wizard (self->submitted_page, wizard);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  wizard_changed_cb (self);
}

/* The camera and the analysis behind the capture steps. */
void
caiji_window_set_capture (CaijiWindow          *self,
                          CaijiCameraKeeper    *keeper,
                          CaijiCaptureAnalyzer *analyzer)
{
  g_return_if_fail (CAIJI_IS_WINDOW (self));
  g_return_if_fail (CAIJI_IS_CAMERA_KEEPER (keeper));
  g_return_if_fail (CAIJI_IS_CAPTURE_ANALYZER (analyzer));

  caiji_card_page_set_capture (self->card_page, keeper, analyzer);
  caiji_photo_page_set_capture (self->photo_page, keeper, analyzer);
  caiji_face_page_set_capture (self->face_page, keeper, analyzer);
}

/* The chip reader candidates may tap their card on; the operator window
 * finds it on this window for its device page. */
void
caiji_window_set_reader (CaijiWindow      *self,
                         CaijiReaderWatch *reader)
{
  g_return_if_fail (CAIJI_IS_WINDOW (self));

  caiji_identify_page_set_reader (self->identify_page, reader);
  caiji_reader_watch_attach (G_OBJECT (self), reader);
}

/* --demo: the camera plays pictures, which cannot meet a head-turn
 * challenge; step 3 says so and compares without it. */
void
caiji_window_set_demo_camera (CaijiWindow *self,
                              gboolean     demo_camera)
{
  g_return_if_fail (CAIJI_IS_WINDOW (self));
  caiji_face_page_set_demo_camera (self->face_page, demo_camera);
}

/* The background delivery to the hub, shown in operator mode. */
void
caiji_window_set_sync (CaijiWindow    *self,
                       CaijiKioskSync *sync)
{
  g_return_if_fail (CAIJI_IS_WINDOW (self));
  g_return_if_fail (CAIJI_IS_KIOSK_SYNC (sync));
  g_set_object (&self->sync, sync);
}

/* 0 turns the idle timeout off. */
void
caiji_window_set_idle_timeout (CaijiWindow *self,
                               guint        seconds)
{
  g_return_if_fail (CAIJI_IS_WINDOW (self));
  caiji_idle_watch_set_timeout (self->idle_watch, seconds);
}

/* Instead of the wizard: the kiosk cannot work without its database, and
 * the operator needs the reason and the file to fix it. */
void
caiji_window_show_store_error (CaijiWindow  *self,
                               const char   *path,
                               const GError *error)
{
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (CAIJI_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  description = g_strdup_printf (_("%s\n\nDatabase file: %s\nPlease tell the operator."),
                                 error->message, path != NULL ? path : "");
  markup = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->store_error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, STORE_ERROR_PAGE);
  adw_window_title_set_title (self->window_title, _("Caiji"));
  gtk_widget_set_visible (GTK_WIDGET (self->home_button), FALSE);
}

const char *
caiji_window_get_visible_page (CaijiWindow *self)
{
  g_return_val_if_fail (CAIJI_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
