/* caiji-photo-layout.cpp: the standard photo: where it lies in the picture, its background, its JPEG
 *
 * The profile fixes the face's width and the eye line's height in the
 * standard photo; from the face's box and eyes that gives one rectangle of
 * the picture, scaled down (never up) to the profile's size.  The
 * rectangle may slide as far as the profile's tolerances allow to stay
 * inside the picture; a face that cannot be framed so is cut off or off
 * centre, and a face narrower than the profile's minimum is too small.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "caiji-image-private.h"
#include "caiji-photo-private.h"

namespace {

struct Range {
  double low, high;
};

/* Slides the wanted start inside the allowed one and inside
 * [0, limit - length]; FALSE when the two do not meet. */
bool
fit (Range   allowed,
     double  length,
     double  limit,
     double *start)
{
  double low = std::max (allowed.low, 0.0), high = std::min (allowed.high, limit - length);

  if (low > high)
    return false;
  *start = std::clamp (*start, low, high);
  return true;
}

bool
box_inside (const CaijiFace &face,
            const cv::Mat   &bgr)
{
  double margin = PHOTO_EDGE_MARGIN * face.width;

  return face.x >= margin && face.y >= 0 && face.x + face.width <= bgr.cols - margin &&
         face.y + face.height <= bgr.rows;
}

guint
bit (CaijiPhotoProblem problem)
{
  return 1u << problem;
}

/* The picture's pixels under @crop, the outside filled by repeating the
 * edge, at the standard photo's size. */
cv::Mat
cut_and_scale (const cv::Mat    &bgr,
               const cv::Rect2d &crop,
               cv::Size          size)
{
  cv::Rect wanted ((int) std::floor (crop.x), (int) std::floor (crop.y),
                   std::max (1, (int) std::lround (crop.width)), std::max (1, (int) std::lround (crop.height)));
  cv::Rect inside = wanted & cv::Rect (0, 0, bgr.cols, bgr.rows);
  cv::Mat padded, scaled;

  if (inside.empty ())
    return cv::Mat (size, CV_8UC3, cv::Scalar::all (0));
  cv::copyMakeBorder (bgr (inside), padded, inside.y - wanted.y, wanted.br ().y - inside.br ().y,
                      inside.x - wanted.x, wanted.br ().x - inside.br ().x, cv::BORDER_REPLICATE);
  cv::resize (padded, scaled, size, 0, 0, padded.cols > size.width ? cv::INTER_AREA : cv::INTER_LINEAR);
  return scaled;
}

} // namespace

PhotoLayout
photo_layout (const cv::Mat           &bgr,
              const CaijiFace         &face,
              const CaijiPhotoProfile *profile)
{
  const CaijiFacePoint *eyes = face.landmarks;
  double eyes_x = (eyes[CAIJI_FACE_RIGHT_EYE].x + eyes[CAIJI_FACE_LEFT_EYE].x) / 2;
  double eyes_y = (eyes[CAIJI_FACE_RIGHT_EYE].y + eyes[CAIJI_FACE_LEFT_EYE].y) / 2;
  double middle_width = (profile->min_face_width + profile->max_face_width) / 2.0;
  double middle_eyes = (profile->min_eyes_from_top + profile->max_eyes_from_top) / 2.0;
  bool already_standard = bgr.cols == (int) profile->width && bgr.rows == (int) profile->height;
  bool too_small = face.width < profile->min_face_width * (already_standard ? 1 - PHOTO_FACE_WIDTH_TOLERANCE : 1);
  PhotoLayout layout = { cv::Rect2d (), 1, 0 };
  double slack;

  /* As large as the band's middle, or the face as it is when that would
   * mean upscaling; below the band's minimum there is nothing to do. */
  if (too_small)
    layout.problems |= bit (CAIJI_PHOTO_PROBLEM_FACE_TOO_SMALL);
  layout.scale = face.width >= middle_width || too_small ? middle_width / face.width : 1.0;
  layout.crop.width = profile->width / layout.scale;
  layout.crop.height = profile->height / layout.scale;
  layout.crop.x = eyes_x - layout.crop.width / 2;
  layout.crop.y = eyes_y - middle_eyes / layout.scale;

  slack = PHOTO_CENTRE_TOLERANCE * layout.crop.width;
  if (!box_inside (face, bgr) ||
      !fit ({ eyes_y - profile->max_eyes_from_top / layout.scale, eyes_y - profile->min_eyes_from_top / layout.scale },
            layout.crop.height, bgr.rows, &layout.crop.y))
    layout.problems |= bit (CAIJI_PHOTO_PROBLEM_CUT_OFF);
  if (!fit ({ layout.crop.x - slack, layout.crop.x + slack }, layout.crop.width, bgr.cols, &layout.crop.x))
    layout.problems |= bit (layout.crop.width > bgr.cols ? CAIJI_PHOTO_PROBLEM_CUT_OFF
                                                          : CAIJI_PHOTO_PROBLEM_NOT_CENTRED);
  return layout;
}

