/* caiji-vision-analyzer.c: the capture screens' analyzer on the real vision
 *
 * Card: caiji-card.h (OpenCV outline + Tesseract).  Faces: caiji-face.h
 * (YuNet detection, MobileFaceNet 1:1 comparison).  Whatever is not
 * installed on this kiosk (the Tesseract data, a model file) answers
 * "unavailable" exactly like the kiosk's analyzer without vision, so the
 * screens say so instead of passing anything unchecked.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caiji-capture-analyzer.h"
#include "caiji-card.h"
#include "caiji-face.h"
#include "caiji-face-guidance.h"
#include "caiji-kiosk-settings.h"
#include "caiji-models.h"
#include "caiji-photo-check.h"

/* The smallest live face, as a fraction of the frame's width, taken as the
 * candidate's: about arm's length from a 720p webcam. */
#define MIN_FACE_FRACTION 0.12

#define CAIJI_TYPE_VISION_ANALYZER (caiji_vision_analyzer_get_type ())
G_DECLARE_FINAL_TYPE (CaijiVisionAnalyzer, caiji_vision_analyzer, CAIJI, VISION_ANALYZER, GObject)

struct _CaijiVisionAnalyzer {
  GObject               parent_instance;

  CaijiCaptureAnalyzer *unavailable;   /* its messages, for what is not installed */
  GSettings            *settings;      /* photo-profile; NULL without the schema */
};

static void analyzer_iface_init (CaijiCaptureAnalyzerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaijiVisionAnalyzer, caiji_vision_analyzer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CAIJI_TYPE_CAPTURE_ANALYZER, analyzer_iface_init))

/* Helpers */

static CaijiCardTip
tip_for (CaijiCardQuality quality)
{
  switch (quality)
    {
    case CAIJI_CARD_QUALITY_OK:
      return CAIJI_CARD_TIP_STANDARD;
    case CAIJI_CARD_QUALITY_BLURRY:
      return CAIJI_CARD_TIP_BLURRY;
    case CAIJI_CARD_QUALITY_GLARE:
      return CAIJI_CARD_TIP_GLARE;
    case CAIJI_CARD_QUALITY_BORDER_MISSING:
    default:
      return CAIJI_CARD_TIP_BORDER_MISSING;
    }
}

/* A model or data file that is not there is "unavailable"; the cause
 * goes to the log for the operator. */
static gboolean
is_missing (const GError *error)
{
  return error != NULL && (error->domain == CAIJI_MODEL_ERROR ||
                           g_error_matches (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_MODEL) ||
                           g_error_matches (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_OCR_UNAVAILABLE));
}

/* The card's reading as the wizard should judge it: the side it showed,
 * and the fields only when they read completely and consistently. */
static CaijiCardReading *
reading_for (const CaijiCardResult *result,
             const char            *expected_name)
{
  CaijiCardReading *reading = result->reading != NULL ? caiji_card_reading_copy (result->reading)
                                                      : caiji_card_reading_new (result->side);

  reading->side = result->side;
  /* The OCR confirmed the expected name where it read it uncertainly. */
  if (result->name_confirmed && expected_name != NULL)
    {
      g_free (reading->name);
      reading->name = g_strdup (expected_name);
    }
  return reading;
}

/* Analyzer */

static CaijiCardTip
card_tip (CaijiCaptureAnalyzer *analyzer,
          const CaijiImage     *frame)
{
  g_autoptr(CaijiCardView) view = caiji_card_view_find (frame);

  return view->found ? tip_for (view->quality) : CAIJI_CARD_TIP_BORDER_MISSING;
}

static CaijiCardReading *
read_card (CaijiCaptureAnalyzer *analyzer,
           const CaijiImage     *image,
           CaijiCardSide         wanted,
           const char           *expected_name,
           CaijiCardTip         *tip,
           GError              **error)
{
  CaijiVisionAnalyzer *self = CAIJI_VISION_ANALYZER (analyzer);
  g_autoptr(GError) local_error = NULL;
  CaijiCardOcr *ocr = caiji_card_ocr_get_for_thread (&local_error);
  g_autoptr(CaijiCardResult) result = NULL;

  if (ocr == NULL)
    {
      g_message ("Card reading unavailable: %s", local_error->message);
      return caiji_capture_analyzer_read_card (self->unavailable, image, wanted, expected_name, tip, error);
    }
  /* A refusal is not an error here: the wizard refuses with the seed's
   * prompt from the side and the fields. */
  result = caiji_card_read (ocr, image, wanted, expected_name, &local_error);
  if (local_error != NULL)
    g_debug ("Card reading: %s (%s)", local_error->message, result->problem);
  *tip = tip_for (result->quality);
  return reading_for (result, expected_name);
}

/* The operator's photo-profile; an unknown name (or none) is the default. */
static const CaijiPhotoProfile *
photo_profile (CaijiVisionAnalyzer *self)
{
  g_autofree char *name = self->settings != NULL ? g_settings_get_string (self->settings, "photo-profile") : NULL;
  const CaijiPhotoProfile *profile = caiji_photo_profile_find (name);

  return profile != NULL ? profile : caiji_photo_profile_default ();
}

