/* screenshots.c: a PNG of every kiosk screen, for a reviewer to look at
 *
 * Walks the wizard with the demo camera and the scripted analyzer and
 * renders the window (and the refusal dialog) at 1280×800 into
 * <build>/tests/gui/screenshots/NN-name.png.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "caiji-camera-view.h"
#include "caiji-card-page.h"
#include "caiji-card-slot.h"
#include "caiji-face-page.h"
#include "caiji-gui-driver.h"
#include "caiji-identify-page.h"
#include "caiji-photo-page.h"
#include "caiji-result-page.h"
#include "caiji-texts.h"

typedef CaijiGuiFixture Fixture;

static guint shot_number;

static void
save_widget (GtkWidget  *widget,
             const char *name)
{
  g_autofree char *numbered = g_strdup_printf ("%02u-%s", ++shot_number, name);

  caiji_test_screenshot (widget, numbered);
}

static void
shoot (Fixture    *fixture,
       const char *name)
{
  save_widget (GTK_WIDGET (fixture->window), name);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *page,
       GType       type,
       const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, page), type, name);
}

static gboolean
dialog_shown (Fixture       *fixture,
              gconstpointer  data)
{
  return caiji_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_paintable (Fixture       *fixture,
               gconstpointer  data)
{
  return gtk_picture_get_paintable (GTK_PICTURE ((gpointer) data)) != NULL;
}

static gboolean
banner_shown (Fixture       *fixture,
              gconstpointer  data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (caiji_gui_page (fixture, "idle_revealer")));
}

static gboolean
still_shown (Fixture       *fixture,
             gconstpointer  data)
{
  return caiji_camera_view_get_still (CAIJI_CAMERA_VIEW ((gpointer) data)) != NULL;
}

static gboolean
view_ready (Fixture       *fixture,
            gconstpointer  data)
{
  gboolean ready = FALSE;

  g_object_get ((gpointer) data, "ready", &ready, NULL);
  return ready;
}

static GtkWidget *
face (Fixture    *fixture,
      const char *name)
{
  return child (fixture, "face_page", CAIJI_TYPE_FACE_PAGE, name);
}

static void
shoot_card_step (Fixture *fixture)
{
  GtkWidget *front = child (fixture, "card_page", CAIJI_TYPE_CARD_PAGE, "front_slot");
  GtkWidget *back = child (fixture, "card_page", CAIJI_TYPE_CARD_PAGE, "back_slot");
  GtkWindow *dialog;

  caiji_scripted_analyzer_set_card (fixture->analyzer, NULL, CAIJI_CARD_TIP_BORDER_MISSING);
  caiji_scripted_analyzer_set_live_tips (fixture->analyzer, NULL, 0, CAIJI_CARD_TIP_BORDER_MISSING);
  caiji_gui_wait (fixture, view_ready, caiji_gui_child (front, CAIJI_TYPE_CARD_SLOT, "view"), "the preview");
  caiji_gui_wait_visible (fixture, caiji_gui_child (caiji_gui_child (front, CAIJI_TYPE_CARD_SLOT, "view"),
                                                    CAIJI_TYPE_CAMERA_VIEW, "tip_label"));
  caiji_test_press (child (fixture, "card_page", CAIJI_TYPE_CARD_PAGE, "next_button"));
  caiji_gui_wait_visible (fixture, child (fixture, "card_page", CAIJI_TYPE_CARD_PAGE, "error_label"));
  shoot (fixture, "card-live-front-missing");

  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_BACK);
  caiji_gui_wait (fixture, dialog_shown, NULL, "the refusal dialog");
  dialog = caiji_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  shoot (fixture, "card-refusal-dialog-behind");
  save_widget (GTK_WIDGET (dialog), "card-refusal-dialog");
  caiji_test_press (caiji_test_find_button (GTK_WIDGET (dialog), caiji_text (CAIJI_TEXT_BACK_HOME)));
  caiji_test_settle ();
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "card_page"));
  shoot (fixture, "card-refused");

  /* The kiosk's own analyzer until the vision lands. */
  caiji_scripted_analyzer_set_card (fixture->analyzer, NULL, CAIJI_CARD_TIP_UNKNOWN);
  caiji_gui_wait_sensitive (fixture, caiji_gui_child (back, CAIJI_TYPE_CARD_SLOT, "take_button"));
  caiji_test_press (caiji_gui_child (back, CAIJI_TYPE_CARD_SLOT, "take_button"));
  caiji_gui_wait (fixture, still_shown, caiji_gui_child (back, CAIJI_TYPE_CARD_SLOT, "view"), "the taken card");
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "card_page"));
  shoot (fixture, "card-reading-unavailable");

  caiji_test_press (caiji_gui_child (back, CAIJI_TYPE_CARD_SLOT, "take_button"));
  caiji_test_press (caiji_gui_child (front, CAIJI_TYPE_CARD_SLOT, "take_button"));
  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_FRONT);
  caiji_gui_wait_label (fixture, caiji_gui_child (front, CAIJI_TYPE_CARD_SLOT, "state_label"), _("Accepted"));
  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_BACK, CAIJI_CARD_SIDE_BACK);
  caiji_gui_wait_label (fixture, caiji_gui_child (back, CAIJI_TYPE_CARD_SLOT, "state_label"), _("Accepted"));
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "card_page"));
  shoot (fixture, "card-accepted");
  caiji_test_press (child (fixture, "card_page", CAIJI_TYPE_CARD_PAGE, "next_button"));
  caiji_gui_wait_page (fixture, "photo");
}

