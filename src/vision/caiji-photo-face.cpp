/* caiji-photo-face.cpp: what the face itself shows: pose, light, sharpness, coverings
 *
 * Everything but the pose is measured on the canonical face, so one set
 * of regions and thresholds holds for a 100-pixel face in a phone snapshot
 * and a 400-pixel face from a studio camera alike.
 */
#include "caiji-config.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "caiji-photo-private.h"

namespace {

/* Beyond this much shrinking, a plain bilinear warp aliases and makes a
 * soft face look sharp: shrink by area first. */
const double AREA_SHRINK_BELOW = 0.8;
/* The canvas covers at most 3 eye distances around the eyes. */
const double CANVAS_REACH = 3.0;

cv::Point2d
to_point (const CaijiFacePoint &point)
{
  return cv::Point2d (point.x, point.y);
}

/* Similarity that maps the eyes onto the canvas's eye positions, level:
 * rotation by the eye line's angle, uniform scale, translation. */
cv::Mat
eyes_transform (cv::Point2d right_eye,
                cv::Point2d left_eye,
                double      scale_extra)
{
  cv::Point2d delta = left_eye - right_eye, middle = (left_eye + right_eye) * 0.5;
  double scale = PHOTO_EYE_DISTANCE / std::max (1.0, std::hypot (delta.x, delta.y)) / scale_extra;
  double angle = std::atan2 (delta.y, delta.x), c = scale * std::cos (angle), s = scale * std::sin (angle);
  cv::Mat transform = (cv::Mat_<double> (2, 3) << c, s, 0, -s, c, 0);

  transform.at<double> (0, 2) = PHOTO_EYES_X - (c * middle.x + s * middle.y);
  transform.at<double> (1, 2) = PHOTO_EYES_Y - (-s * middle.x + c * middle.y);
  return transform;
}

cv::Point2d
apply (const cv::Mat &transform,
       cv::Point2d    point)
{
  return cv::Point2d (transform.at<double> (0, 0) * point.x + transform.at<double> (0, 1) * point.y + transform.at<double> (0, 2),
                      transform.at<double> (1, 0) * point.x + transform.at<double> (1, 1) * point.y + transform.at<double> (1, 2));
}

double
median_of (const cv::Mat &luma)
{
  std::vector<uchar> values (luma.begin<uchar> (), luma.end<uchar> ());

  if (values.empty ())
    return 0;
  std::nth_element (values.begin (), values.begin () + values.size () / 2, values.end ());
  return values[values.size () / 2];
}

double
percentile_of (const cv::Mat &luma,
               double         share)
{
  std::vector<uchar> values (luma.begin<uchar> (), luma.end<uchar> ());
  size_t at = std::min (values.size () - 1, (size_t) (share * values.size ()));

  std::nth_element (values.begin (), values.begin () + at, values.end ());
  return values[at];
}

cv::Mat
both_cheeks (const cv::Mat &image)
{
  cv::Mat cheeks;

  cv::hconcat (image (photo_region_rect (PHOTO_RIGHT_CHEEK)), image (photo_region_rect (PHOTO_LEFT_CHEEK)), cheeks);
  return cheeks;
}

double
mean_abs (const cv::Mat &values)
{
  return cv::mean (cv::abs (values))[0];
}

/* Fine detail: what a light blur (σ = 1 canvas pixel) takes away. */
cv::Mat
fine_detail (const cv::Mat &luma)
{
  cv::Mat source, smooth;

  luma.convertTo (source, CV_32F);
  cv::GaussianBlur (source, smooth, cv::Size (0, 0), 1.0);
  return source - smooth;
}

double
share_like_skin (const cv::Mat     &ycrcb,
                 const cv::Scalar  &skin)
{
  int like = 0;

  for (int y = 0; y < ycrcb.rows; y++)
    for (int x = 0; x < ycrcb.cols; x++)
      {
        const cv::Vec3b &p = ycrcb.at<cv::Vec3b> (y, x);

        like += p[0] - skin[0] <= PHOTO_SKIN_BRIGHTER && skin[0] - p[0] <= PHOTO_SKIN_DARKER &&
                std::abs (p[1] - skin[1]) <= PHOTO_SKIN_CHROMA &&
                std::abs (p[2] - skin[2]) <= PHOTO_SKIN_CHROMA;
      }
  return (double) like / std::max (1, ycrcb.rows * ycrcb.cols);
}

} // namespace

