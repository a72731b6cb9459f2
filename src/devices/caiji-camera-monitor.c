/* caiji-camera-monitor.c: which cameras are plugged in, live
 *
 * GstDeviceMonitor on video sources.  ::changed is emitted on the main
 * context that created the monitor whenever a camera appears or goes, so
 * the operator sees an unplugged camera at once and the camera keeper can
 * try again the moment it is back, instead of at its next retry.
 */
#include "caiji-config.h"

#include <gst/gst.h>

#include "caiji-camera-monitor.h"

struct _CaijiCameraMonitor {
  GObject           parent_instance;

  GstDeviceMonitor *monitor;
  GstBus           *bus;
  guint             bus_watch;
};

G_DEFINE_FINAL_TYPE (CaijiCameraMonitor, caiji_camera_monitor, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
caiji_camera_info_free (CaijiCameraInfo *info)
{
  g_free (info->name);
  g_free (info->device);
  g_free (info);
}

/* v4l2 names it device.path, PipeWire api.v4l2.path. */
static char *
device_path (GstDevice *device)
{
  g_autoptr(GstStructure) properties = gst_device_get_properties (device);
  const char *keys[] = { "device.path", "api.v4l2.path" };

  for (guint i = 0; properties != NULL && i < G_N_ELEMENTS (keys); i++)
    {
      const char *path = gst_structure_get_string (properties, keys[i]);

      if (path != NULL)
        return g_strdup (path);
    }
  return NULL;
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    data)
{
  CaijiCameraMonitor *self = data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_DEVICE_ADDED ||
      GST_MESSAGE_TYPE (message) == GST_MESSAGE_DEVICE_REMOVED)
    g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_CONTINUE;
}

static void
caiji_camera_monitor_dispose (GObject *object)
{
  CaijiCameraMonitor *self = CAIJI_CAMERA_MONITOR (object);

  if (self->monitor != NULL)
    gst_device_monitor_stop (self->monitor);
  if (self->bus_watch != 0)
    gst_bus_remove_watch (self->bus);
  self->bus_watch = 0;
  g_clear_object (&self->bus);
  g_clear_object (&self->monitor);
  G_OBJECT_CLASS (caiji_camera_monitor_parent_class)->dispose (object);
}

static void
caiji_camera_monitor_class_init (CaijiCameraMonitorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = caiji_camera_monitor_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
caiji_camera_monitor_init (CaijiCameraMonitor *self)
{
}

/* A monitor that cannot start (no provider at all) simply lists nothing. */
CaijiCameraMonitor *
caiji_camera_monitor_new (void)
{
  CaijiCameraMonitor *self = g_object_new (CAIJI_TYPE_CAMERA_MONITOR, NULL);
  g_autoptr(GstCaps) caps = NULL;

  gst_init (NULL, NULL);
  self->monitor = gst_device_monitor_new ();
  caps = gst_caps_new_empty_simple ("video/x-raw");
  gst_device_monitor_add_filter (self->monitor, "Video/Source", caps);
  self->bus = gst_device_monitor_get_bus (self->monitor);
  self->bus_watch = gst_bus_add_watch (self->bus, bus_cb, self);
  if (!gst_device_monitor_start (self->monitor))
    g_message ("No camera monitor: cameras are not listed or noticed when plugged in");
  return self;
}

/* The process's one monitor, shared by whoever needs it (the camera
 * keeper, the operator's device page): probing the devices once is
 * enough.  Main thread only. */
CaijiCameraMonitor *
caiji_camera_monitor_get_default (void)
{
  static CaijiCameraMonitor *shared;

  if (shared != NULL)
    return g_object_ref (shared);
  shared = caiji_camera_monitor_new ();
  g_object_add_weak_pointer (G_OBJECT (shared), (gpointer *) &shared);
  return shared;
}

/* Of CaijiCameraInfo, in the order GStreamer reports them. */
GPtrArray *
caiji_camera_monitor_list_cameras (CaijiCameraMonitor *self)
{
  GPtrArray *cameras = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_camera_info_free);
  GList *devices;

  g_return_val_if_fail (CAIJI_IS_CAMERA_MONITOR (self), cameras);

  devices = gst_device_monitor_get_devices (self->monitor);
  for (GList *l = devices; l != NULL; l = l->next)
    {
      CaijiCameraInfo *info = g_new0 (CaijiCameraInfo, 1);

      info->name = gst_device_get_display_name (l->data);
      info->device = device_path (l->data);
      g_ptr_array_add (cameras, info);
    }
  g_list_free_full (devices, gst_object_unref);
  return cameras;
}
