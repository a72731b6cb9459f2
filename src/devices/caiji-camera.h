/* caiji-camera.h: a live picture source for the wizard
 *
 * Three kinds of source give the same frames: a V4L2 webcam, any GStreamer
 * pipeline ending in "appsink name=sink" (tests, unusual set-ups), and the
 * demo source, a folder of pictures shown in turn for machines without a
 * webcam.  Only the newest frame is kept: vision asks for it when it is
 * ready and a slow consumer skips frames instead of queueing them.
 * "frame-ready" and "failed" are emitted in the main context the camera
 * was created in, whichever thread produced the frame.
 */
#pragma once

#include <gio/gio.h>

#include "caiji-frame.h"

G_BEGIN_DECLS

#define CAIJI_CAMERA_ERROR (caiji_camera_error_quark ())

typedef enum {
  CAIJI_CAMERA_ERROR_NOT_FOUND,   /* no such device, or it was unplugged */
  CAIJI_CAMERA_ERROR_NO_PICTURES, /* the demo folder has nothing to show */
  CAIJI_CAMERA_ERROR_FAILED,      /* the pipeline broke or stopped sending */
} CaijiCameraError;

typedef enum {
  CAIJI_CAMERA_STOPPED,
  CAIJI_CAMERA_RUNNING,
  CAIJI_CAMERA_FAILED,
} CaijiCameraState;

#define CAIJI_TYPE_CAMERA (caiji_camera_get_type ())
G_DECLARE_FINAL_TYPE (CaijiCamera, caiji_camera, CAIJI, CAMERA, GObject)

GQuark            caiji_camera_error_quark      (void);

CaijiCamera      *caiji_camera_new_for_device   (const char  *device);
CaijiCamera      *caiji_camera_new_for_pipeline (const char  *description);
CaijiCamera      *caiji_camera_new_demo         (const char  *folder,
                                                 guint        interval_ms);

gboolean          caiji_camera_start            (CaijiCamera *self,
                                                 GError     **error);
void              caiji_camera_stop             (CaijiCamera *self);
CaijiCameraState  caiji_camera_get_state        (CaijiCamera *self);
const char       *caiji_camera_get_description  (CaijiCamera *self);
CaijiFrame       *caiji_camera_get_latest_frame (CaijiCamera *self);

G_END_DECLS
