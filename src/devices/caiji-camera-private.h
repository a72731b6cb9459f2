/* caiji-camera-private.h: what the camera's sources share with it */
#pragma once

#include <gst/gst.h>

#include "caiji-camera.h"

G_BEGIN_DECLS

typedef enum {
  CAIJI_CAMERA_SOURCE_DEVICE,
  CAIJI_CAMERA_SOURCE_PIPELINE,
  CAIJI_CAMERA_SOURCE_DEMO,
} CaijiCameraSource;

struct _CaijiCamera
{
  GObject            parent_instance;

  CaijiCameraSource  source;
  char              *target;        /* device path, pipeline or folder */
  guint              interval_ms;   /* demo: how long each picture shows */
  GMainContext      *context;       /* where the signals are emitted */
  CaijiCameraState   state;         /* main context only */

  GMutex             lock;          /* guards the fields below */
  CaijiFrame        *latest;
  guint64            sequence;
  gboolean           notify_pending;
  gboolean           stopping;
  GCond              stop_cond;

  GstElement        *pipeline;
  GThread           *demo_thread;
};

/* Thread-safe: called from GStreamer's streaming thread or the demo thread. */
void     caiji_camera_publish             (CaijiCamera *self,
                                           guint        width,
                                           guint        height,
                                           gsize        stride,
                                           GBytes      *bgr);
void     caiji_camera_report_failure      (CaijiCamera *self,
                                           GError      *error);

gboolean caiji_camera_pipeline_start      (CaijiCamera *self,
                                           GError     **error);
void     caiji_camera_pipeline_stop       (CaijiCamera *self);
gboolean caiji_camera_demo_start          (CaijiCamera *self,
                                           GError     **error);
void     caiji_camera_demo_stop           (CaijiCamera *self);

G_END_DECLS
