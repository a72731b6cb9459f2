/* face-tilt.h: a flat picture turned about its vertical axis, as a camera sees it
 *
 * What a printed photo or a phone screen held up and turned in front of
 * the kiosk looks like: the picture plane rotated by some degrees about
 * its vertical centre line, seen in perspective by a camera whose focal
 * length is about the picture's width (a webcam at arm's length).  For
 * the liveness tests: a flat face turned must not give the yaw signal a
 * real head turn gives.
 */
#pragma once

#include "caiji-image.h"

G_BEGIN_DECLS

/* Positive degrees turn the picture's right edge away from the camera. */
CaijiImage *face_tilt_flat (const CaijiImage *image,
                            double            degrees);

G_END_DECLS
