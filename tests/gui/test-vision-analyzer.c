/* test-vision-analyzer.c: the capture screens' analyzer on the real vision
 *
 * On the shared test faces: one face is found and boxed, several faces,
 * a cut-off face or a busy background are not a valid ID photo, the same person matches and
 * another does not.  Skips what needs models that are not installed.
 */
#include "caiji-config.h"

#include <math.h>

#include "caiji-capture-analyzer.h"
#include "caiji-face.h"
#include "caiji-test-utils.h"
#include "card-synth.h"

static CaijiImage *
load_face (const char *relative)
{
  g_autofree char *path = caiji_test_shared_path (relative);
  g_autoptr(GError) error = NULL;
  CaijiImage *image = caiji_image_load (path, &error);

  g_assert_no_error (error);
  return image;
}

static GBytes *
load_bytes (const char *relative)
{
  g_autofree char *path = caiji_test_shared_path (relative);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean
models_missing (CaijiCaptureAnalyzer *analyzer)
{
  g_autoptr(CaijiImage) image = load_face ("testdata/faces/obama/obama_1.jpg");
  g_autoptr(GError) error = NULL;
  gboolean has_face;
  graphene_rect_t box;

  if (caiji_capture_analyzer_find_face (analyzer, image, &has_face, &box, &error))
    return FALSE;
  g_assert_error (error, CAIJI_CAPTURE_ANALYZER_ERROR, CAIJI_CAPTURE_ANALYZER_ERROR_UNAVAILABLE);
  g_test_skip ("the face models are not installed");
  return TRUE;
}

static void
test_find_face (void)
{
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();
  g_autoptr(CaijiImage) image = load_face ("testdata/faces/obama/obama_1.jpg");
  g_autoptr(GError) error = NULL;
  gboolean has_face = FALSE;
  graphene_rect_t box;

  if (models_missing (analyzer))
    return;
  g_assert_true (caiji_capture_analyzer_find_face (analyzer, image, &has_face, &box, &error));
  g_assert_no_error (error);
  g_assert_true (has_face);
  g_assert_cmpfloat (box.size.width, >, 20);
  g_assert_cmpfloat (box.origin.x + box.size.width, <=, caiji_image_get_width (image));
}

/* Step 3's guidance: a frontal face is good; the same face turned (the
 * person's left, towards the picture's right) is boxed but not frontal,
 * and its yaw says which way; a group photo is several faces. */
static void
test_sight_face (void)
{
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();
  g_autoptr(CaijiImage) frontal = load_face ("testdata/faces/obama/obama_1.jpg");
  g_autoptr(CaijiImage) turned = load_face ("testdata/faces/obama/obama_4.jpg");
  g_autoptr(CaijiImage) group = load_face ("testdata/faces/multi/kit_with_rose.jpg");
  g_autoptr(GError) error = NULL;
  CaijiFaceSighting sighting;

  if (models_missing (analyzer))
    return;
  g_assert_true (caiji_capture_analyzer_sight_face (analyzer, frontal, &sighting, &error));
  g_assert_no_error (error);
  g_assert_true (sighting.has_face && sighting.good);
  g_assert_null (sighting.tip);
  g_assert_cmpfloat (fabs (sighting.yaw), <, 0.2);

  g_assert_true (caiji_capture_analyzer_sight_face (analyzer, turned, &sighting, &error));
  g_assert_true (sighting.has_face);
  g_assert_false (sighting.good);
  g_assert_nonnull (sighting.tip);
  g_assert_cmpfloat (sighting.yaw, >, 0.2);

  g_assert_true (caiji_capture_analyzer_sight_face (analyzer, group, &sighting, &error));
  g_assert_false (sighting.good);
  g_assert_nonnull (sighting.tip);
}

static void
check_photo (CaijiCaptureAnalyzer *analyzer,
             const char           *relative,
             guint                 faces,
             gboolean              problem)
{
  g_autoptr(CaijiImage) image = load_face (relative);
  g_autoptr(GError) error = NULL;
  CaijiPhotoCheck check = { 0 };

  g_assert_true (caiji_capture_analyzer_check_photo (analyzer, image, FALSE, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.faces, ==, faces);
  g_assert_true ((check.problem != NULL) == problem);
  /* An accepted photo comes with the standard photo to keep. */
  g_assert_true ((check.standard != NULL) == (faces == 1 && !problem));
  g_free (check.problem);
  g_clear_pointer (&check.standard, g_bytes_unref);
}

static void
test_check_photo (void)
{
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();

  if (models_missing (analyzer))
    return;
  /* A studio portrait on a plain wall; an official portrait before flags. */
  check_photo (analyzer, "testdata/faces/alex_lacamoire/alex_2.jpg", 1, FALSE);
  check_photo (analyzer, "testdata/faces/obama/obama_1.jpg", 1, TRUE);
  check_photo (analyzer, "testdata/faces/multi/two_people.jpg", 2, FALSE);
  check_photo (analyzer, "testdata/faces/partial/obama_partial_1.jpg", 1, TRUE);
}

static CaijiFaceOutcome
match (CaijiCaptureAnalyzer *analyzer,
       const char           *photo,
       const char           *live,
       double               *score)
{
  g_autoptr(GBytes) photo_bytes = load_bytes (photo);
  g_autoptr(CaijiImage) live_image = load_face (live);
  double threshold;

  return caiji_capture_analyzer_match_face (analyzer, live_image, photo_bytes, score, &threshold);
}

static void
test_match_face (void)
{
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();
  double same, other;

  if (models_missing (analyzer))
    return;
  g_assert_cmpint (match (analyzer, "testdata/faces/obama/obama_1.jpg", "testdata/faces/obama/obama_2.jpg", &same),
                   ==, CAIJI_FACE_OUTCOME_MATCH);
  g_assert_cmpint (match (analyzer, "testdata/faces/obama/obama_1.jpg", "testdata/faces/biden/biden_1.jpg", &other),
                   ==, CAIJI_FACE_OUTCOME_NO_MATCH);
  g_assert_cmpfloat (same, >, other);
}

/* The operator's threshold decides, and is what the record keeps; the
 * setting starts at the calibrated value. */
static void
test_match_threshold_setting (void)
{
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(CaijiImage) live = NULL;
  double score, threshold;

  if (models_missing (analyzer))
    return;
  g_assert_cmpfloat (g_settings_get_double (settings, "face-match-threshold"), ==, CAIJI_FACE_MATCH_THRESHOLD);
  photo = load_bytes ("testdata/faces/obama/obama_1.jpg");
  live = load_face ("testdata/faces/obama/obama_2.jpg");
  g_assert_cmpint (caiji_capture_analyzer_match_face (analyzer, live, photo, &score, &threshold), ==,
                   CAIJI_FACE_OUTCOME_MATCH);
  g_assert_cmpfloat (threshold, ==, CAIJI_FACE_MATCH_THRESHOLD);

  g_settings_set_double (settings, "face-match-threshold", 0.80);
  g_assert_cmpfloat (score, <, 0.80);
  g_assert_cmpint (caiji_capture_analyzer_match_face (analyzer, live, photo, &score, &threshold), ==,
                   CAIJI_FACE_OUTCOME_NO_MATCH);
  g_assert_cmpfloat (threshold, ==, 0.80);
  g_settings_reset (settings, "face-match-threshold");
}

/* A photo of a person is no ID card: the wizard gets side NONE and
 * refuses it with the seed's prompt. */
static void
test_non_card (void)
{
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();
  g_autoptr(CaijiImage) image = load_face ("testdata/faces/obama/obama_1.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCardReading) reading = NULL;
  CaijiCardTip tip = CAIJI_CARD_TIP_UNKNOWN;

  reading = caiji_capture_analyzer_read_card (analyzer, image, CAIJI_CARD_SIDE_FRONT, "王明", &tip, &error);
  if (g_error_matches (error, CAIJI_CAPTURE_ANALYZER_ERROR, CAIJI_CAPTURE_ANALYZER_ERROR_UNAVAILABLE))
    {
      g_test_skip ("card reading is not installed");
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (reading);
  g_assert_cmpint (reading->side, ==, CAIJI_CARD_SIDE_NONE);
  g_assert_null (reading->name);
  g_assert_cmpint (tip, !=, CAIJI_CARD_TIP_UNKNOWN);
}

static CaijiCardReading *
read_scene (CaijiCaptureAnalyzer *analyzer,
            CardSynthKind         kind,
            CaijiCardSide         wanted,
            CaijiCardReading    **truth,
            CaijiCardTip         *tip)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (7, kind, CARD_SYNTH_CLEAN);
  g_autoptr(GError) error = NULL;
  CaijiCardReading *reading;

  reading = caiji_capture_analyzer_read_card (analyzer, sample->scene, wanted,
                                              sample->truth != NULL ? sample->truth->name : NULL, tip, &error);
  if (g_error_matches (error, CAIJI_CAPTURE_ANALYZER_ERROR, CAIJI_CAPTURE_ANALYZER_ERROR_UNAVAILABLE))
    return NULL;
  g_assert_no_error (error);
  if (truth != NULL)
    *truth = sample->truth != NULL ? caiji_card_reading_copy (sample->truth) : NULL;
  return reading;
}

/* A generated card scene, as the camera would show it: the portrait side
 * reads completely, the emblem side shown for the portrait side is
 * reported as the side it is, and a bank card is no ID card. */
static void
test_card_scenes (void)
{
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();
  g_autoptr(CaijiCardReading) truth = NULL;
  g_autoptr(CaijiCardReading) front = NULL;
  g_autoptr(CaijiCardReading) back = NULL;
  g_autoptr(CaijiCardReading) bank = NULL;
  CaijiCardTip tip = CAIJI_CARD_TIP_UNKNOWN;

  front = read_scene (analyzer, CARD_SYNTH_FRONT, CAIJI_CARD_SIDE_FRONT, &truth, &tip);
  if (front == NULL)
    {
      g_test_skip ("card reading is not installed");
      return;
    }
  g_assert_cmpint (front->side, ==, CAIJI_CARD_SIDE_FRONT);
  g_assert_cmpstr (front->name, ==, truth->name);
  g_assert_cmpstr (front->id_number, ==, truth->id_number);
  g_assert_cmpint (tip, ==, CAIJI_CARD_TIP_STANDARD);

  back = read_scene (analyzer, CARD_SYNTH_BACK, CAIJI_CARD_SIDE_FRONT, NULL, &tip);
  g_assert_cmpint (back->side, ==, CAIJI_CARD_SIDE_BACK);
  g_assert_null (back->name);

  bank = read_scene (analyzer, CARD_SYNTH_BANK_CARD, CAIJI_CARD_SIDE_BACK, NULL, &tip);
  g_assert_cmpint (bank->side, ==, CAIJI_CARD_SIDE_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vision-analyzer/find-face", test_find_face);
  g_test_add_func ("/vision-analyzer/sight-face", test_sight_face);
  g_test_add_func ("/vision-analyzer/check-photo", test_check_photo);
  g_test_add_func ("/vision-analyzer/match-face", test_match_face);
  g_test_add_func ("/vision-analyzer/match-threshold-setting", test_match_threshold_setting);
  g_test_add_func ("/vision-analyzer/non-card", test_non_card);
  g_test_add_func ("/vision-analyzer/card-scenes", test_card_scenes);

  return g_test_run ();
}