cv::Mat
photo_standard_image (const cv::Mat           &bgr,
                      const PhotoLayout       &layout,
                      const CaijiPhotoProfile *profile)
{
  return cut_and_scale (bgr, layout.crop, cv::Size ((int) profile->width, (int) profile->height));
}

/* The top corners of the standard photo, beside the head and its hair:
 * luma and mean
 * gradient, measured on the standard photo itself so that the same
 * threshold holds for every picture size. */
void
photo_measure_background (const cv::Mat           &bgr,
                          const PhotoLayout       &layout,
                          const CaijiPhotoProfile *profile,
                          CaijiPhotoMeasures      *measures)
{
  cv::Mat standard = photo_standard_image (bgr, layout, profile), luma, gx, gy, corners, detail;
  double face = (profile->min_face_width + profile->max_face_width) / 2.0;
  int width = std::max (4, (int) std::lround ((profile->width - PHOTO_BACKGROUND_HEAD * face) / 2));
  int top = (int) std::lround (PHOTO_BACKGROUND_TOP * profile->height);
  int height = (int) std::lround ((PHOTO_BACKGROUND_BOTTOM - PHOTO_BACKGROUND_TOP) * profile->height);

  cv::cvtColor (standard, luma, cv::COLOR_BGR2GRAY);
  cv::hconcat (luma (cv::Rect (0, top, width, height)), luma (cv::Rect (luma.cols - width, top, width, height)), corners);
  cv::Sobel (corners, gx, CV_32F, 1, 0);
  cv::Sobel (corners, gy, CV_32F, 0, 1);
  /* Drop the seam between the two corners and the outer border. */
  cv::magnitude (gx, gy, detail);
  detail.col (width - 1).setTo (0);
  detail.col (width).setTo (0);
  measures->background_luma = cv::mean (corners)[0];
  measures->background_detail = cv::mean (detail)[0] / 4;
}

/* The best quality whose file still fits under the band's top; a band's
 * bottom that even the best quality misses is an error (a nearly empty
 * picture), as is a top that the worst quality overshoots. */
GBytes *
photo_encode_in_band (const CaijiImage        *standard,
                      const CaijiPhotoProfile *profile,
                      int                     *quality,
                      GError                 **error)
{
  int low = PHOTO_JPEG_MIN_QUALITY, high = PHOTO_JPEG_MAX_QUALITY;
  g_autoptr(GBytes) best = NULL;

  if (profile->max_bytes == 0)
    {
      *quality = PHOTO_JPEG_QUALITY;
      return caiji_image_encode_jpeg (standard, *quality, error);
    }
  while (low <= high)
    {
      int middle = (low + high) / 2;
      g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (standard, middle, error);

      if (jpeg == NULL)
        return NULL;
      if (g_bytes_get_size (jpeg) <= profile->max_bytes)
        {
          g_clear_pointer (&best, g_bytes_unref);
          best = g_steal_pointer (&jpeg);
          *quality = middle;
          low = middle + 1;
        }
      else
        high = middle - 1;
    }
  if (best == NULL || g_bytes_get_size (best) < profile->min_bytes)
    {
      g_set_error (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_TOO_SMALL,
                   _("The standard photo could not be saved between %zu and %zu KB."),
                   profile->min_bytes / 1024, profile->max_bytes / 1024);
      return NULL;
    }
  return g_steal_pointer (&best);
}
