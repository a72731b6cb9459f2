/* caiji-camera-monitor.h: which cameras are plugged in, live */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char *name;    /* "HD Pro Webcam C920" */
  char *device;  /* "/dev/video0"; NULL when the provider does not say */
} CaijiCameraInfo;

void caiji_camera_info_free (CaijiCameraInfo *info);

#define CAIJI_TYPE_CAMERA_MONITOR (caiji_camera_monitor_get_type ())
G_DECLARE_FINAL_TYPE (CaijiCameraMonitor, caiji_camera_monitor, CAIJI, CAMERA_MONITOR, GObject)

CaijiCameraMonitor *caiji_camera_monitor_new          (void);
CaijiCameraMonitor *caiji_camera_monitor_get_default  (void);
GPtrArray          *caiji_camera_monitor_list_cameras (CaijiCameraMonitor *self);

G_END_DECLS
