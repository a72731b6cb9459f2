/* caiji-vision.h: the vision library's C API (OpenCV stays behind it)
 *
 * caiji-image.h   decoding with limits, encoding
 * caiji-face.h    face detection, alignment, embedding, ID-photo checks (step 2 and 3)
 * caiji-card.h    ID card finding, side, quality tips and fields (step 1)
 */
#pragma once

#include "caiji-face.h"
#include "caiji-image.h"
