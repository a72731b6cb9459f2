/* caiji-photo-check.cpp: one uploaded picture through every ID photo check
 *
 * The detector finds the faces; the largest is measured (caiji-photo-face.cpp)
 * and framed for the profile (caiji-photo-layout.cpp); the measures are
 * held against caiji-photo-tuning.h here, and a photo without a problem
 * becomes the standard photo.
 */
#include "caiji-config.h"

#include <cmath>

#include "caiji-face-private.h"
#include "caiji-image-private.h"
#include "caiji-photo-private.h"

namespace {

void
flag (CaijiPhotoReport  *report,
      CaijiPhotoProblem  problem,
      bool               found)
{
  if (found)
    report->problems |= 1u << problem;
}

/* Problems that also smooth the forehead or hide it. */
const guint SMOOTHING_PROBLEMS = 1u << CAIJI_PHOTO_PROBLEM_BLURRY | 1u << CAIJI_PHOTO_PROBLEM_TOO_DARK |
                                 1u << CAIJI_PHOTO_PROBLEM_OVEREXPOSED | 1u << CAIJI_PHOTO_PROBLEM_UNEVEN_LIGHT |
                                 1u << CAIJI_PHOTO_PROBLEM_HAT;

void
judge (CaijiPhotoReport *report)
{
  const CaijiPhotoMeasures *m = &report->measures;

  flag (report, CAIJI_PHOTO_PROBLEM_POSE, std::fabs (m->yaw) > PHOTO_MAX_YAW ||
        std::fabs (m->pitch) > PHOTO_MAX_PITCH || std::fabs (m->roll) > PHOTO_MAX_ROLL);
  flag (report, CAIJI_PHOTO_PROBLEM_EYES_HIDDEN, m->eye_contrast < PHOTO_MIN_EYE_CONTRAST);
  flag (report, CAIJI_PHOTO_PROBLEM_GLASSES, !report->profile->glasses_allowed && m->glasses > PHOTO_MAX_GLASSES);
  flag (report, CAIJI_PHOTO_PROBLEM_HAT, m->forehead_skin < PHOTO_MIN_FOREHEAD_SKIN);
  flag (report, CAIJI_PHOTO_PROBLEM_BLURRY, m->sharpness < PHOTO_MIN_SHARPNESS);
  flag (report, CAIJI_PHOTO_PROBLEM_TOO_DARK, m->brightness < PHOTO_MIN_BRIGHTNESS);
  flag (report, CAIJI_PHOTO_PROBLEM_OVEREXPOSED, m->highlights > PHOTO_MAX_HIGHLIGHTS);
  flag (report, CAIJI_PHOTO_PROBLEM_UNEVEN_LIGHT, m->shadow > PHOTO_MAX_SHADOW);
  flag (report, CAIJI_PHOTO_PROBLEM_BACKGROUND, m->background_luma < PHOTO_MIN_BACKGROUND_LUMA ||
        m->background_detail > PHOTO_MAX_BACKGROUND_DETAIL);
  /* A blurred, dim, shaded or burnt-out forehead is smooth too, and one
   * under a hat is no skin to judge: that photo is already refused for
   * what it is.  The kiosk's own stills are never judged (CaijiPhotoSource). */
  flag (report, CAIJI_PHOTO_PROBLEM_BEAUTY_FILTER, report->source == CAIJI_PHOTO_SOURCE_FILE &&
        m->skin_texture >= 0 && m->skin_texture < PHOTO_MIN_SKIN_TEXTURE &&
        (report->problems & SMOOTHING_PROBLEMS) == 0);
}

void
measure (const cv::Mat    &bgr,
         CaijiPhotoReport *report,
         PhotoLayout      *layout)
{
  CanonicalFace canonical = photo_canonical_face (bgr, report->face);

  photo_measure_pose (report->face, &report->measures);
  photo_measure_light (canonical, &report->measures);
  photo_measure_detail (canonical, &report->measures);
  photo_measure_texture (canonical, bgr, &report->measures);
  photo_measure_covering (canonical, &report->measures);
  *layout = photo_layout (bgr, report->face, report->profile);
  photo_measure_background (bgr, *layout, report->profile, &report->measures);
}

} // namespace

CaijiPhotoReport *
caiji_photo_check (const CaijiImage        *image,
                   const CaijiPhotoProfile *profile,
                   CaijiPhotoSource         source,
                   GError                 **error)
{
  g_autoptr(CaijiPhotoReport) report = g_new0 (CaijiPhotoReport, 1);
  g_autoptr(GArray) faces = NULL;
  PhotoLayout layout;

  g_return_val_if_fail (image != NULL, NULL);

  report->profile = profile != NULL ? profile : caiji_photo_profile_default ();
  report->source = source;
  faces = caiji_face_detect (image, CAIJI_FACE_DETECTOR_ACCURATE, error);
  if (faces == NULL)
    return NULL;
  report->faces = faces->len;
  flag (report, CAIJI_PHOTO_PROBLEM_NO_FACE, faces->len == 0);
  flag (report, CAIJI_PHOTO_PROBLEM_SEVERAL_FACES, faces->len > 1);
  if (faces->len == 0)
    return g_steal_pointer (&report);
  report->face = *caiji_face_largest (faces);
  try
    {
      measure (image->bgr, report, &layout);
    }
  catch (const cv::Exception &exception)
    {
      caiji_face_set_cv_error (error, exception);
      return NULL;
    }
  report->problems |= layout.problems;
  judge (report);
  if (report->problems != 0)
    return g_steal_pointer (&report);
  report->quality = report->face.score;
  report->standard = caiji_image_wrap (photo_standard_image (image->bgr, layout, report->profile));
  report->standard_jpeg = photo_encode_in_band (report->standard, report->profile, &report->jpeg_quality, error);
  if (report->standard_jpeg == NULL)
    return NULL;
  return g_steal_pointer (&report);
}