static gboolean
check_photo (CaijiCaptureAnalyzer *analyzer,
             const CaijiImage     *photo,
             gboolean              from_camera,
             CaijiPhotoCheck      *check,
             GError              **error)
{
  CaijiVisionAnalyzer *self = CAIJI_VISION_ANALYZER (analyzer);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CaijiPhotoReport) report = caiji_photo_check (photo, photo_profile (self),
                                                          from_camera ? CAIJI_PHOTO_SOURCE_CAMERA : CAIJI_PHOTO_SOURCE_FILE,
                                                          &local_error);
  CaijiPhotoProblem first;

  if (report == NULL)
    {
      g_message ("ID photo check unavailable: %s", local_error->message);
      if (is_missing (local_error))
        return caiji_capture_analyzer_check_photo (self->unavailable, photo, from_camera, check, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  check->faces = report->faces;
  check->quality = report->quality;
  first = caiji_photo_report_first (report);
  /* No face and several faces keep the wizard's own seed prompts. */
  if (first != CAIJI_PHOTO_N_PROBLEMS && first != CAIJI_PHOTO_PROBLEM_NO_FACE &&
      first != CAIJI_PHOTO_PROBLEM_SEVERAL_FACES)
    check->problem = g_strdup (caiji_photo_problem_message (first));
  if (report->standard_jpeg != NULL)
    check->standard = g_bytes_ref (report->standard_jpeg);
  return TRUE;
}

static gboolean
find_face (CaijiCaptureAnalyzer *analyzer,
           const CaijiImage     *frame,
           gboolean             *has_face,
           graphene_rect_t      *box,
           GError              **error)
{
  CaijiVisionAnalyzer *self = CAIJI_VISION_ANALYZER (analyzer);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) faces = caiji_face_detect (frame, CAIJI_FACE_DETECTOR_FAST, &local_error);
  const CaijiFace *face;

  if (faces == NULL)
    {
      if (is_missing (local_error))
        return caiji_capture_analyzer_find_face (self->unavailable, frame, has_face, box, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  face = caiji_face_largest (faces);
  /* Someone passing far behind is no candidate in front of the camera:
   * step 3 freezes the first frame it accepts. */
  *has_face = face != NULL && !caiji_face_is_cut_off (face, frame) &&
              face->width >= MIN_FACE_FRACTION * caiji_image_get_width (frame);
  if (face != NULL)
    graphene_rect_init (box, face->x, face->y, face->width, face->height);
  return TRUE;
}

static gboolean
sight_face (CaijiCaptureAnalyzer *analyzer,
            const CaijiImage     *frame,
            CaijiFaceSighting    *sighting,
            GError              **error)
{
  CaijiVisionAnalyzer *self = CAIJI_VISION_ANALYZER (analyzer);
  g_autoptr(GError) local_error = NULL;
  CaijiFaceGuidance guidance;

  if (!caiji_face_guide_frame (frame, &guidance, &local_error))
    {
      if (is_missing (local_error))
        return caiji_capture_analyzer_sight_face (self->unavailable, frame, sighting, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sighting->has_face = guidance.has_face;
  sighting->faces = guidance.n_faces;
  if (guidance.has_face)
    graphene_rect_init (&sighting->box, guidance.face.x, guidance.face.y,
                        guidance.face.width, guidance.face.height);
  sighting->good = guidance.tip == CAIJI_FACE_TIP_OK;
  sighting->tip = caiji_face_tip_message (guidance.tip);
  sighting->yaw = guidance.yaw;
  return TRUE;
}

/* The operator's face-match-threshold; the calibrated one without settings. */
static double
match_threshold (CaijiVisionAnalyzer *self)
{
  return self->settings != NULL ? g_settings_get_double (self->settings, "face-match-threshold")
                                : CAIJI_FACE_MATCH_THRESHOLD;
}

static CaijiFaceOutcome
match_face (CaijiCaptureAnalyzer *analyzer,
            const CaijiImage     *live,
            GBytes               *id_photo,
            double               *score,
            double               *threshold)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) photo = id_photo != NULL ? caiji_image_decode (id_photo, &error) : NULL;
  CaijiFaceVerdict verdict;

  if (photo == NULL || !caiji_face_verify (photo, live, &verdict, &error))
    {
      g_message ("Face comparison: %s", error != NULL ? error->message : "no ID photo");
      /* No face in the live picture is a failed recognition, not a
       * missing matcher: 重新识别 or 拍照审核 follow. */
      return is_missing (error) || photo == NULL ? CAIJI_FACE_OUTCOME_UNAVAILABLE
                                                 : CAIJI_FACE_OUTCOME_NO_MATCH;
    }
  *score = verdict.score;
  *threshold = match_threshold (CAIJI_VISION_ANALYZER (analyzer));
  return verdict.score >= *threshold ? CAIJI_FACE_OUTCOME_MATCH : CAIJI_FACE_OUTCOME_NO_MATCH;
}

static void
analyzer_iface_init (CaijiCaptureAnalyzerInterface *iface)
{
  iface->card_tip = card_tip;
  iface->read_card = read_card;
  iface->check_photo = check_photo;
  iface->find_face = find_face;
  iface->match_face = match_face;
  iface->sight_face = sight_face;
}

/* GObject */

static void
caiji_vision_analyzer_finalize (GObject *object)
{
  g_clear_object (&CAIJI_VISION_ANALYZER (object)->unavailable);
  g_clear_object (&CAIJI_VISION_ANALYZER (object)->settings);
  G_OBJECT_CLASS (caiji_vision_analyzer_parent_class)->finalize (object);
}

static void
caiji_vision_analyzer_class_init (CaijiVisionAnalyzerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caiji_vision_analyzer_finalize;
}

static void
caiji_vision_analyzer_init (CaijiVisionAnalyzer *self)
{
  self->unavailable = caiji_capture_analyzer_new_unavailable ();
  self->settings = caiji_kiosk_settings_new ();
}

CaijiCaptureAnalyzer *
caiji_capture_analyzer_new_vision (void)
{
  return g_object_new (CAIJI_TYPE_VISION_ANALYZER, NULL);
}