static gboolean
photo_kept (Fixture       *fixture,
            gconstpointer  data)
{
  return caiji_wizard_get_image (fixture->wizard, CAIJI_IMAGE_ID_PHOTO) != NULL &&
         gtk_widget_is_sensitive (caiji_gui_page (fixture, "photo_page"));
}

static void
shoot_photo_step (Fixture *fixture)
{
  GtkWidget *error_label = child (fixture, "photo_page", CAIJI_TYPE_PHOTO_PAGE, "error_label");

  shoot (fixture, "photo-empty");
  caiji_test_press (child (fixture, "photo_page", CAIJI_TYPE_PHOTO_PAGE, "next_button"));
  caiji_gui_wait_visible (fixture, error_label);
  shoot (fixture, "photo-missing");
  caiji_scripted_analyzer_set_photo (fixture->analyzer, 0, NULL, 0.4);
  caiji_gui_upload_photo (fixture, "testdata/faces/obama/obama_2.jpg");
  caiji_gui_wait_label (fixture, error_label, caiji_text (CAIJI_TEXT_NO_FACE));
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "photo_page"));
  shoot (fixture, "photo-no-face");
  caiji_test_press (child (fixture, "photo_page", CAIJI_TYPE_PHOTO_PAGE, "camera_button"));
  caiji_gui_wait_sensitive (fixture, child (fixture, "photo_page", CAIJI_TYPE_PHOTO_PAGE, "camera_button"));
  shoot (fixture, "photo-camera");
  caiji_scripted_analyzer_set_photo (fixture->analyzer, 1, NULL, 0.92);
  caiji_gui_upload_photo (fixture, "testdata/faces/obama/obama_1.jpg");
  caiji_gui_wait (fixture, photo_kept, NULL, "the photo to be kept");
  shoot (fixture, "photo-accepted");
  caiji_test_press (child (fixture, "photo_page", CAIJI_TYPE_PHOTO_PAGE, "next_button"));
  caiji_gui_wait_page (fixture, "face");
}

static void
start_recognition (Fixture *fixture)
{
  caiji_scripted_analyzer_set_face (fixture->analyzer, TRUE);
  caiji_gui_wait_visible (fixture, face (fixture, "start_button"));
  caiji_test_press (face (fixture, "start_button"));
}

static void
test_review_path (Fixture       *fixture,
                  gconstpointer  data)
{
  caiji_test_settle ();
  shoot (fixture, "identify");
  caiji_gui_sign_in (fixture);
  shoot (fixture, "review");
  caiji_test_press (caiji_test_find_button (caiji_gui_page (fixture, "review_page"), caiji_text (CAIJI_TEXT_CONFIRM)));
  caiji_gui_wait_page (fixture, "intro");
  shoot (fixture, "intro");
  caiji_test_press (caiji_test_find_button (caiji_gui_page (fixture, "intro_page"), caiji_text (CAIJI_TEXT_START_CAPTURE)));
  caiji_gui_wait_page (fixture, "card");
  shoot_card_step (fixture);
  shoot_photo_step (fixture);

  caiji_gui_wait (fixture, view_ready, face (fixture, "view"), "the preview");
  shoot (fixture, "face-no-face");
  caiji_scripted_analyzer_set_face (fixture->analyzer, TRUE);
  caiji_gui_wait_visible (fixture, face (fixture, "start_button"));
  shoot (fixture, "face-detected");
  caiji_scripted_analyzer_set_match (fixture->analyzer, CAIJI_FACE_OUTCOME_UNAVAILABLE, 0);
  caiji_test_press (face (fixture, "start_button"));
  caiji_gui_wait_visible (fixture, face (fixture, "review_button"));
  caiji_gui_wait (fixture, view_ready, face (fixture, "view"), "the preview");
  shoot (fixture, "face-matcher-unavailable");
  caiji_test_press (face (fixture, "review_button"));
  caiji_gui_wait_visible (fixture, face (fixture, "submit_button"));
  shoot (fixture, "face-review-photo");
  caiji_test_press (face (fixture, "submit_button"));
  caiji_gui_wait_page (fixture, "submitted");
  shoot (fixture, "submitted");
}

