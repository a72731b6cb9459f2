/* caiji-image-private.h: the cv::Mat inside a CaijiImage, for the C++ shim only */
#pragma once

#include <opencv2/core.hpp>

#include "caiji-image.h"

struct _CaijiImage {
  cv::Mat bgr;   /* CV_8UC3 */
};

CaijiImage *caiji_image_wrap (cv::Mat bgr);
