/* face-tilt.cpp: a flat picture turned about its vertical axis, in perspective */
#include "face-tilt.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "caiji-image-private.h"

/* Where the camera puts a point (x, y) of the picture, measured from its
 * centre, once the picture is turned by angle about its vertical centre
 * line at distance focal from the camera. */
static cv::Point2f
project (double x,
         double y,
         double angle,
         double focal)
{
  double depth = focal + x * std::sin (angle);
  double scale = focal / depth;

  return cv::Point2f ((float) (x * std::cos (angle) * scale), (float) (y * scale));
}

CaijiImage *
face_tilt_flat (const CaijiImage *image,
                double            degrees)
{
  const cv::Mat &source = image->bgr;
  double angle = degrees * M_PI / 180.0;
  double half_width = source.cols / 2.0;
  double half_height = source.rows / 2.0;
  double focal = source.cols;
  cv::Point2f from[4], to[4];
  const double corners[4][2] = { { -1, -1 }, { 1, -1 }, { 1, 1 }, { -1, 1 } };
  cv::Mat turned;

  for (int i = 0; i < 4; i++)
    {
      double x = corners[i][0] * half_width;
      double y = corners[i][1] * half_height;
      cv::Point2f seen = project (x, y, angle, focal);

      from[i] = cv::Point2f ((float) (x + half_width), (float) (y + half_height));
      to[i] = cv::Point2f ((float) (seen.x + half_width), (float) (seen.y + half_height));
    }
  cv::warpPerspective (source, turned, cv::getPerspectiveTransform (from, to), source.size (),
                       cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar (128, 128, 128));
  return caiji_image_wrap (turned);
}