/* The live tip, the head-turn challenge, and the challenge not met. */
static void
test_liveness (Fixture       *fixture,
               gconstpointer  data)
{
  const double turned[] = { 0.35 };
  const double ahead[] = { 0.02, 0.0, 0.01 };

  caiji_gui_reach_face (fixture);
  caiji_scripted_analyzer_set_yaws (fixture->analyzer, turned, G_N_ELEMENTS (turned));
  caiji_scripted_analyzer_set_face (fixture->analyzer, TRUE);
  caiji_gui_wait (fixture, view_ready, face (fixture, "view"), "the preview");
  caiji_gui_wait_visible (fixture, caiji_gui_child (face (fixture, "view"), CAIJI_TYPE_CAMERA_VIEW, "tip_label"));
  shoot (fixture, "face-tip-not-frontal");

  /* The candidate looks ahead and never turns: the challenge (left or
   * right, at random) runs out. */
  caiji_scripted_analyzer_set_yaws (fixture->analyzer, ahead, G_N_ELEMENTS (ahead));
  start_recognition (fixture);
  caiji_gui_wait_visible (fixture, face (fixture, "challenge_label"));
  caiji_gui_wait (fixture, view_ready, face (fixture, "view"), "the preview");
  shoot (fixture, "face-challenge");
  caiji_gui_wait_visible (fixture, face (fixture, "review_button"));
  caiji_gui_wait (fixture, view_ready, face (fixture, "view"), "the preview");
  shoot (fixture, "face-liveness-failed");
}

static void
test_pass_path (Fixture       *fixture,
                gconstpointer  data)
{
  caiji_gui_reach_face (fixture);
  caiji_scripted_analyzer_set_match (fixture->analyzer, CAIJI_FACE_OUTCOME_NO_MATCH, 0.1);
  start_recognition (fixture);
  caiji_gui_wait_visible (fixture, face (fixture, "review_button"));
  caiji_gui_wait (fixture, view_ready, face (fixture, "view"), "the preview");
  shoot (fixture, "face-failed");
  caiji_scripted_analyzer_set_face (fixture->analyzer, FALSE);
  caiji_test_press (face (fixture, "retry_button"));
  caiji_scripted_analyzer_set_match (fixture->analyzer, CAIJI_FACE_OUTCOME_MATCH, 0.8);
  start_recognition (fixture);
  caiji_gui_wait_page (fixture, "passed");
  caiji_gui_wait (fixture, has_paintable, child (fixture, "passed_page", CAIJI_TYPE_RESULT_PAGE, "face_picture"),
                  "the face photo");
  caiji_gui_wait (fixture, has_paintable, child (fixture, "passed_page", CAIJI_TYPE_RESULT_PAGE, "id_photo_picture"),
                  "the ID photo");
  shoot (fixture, "passed");

  caiji_window_set_idle_timeout (fixture->window, 20);
  caiji_gui_wait (fixture, banner_shown, NULL, "the idle warning");
  shoot (fixture, "idle-warning");
}

static void
test_camera_problem (Fixture       *fixture,
                     gconstpointer  data)
{
  caiji_gui_reach_card (fixture);
  caiji_test_settle ();
  shoot (fixture, "card-camera-problem");
}

static void
test_detector_unavailable (Fixture       *fixture,
                           gconstpointer  data)
{
  caiji_scripted_analyzer_set_no_detector (fixture->analyzer, TRUE);
  caiji_gui_reach_face (fixture);
  caiji_gui_wait_visible (fixture, face (fixture, "notice_label"));
  caiji_gui_wait (fixture, view_ready, face (fixture, "view"), "the preview");
  shoot (fixture, "face-detector-unavailable");
}

/* The numbers shift when a screen is added: last run's numbered shots
 * would otherwise stay beside this run's under other numbers. */
static void
remove_old_shots (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_ascii_isdigit (name[0]) && g_ascii_isdigit (name[1]) && name[2] == '-' && g_str_has_suffix (name, ".png"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
}

int
main (int   argc,
      char *argv[])
{
  /* The screens as candidates see them: in the kiosk's own language. */
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  caiji_gui_init (&argc, &argv);
  remove_old_shots ();
  g_test_add ("/screenshots/review-path", Fixture, NULL, caiji_gui_fixture_set_up, test_review_path,
              caiji_gui_fixture_tear_down);
  g_test_add ("/screenshots/pass-path", Fixture, NULL, caiji_gui_fixture_set_up, test_pass_path,
              caiji_gui_fixture_tear_down);
  g_test_add ("/screenshots/liveness", Fixture, NULL, caiji_gui_fixture_set_up, test_liveness,
              caiji_gui_fixture_tear_down);
  g_test_add ("/screenshots/detector-unavailable", Fixture, NULL, caiji_gui_fixture_set_up,
              test_detector_unavailable, caiji_gui_fixture_tear_down);
  g_test_add ("/screenshots/camera-problem", Fixture, CAIJI_GUI_MISSING_CAMERA, caiji_gui_fixture_set_up,
              test_camera_problem, caiji_gui_fixture_tear_down);
  return g_test_run ();
}
