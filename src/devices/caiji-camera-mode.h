/* caiji-camera-mode.h: which of a webcam's modes the kiosk asks for
 *
 * The card's text and the ID photo are read from camera stills, so the
 * kiosk wants the sharpest picture the webcam gives, but a preview that
 * still moves: the largest mode that reaches CAIJI_CAMERA_MIN_FPS, raw
 * before MJPEG at the same size (nothing to decode), and the largest mode
 * at all when none is that fast.
 */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Below this the head-turn challenge and the card guidance lag behind the
 * candidate's movements, and the preview looks frozen. */
#define CAIJI_CAMERA_MIN_FPS 15

/* The size the issue asks webcams to reach; smaller ones still work. */
#define CAIJI_CAMERA_WANTED_WIDTH  1280
#define CAIJI_CAMERA_WANTED_HEIGHT 720

GstCaps  *caiji_camera_mode_choose   (const GstCaps *offered);
gboolean  caiji_camera_mode_is_jpeg  (const GstCaps *mode);

G_END_DECLS
