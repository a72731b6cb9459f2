/* test-face-liveness-ui.c: step 3's head-turn challenge on the real window
 *
 * A scripted candidate who turns the wrong way, or whose face leaves the
 * picture between the turn and the return, fails to 人脸识别不通过 with
 * 重新识别 / 拍照审核 and nothing compared; turning the asked way passes
 * and 3–5 frames are compared.  With the face models installed, the real
 * vision watches the demo camera replaying a printed photo (the still
 * picture, then the same photo turned ±30° in perspective): that fails
 * liveness too, and 拍照审核 stays open.  Runs under xvfb-run.
 */
#include "caiji-config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "caiji-face-page.h"
#include "caiji-gui-driver.h"
#include "caiji-liveness.h"
#include "caiji-test-utils.h"
#include "caiji-texts.h"
#include "face-tilt.h"

typedef CaijiGuiFixture Fixture;

#define PRINTED_PHOTO "testdata/faces/obama/obama_1.jpg"

static GtkWidget *
face_child (Fixture    *fixture,
            const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, "face_page"), CAIJI_TYPE_FACE_PAGE, name);
}

static gboolean
challenge_asked (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *challenge = caiji_gui_label (face_child (fixture, "challenge_label"));

  return g_strcmp0 (challenge, caiji_liveness_challenge_text (CAIJI_LIVENESS_TURN_LEFT)) == 0 ||
         g_strcmp0 (challenge, caiji_liveness_challenge_text (CAIJI_LIVENESS_TURN_RIGHT)) == 0;
}

/* 开始识别 once the face is seen, then the challenge it asks. */
static gboolean
start_challenge (Fixture *fixture)
{
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_FACE_DETECTED));
  caiji_test_press (face_child (fixture, "start_button"));
  caiji_gui_wait (fixture, challenge_asked, NULL, "the head-turn challenge");
  return g_strcmp0 (caiji_gui_label (face_child (fixture, "challenge_label")),
                    caiji_liveness_challenge_text (CAIJI_LIVENESS_TURN_LEFT)) == 0;
}

static void
assert_not_live (Fixture *fixture)
{
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_FACE_FAILED));
  caiji_gui_wait_visible (fixture, face_child (fixture, "review_button"));
  g_assert_true (gtk_widget_is_visible (face_child (fixture, "retry_button")));
  g_assert_true (gtk_widget_is_visible (face_child (fixture, "notice_label")));
  g_assert_cmpint (caiji_scripted_analyzer_get_matches (fixture->analyzer), ==, 0);
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), !=, CAIJI_RECORD_CAPTURED);
  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "face");
}

/* ahead, then the turn the challenge asked for (or the other one), then
 * ahead again: the script for the frames after the challenge appears. */
static void
script_turn (Fixture  *fixture,
             gboolean  asked_way,
             gboolean  face_lost,
             gboolean  left)
{
  double turn = (left == asked_way) ? 0.38 : -0.38;
  double after = face_lost ? NAN : 0.02;
  const double yaws[] = { 0.02, 0.01, turn, turn, turn, after, 0.02, 0.01, 0.0, 0.01, 0.02, 0.0 };

  caiji_scripted_analyzer_set_yaws (fixture->analyzer, yaws, G_N_ELEMENTS (yaws));
}

/* Turning the other way is not the challenge; nor is a turn after which
 * the face leaves the picture before the return (a head ducking away, a
 * photo slipped in), every time.  Both end in 人脸识别不通过 with nothing
 * compared; 重新识别 and the asked turn then pass, 3–5 frames compared. */
static void
test_scripted_challenges (Fixture       *fixture,
                          gconstpointer  data)
{
  const double ahead[] = { 0.02, 0.0, 0.01 };

  caiji_gui_reach_face (fixture);
  caiji_scripted_analyzer_set_yaws (fixture->analyzer, ahead, G_N_ELEMENTS (ahead));
  caiji_scripted_analyzer_set_face (fixture->analyzer, TRUE);
  script_turn (fixture, FALSE, FALSE, start_challenge (fixture));
  assert_not_live (fixture);

  caiji_scripted_analyzer_set_yaws (fixture->analyzer, ahead, G_N_ELEMENTS (ahead));
  caiji_test_press (face_child (fixture, "retry_button"));
  script_turn (fixture, TRUE, TRUE, start_challenge (fixture));
  assert_not_live (fixture);

  caiji_scripted_analyzer_set_yaws (fixture->analyzer, ahead, G_N_ELEMENTS (ahead));
  caiji_test_press (face_child (fixture, "retry_button"));
  script_turn (fixture, TRUE, FALSE, start_challenge (fixture));
  caiji_gui_wait_page (fixture, "passed");
  g_assert_cmpint (caiji_scripted_analyzer_get_matches (fixture->analyzer), >=, 3);
  g_assert_cmpint (caiji_scripted_analyzer_get_matches (fixture->analyzer), <=, 5);
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), ==, CAIJI_RECORD_CAPTURED);
}