cv::Rect
photo_region_rect (const CaijiPhotoRegion &region)
{
  int x0 = (int) std::lround (PHOTO_EYES_X + region.x0 * PHOTO_EYE_DISTANCE);
  int y0 = (int) std::lround (PHOTO_EYES_Y + region.y0 * PHOTO_EYE_DISTANCE);
  int x1 = (int) std::lround (PHOTO_EYES_X + region.x1 * PHOTO_EYE_DISTANCE);
  int y1 = (int) std::lround (PHOTO_EYES_Y + region.y1 * PHOTO_EYE_DISTANCE);

  return cv::Rect (x0, y0, x1 - x0, y1 - y0) & cv::Rect (0, 0, PHOTO_CANVAS_WIDTH, PHOTO_CANVAS_HEIGHT);
}

CanonicalFace
photo_canonical_face (const cv::Mat   &bgr,
                      const CaijiFace &face)
{
  cv::Point2d right_eye = to_point (face.landmarks[CAIJI_FACE_RIGHT_EYE]);
  cv::Point2d left_eye = to_point (face.landmarks[CAIJI_FACE_LEFT_EYE]);
  cv::Point2d middle = (right_eye + left_eye) * 0.5;
  double distance = std::max (1.0, cv::norm (left_eye - right_eye));
  double scale = PHOTO_EYE_DISTANCE / distance;
  CanonicalFace canonical;
  cv::Mat source = bgr;
  double shrink = 1;

  canonical.to_canvas = eyes_transform (right_eye, left_eye, 1);
  if (scale < AREA_SHRINK_BELOW)
    {
      /* Shrink only the neighbourhood of the face, by area, then warp
       * what is left of the scale. */
      cv::Rect reach = cv::Rect (cv::Point ((int) (middle.x - CANVAS_REACH * distance), (int) (middle.y - CANVAS_REACH * distance)),
                                 cv::Point ((int) (middle.x + CANVAS_REACH * distance), (int) (middle.y + CANVAS_REACH * distance)))
                       & cv::Rect (0, 0, bgr.cols, bgr.rows);

      shrink = scale / AREA_SHRINK_BELOW;
      cv::resize (bgr (reach), source, cv::Size (), shrink, shrink, cv::INTER_AREA);
      right_eye = (right_eye - cv::Point2d (reach.tl ())) * shrink;
      left_eye = (left_eye - cv::Point2d (reach.tl ())) * shrink;
    }
  cv::warpAffine (source, canonical.bgr, eyes_transform (right_eye, left_eye, 1),
                  cv::Size (PHOTO_CANVAS_WIDTH, PHOTO_CANVAS_HEIGHT), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  cv::cvtColor (canonical.bgr, canonical.luma, cv::COLOR_BGR2GRAY);
  return canonical;
}

/* Roll is the eye line's angle.  Yaw and pitch come from where the nose
 * tip sits against the line from the eyes' midpoint to the mouth's: a
 * turned head moves the tip sideways, a raised or lowered one along it. */
void
photo_measure_pose (const CaijiFace    &face,
                    CaijiPhotoMeasures *measures)
{
  cv::Point2d right_eye = to_point (face.landmarks[CAIJI_FACE_RIGHT_EYE]);
  cv::Point2d left_eye = to_point (face.landmarks[CAIJI_FACE_LEFT_EYE]);
  cv::Mat transform = eyes_transform (right_eye, left_eye, 1);
  cv::Point2d nose = apply (transform, to_point (face.landmarks[CAIJI_FACE_NOSE_TIP]));
  cv::Point2d mouth = (apply (transform, to_point (face.landmarks[CAIJI_FACE_RIGHT_MOUTH_CORNER])) +
                       apply (transform, to_point (face.landmarks[CAIJI_FACE_LEFT_MOUTH_CORNER]))) * 0.5;
  double eyes_to_mouth = std::max (1.0, mouth.y - PHOTO_EYES_Y);
  double along = (nose.y - PHOTO_EYES_Y) / eyes_to_mouth;
  double centre_x = PHOTO_EYES_X + (mouth.x - PHOTO_EYES_X) * along;
  double sideways = (nose.x - centre_x) / PHOTO_EYE_DISTANCE / PHOTO_NOSE_DEPTH;
  double upwards = (along - PHOTO_NOSE_NEUTRAL) * eyes_to_mouth / PHOTO_EYE_DISTANCE / PHOTO_NOSE_DEPTH;

  measures->face_width = face.width;
  measures->eye_distance = cv::norm (left_eye - right_eye);
  measures->roll = std::atan2 (left_eye.y - right_eye.y, left_eye.x - right_eye.x) * 180 / CV_PI;
  measures->yaw = std::asin (std::clamp (sideways, -1.0, 1.0)) * 180 / CV_PI;
  measures->pitch = std::asin (std::clamp (upwards, -1.0, 1.0)) * 180 / CV_PI;
}

static double
burnt_count (const cv::Mat &luma)
{
  cv::Mat burnt;

  cv::compare (luma, PHOTO_HIGHLIGHT_LUMA, burnt, cv::CMP_GE);
  return cv::countNonZero (burnt);
}

void
photo_measure_light (const CanonicalFace &canonical,
                     CaijiPhotoMeasures  *measures)
{
  cv::Mat cheeks = both_cheeks (canonical.luma);
  cv::Mat forehead = canonical.luma (photo_region_rect (PHOTO_FOREHEAD));
  double right = cv::mean (canonical.luma (photo_region_rect (PHOTO_RIGHT_CHEEK)))[0];
  double left = cv::mean (canonical.luma (photo_region_rect (PHOTO_LEFT_CHEEK)))[0];

  measures->brightness = median_of (cheeks);
  measures->highlights = (burnt_count (cheeks) + burnt_count (forehead)) / (double) (cheeks.total () + forehead.total ());
  measures->shadow = std::fabs (std::log ((right + 1) / (left + 1)));
}

/* Sharpness: the inner face's fine detail against its contrast, so a dim
 * photo is not taken for a soft one. */
void
photo_measure_detail (const CanonicalFace &canonical,
                      CaijiPhotoMeasures  *measures)
{
  cv::Mat detail = fine_detail (canonical.luma);
  cv::Scalar mean, deviation;

  cv::meanStdDev (canonical.luma (photo_region_rect (PHOTO_INNER_FACE)), mean, deviation);
  measures->sharpness = mean_abs (detail (photo_region_rect (PHOTO_INNER_FACE))) / std::max (1.0, deviation[0]);
}

/* The region's bounding box in the picture, which it may overhang: the
 * canvas transform undone. */
static cv::Rect
picture_rect (const CanonicalFace    &canonical,
              const CaijiPhotoRegion &region)
{
  cv::Mat back;
  cv::Rect on_canvas = photo_region_rect (region);
  std::vector<cv::Point2f> corners = { on_canvas.tl (), on_canvas.br () }, mapped;

  cv::invertAffineTransform (canonical.to_canvas, back);
  cv::transform (corners, mapped, back);
  return cv::Rect (cv::Point (mapped[0]), cv::Point (mapped[1]));
}

/* The median over square blocks of the mean absolute value: one wrinkle,
 * mole or stray hair moves it little. */
static double
median_block_mean_abs (const cv::Mat &values,
                       int            block)
{
  std::vector<double> means;

  for (int y = 0; y + block <= values.rows; y += block)
    for (int x = 0; x + block <= values.cols; x += block)
      means.push_back (mean_abs (values (cv::Rect (x, y, block, block))));
  if (means.empty ())
    return 0;
  std::nth_element (means.begin (), means.begin () + means.size () / 2, means.end ());
  return means[means.size () / 2];
}

/* Skin grain: the forehead's fine ripple in grey levels, a band between
 * PHOTO_GRAIN_FINE and PHOTO_GRAIN_COARSE pixels, with the face shrunk (by
 * area, never enlarged) to PHOTO_EYE_DISTANCE, so a big face and a small
 * one are held to one scale and enlarging invents no smoothness.  Pores,
 * fine lines and the camera's noise put it there on every real forehead;
 * a beauty filter flattens exactly this band and keeps the edges, so the
 * eyes stay sharp.  The forehead, because the cheeks may carry a beard. */
void
photo_measure_texture (const CanonicalFace &canonical,
                       const cv::Mat       &bgr,
                       CaijiPhotoMeasures  *measures)
{
  double canvas_scale = std::hypot (canonical.to_canvas.at<double> (0, 0), canonical.to_canvas.at<double> (0, 1));
  double scale = std::min (1.0, canvas_scale);
  int block = std::max (PHOTO_GRAIN_MIN_BLOCK, (int) std::lround (PHOTO_GRAIN_BLOCK * PHOTO_EYE_DISTANCE * scale / canvas_scale));
  int margin = (int) std::ceil (3 * PHOTO_GRAIN_COARSE / scale);
  cv::Rect picture = cv::Rect (0, 0, bgr.cols, bgr.rows);
  cv::Rect forehead = picture_rect (canonical, PHOTO_FOREHEAD);
  cv::Rect around = cv::Rect (forehead.x - margin, forehead.y - margin, forehead.width + 2 * margin,
                              forehead.height + 2 * margin) & picture;
  cv::Mat luma, shrunk, fine, coarse, band;
  cv::Rect inner;

  if (forehead.width < 2 || forehead.height < 2 || (forehead & picture) != forehead)
    {
      measures->skin_texture = -1;
      return;
    }
  cv::cvtColor (bgr (around), luma, cv::COLOR_BGR2GRAY);
  if (scale < 1)
    cv::resize (luma, shrunk, cv::Size (), scale, scale, cv::INTER_AREA);
  else
    shrunk = luma;
  shrunk.convertTo (shrunk, CV_32F);
  cv::GaussianBlur (shrunk, fine, cv::Size (0, 0), PHOTO_GRAIN_FINE);
  cv::GaussianBlur (shrunk, coarse, cv::Size (0, 0), PHOTO_GRAIN_COARSE);
  band = fine - coarse;
  inner = cv::Rect ((int) std::lround ((forehead.x - around.x) * scale), (int) std::lround ((forehead.y - around.y) * scale),
                    (int) std::lround (forehead.width * scale), (int) std::lround (forehead.height * scale))
          & cv::Rect (0, 0, band.cols, band.rows);
  measures->skin_texture = median_block_mean_abs (band (inner), block);
}

/* Eyes: the darker eye's darkest pixels (iris, lashes) against the
 * cheeks.  Glasses: horizontal edges where a frame's bridge and lower rims
 * run, against the cheeks' luma.  Hat: how much of the forehead has the
 * cheeks' skin colour. */
void
photo_measure_covering (const CanonicalFace &canonical,
                        CaijiPhotoMeasures  *measures)
{
  cv::Mat gradient, ycrcb;
  double cheeks = std::max (1.0, median_of (both_cheeks (canonical.luma)));
  double right_eye = percentile_of (canonical.luma (photo_region_rect (PHOTO_RIGHT_PUPIL)), 0.05);
  double left_eye = percentile_of (canonical.luma (photo_region_rect (PHOTO_LEFT_PUPIL)), 0.05);
  double frame;
  cv::Scalar skin;

  measures->eye_contrast = (cheeks - std::max (right_eye, left_eye)) / cheeks;

  cv::Sobel (canonical.luma, gradient, CV_32F, 0, 1);
  frame = (mean_abs (gradient (photo_region_rect (PHOTO_BRIDGE))) +
           std::min (mean_abs (gradient (photo_region_rect (PHOTO_RIGHT_RIM))),
                     mean_abs (gradient (photo_region_rect (PHOTO_LEFT_RIM))))) / 2;
  measures->glasses = frame / cheeks * 10;

  cv::cvtColor (canonical.bgr, ycrcb, cv::COLOR_BGR2YCrCb);
  skin = cv::mean (both_cheeks (ycrcb));
  measures->forehead_skin = share_like_skin (ycrcb (photo_region_rect (PHOTO_FOREHEAD)), skin);
}