static void
write_picture (const char       *folder,
               const char       *name,
               const CaijiImage *image)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (image, 92, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &error));
  g_assert_no_error (error);
}

/* The demo camera's folder: the photo, then turned one way, ahead, the
 * other way, as someone would wave a print at the camera. */
static void
make_printed_photo_feed (Fixture *fixture)
{
  g_autofree char *folder = g_build_filename (fixture->dir, CAIJI_GUI_MISSING_CAMERA, NULL);
  g_autofree char *source = caiji_test_shared_path (PRINTED_PHOTO);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) photo = caiji_image_load (source, &error);
  g_autoptr(CaijiImage) left = NULL;
  g_autoptr(CaijiImage) right = NULL;

  g_assert_no_error (error);
  left = face_tilt_flat (photo, -30);
  right = face_tilt_flat (photo, 30);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_picture (folder, "0-photo.jpg", photo);
  write_picture (folder, "1-turned-left.jpg", left);
  write_picture (folder, "2-photo.jpg", photo);
  write_picture (folder, "3-turned-right.jpg", right);
}

static gboolean
models_missing (CaijiCaptureAnalyzer *vision)
{
  g_autofree char *path = caiji_test_shared_path (PRINTED_PHOTO);
  g_autoptr(CaijiImage) image = caiji_image_load (path, NULL);
  g_autoptr(GError) error = NULL;
  CaijiFaceSighting sighting;

  if (caiji_capture_analyzer_sight_face (vision, image, &sighting, &error))
    return FALSE;
  g_assert_error (error, CAIJI_CAPTURE_ANALYZER_ERROR, CAIJI_CAPTURE_ANALYZER_ERROR_UNAVAILABLE);
  return TRUE;
}

static void
test_printed_photo_fails (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CaijiCaptureAnalyzer) vision = caiji_capture_analyzer_new_vision ();

  if (models_missing (vision))
    {
      g_test_skip ("the face models are not installed");
      return;
    }
  make_printed_photo_feed (fixture);
  caiji_gui_reach_face (fixture);
  caiji_scripted_analyzer_set_face_vision (fixture->analyzer, vision);
  start_challenge (fixture);
  assert_not_live (fixture);

  /* 拍照审核 is still open: the operator looks at it. */
  caiji_test_press (face_child (fixture, "review_button"));
  caiji_gui_wait_visible (fixture, face_child (fixture, "submit_button"));
}

/* --demo: still pictures cannot turn, so no turn is asked of them; the
 * page says so and the comparison runs on 3–5 frames as usual. */
static void
test_demo_camera_skips_turn (Fixture       *fixture,
                             gconstpointer  data)
{
  const double still[] = { 0.02, 0.02, 0.02 };

  caiji_window_set_demo_camera (fixture->window, TRUE);
  caiji_gui_reach_face (fixture);
  caiji_scripted_analyzer_set_yaws (fixture->analyzer, still, G_N_ELEMENTS (still));
  caiji_scripted_analyzer_set_face (fixture->analyzer, TRUE);
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_FACE_DETECTED));
  caiji_test_press (face_child (fixture, "start_button"));
  caiji_gui_wait_page (fixture, "passed");
  g_assert_nonnull (strstr (caiji_gui_label (face_child (fixture, "notice_label")), "Demo mode"));
  g_assert_cmpint (caiji_scripted_analyzer_get_matches (fixture->analyzer), >=, 3);
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), ==, CAIJI_RECORD_CAPTURED);
}

int
main (int   argc,
      char *argv[])
{
  caiji_gui_init (&argc, &argv);
  g_test_add ("/face-liveness-ui/scripted-challenges", Fixture, NULL, caiji_gui_fixture_set_up,
              test_scripted_challenges, caiji_gui_fixture_tear_down);
  g_test_add ("/face-liveness-ui/demo-camera-skips-turn", Fixture, NULL, caiji_gui_fixture_set_up,
              test_demo_camera_skips_turn, caiji_gui_fixture_tear_down);
  g_test_add ("/face-liveness-ui/printed-photo-fails", Fixture, CAIJI_GUI_MISSING_CAMERA,
              caiji_gui_fixture_set_up, test_printed_photo_fails, caiji_gui_fixture_tear_down);
  return g_test_run ();
}
