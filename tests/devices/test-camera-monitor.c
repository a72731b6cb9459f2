/* test-camera-monitor.c: cameras plugged in and out, as the monitor sees them
 *
 * No webcam here, so a GStreamer device provider of our own stands in for
 * the USB bus: the test adds and removes a camera through it, and the
 * monitor must list it and say so each time.
 */
#include "caiji-config.h"

#include <gst/gst.h>

#include "caiji-camera-monitor.h"

/* The fake camera and its provider */

GType fake_camera_get_type (void);
GType fake_provider_get_type (void);

typedef struct { GstDevice parent_instance; } FakeCamera;
typedef struct { GstDeviceClass parent_class; } FakeCameraClass;
G_DEFINE_TYPE (FakeCamera, fake_camera, GST_TYPE_DEVICE)

static GstElement *
fake_camera_create_element (GstDevice  *device,
                            const char *name)
{
  return gst_element_factory_make ("videotestsrc", name);
}

static void
fake_camera_class_init (FakeCameraClass *klass)
{
  GST_DEVICE_CLASS (klass)->create_element = fake_camera_create_element;
}

static void
fake_camera_init (FakeCamera *self)
{
}

typedef struct { GstDeviceProvider parent_instance; } FakeProvider;
typedef struct { GstDeviceProviderClass parent_class; } FakeProviderClass;
G_DEFINE_TYPE (FakeProvider, fake_provider, GST_TYPE_DEVICE_PROVIDER)

static gboolean
fake_provider_start (GstDeviceProvider *provider)
{
  return TRUE;
}

static void
fake_provider_class_init (FakeProviderClass *klass)
{
  GstDeviceProviderClass *provider_class = GST_DEVICE_PROVIDER_CLASS (klass);

  provider_class->start = fake_provider_start;
  gst_device_provider_class_set_static_metadata (provider_class, "Caiji test cameras", "Video/Source",
                                                 "Cameras the tests plug in", "Caiji");
}

static void
fake_provider_init (FakeProvider *self)
{
}

static gboolean
register_provider (GstPlugin *plugin)
{
  return gst_device_provider_register (plugin, "caijitestcameras", GST_RANK_PRIMARY, fake_provider_get_type ());
}

static GstDevice *
fake_camera_new (const char *name,
                 const char *path)
{
  g_autoptr(GstCaps) caps = gst_caps_new_empty_simple ("video/x-raw");
  g_autoptr(GstStructure) properties = gst_structure_new ("properties", "device.path", G_TYPE_STRING, path, NULL);

  return g_object_new (fake_camera_get_type (), "display-name", name, "device-class", "Video/Source",
                       "caps", caps, "properties", properties, NULL);
}

/* Waiting for ::changed */

static void
changed_cb (CaijiCameraMonitor *monitor,
            guint              *count)
{
  (*count)++;
}

static void
wait_for_changes (guint *count,
                  guint  wanted)
{
  while (*count < wanted)
    g_main_context_iteration (NULL, TRUE);
}

static const CaijiCameraInfo *
find_camera (GPtrArray  *cameras,
             const char *device)
{
  for (guint i = 0; i < cameras->len; i++)
    {
      const CaijiCameraInfo *info = g_ptr_array_index (cameras, i);

      if (g_strcmp0 (info->device, device) == 0)
        return info;
    }
  return NULL;
}

static void
test_plug_and_unplug (void)
{
  g_autoptr(CaijiCameraMonitor) monitor = caiji_camera_monitor_new ();
  g_autoptr(GstDeviceProvider) provider = gst_device_provider_factory_get_by_name ("caijitestcameras");
  g_autoptr(GPtrArray) before = caiji_camera_monitor_list_cameras (monitor);
  g_autoptr(GPtrArray) plugged = NULL;
  g_autoptr(GPtrArray) unplugged = NULL;
  GstDevice *camera = fake_camera_new ("Desk Camera", "/dev/video-test7");
  const CaijiCameraInfo *info;
  guint changes = 0;

  g_assert_nonnull (provider);
  g_assert_null (find_camera (before, "/dev/video-test7"));
  g_signal_connect (monitor, "changed", G_CALLBACK (changed_cb), &changes);

  gst_device_provider_device_add (provider, camera);
  wait_for_changes (&changes, 1);
  plugged = caiji_camera_monitor_list_cameras (monitor);
  info = find_camera (plugged, "/dev/video-test7");
  g_assert_nonnull (info);
  g_assert_cmpstr (info->name, ==, "Desk Camera");
  g_assert_cmpuint (plugged->len, ==, before->len + 1);

  gst_device_provider_device_remove (provider, camera);
  wait_for_changes (&changes, 2);
  unplugged = caiji_camera_monitor_list_cameras (monitor);
  g_assert_null (find_camera (unplugged, "/dev/video-test7"));
  g_assert_cmpuint (unplugged->len, ==, before->len);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_assert_true (gst_plugin_register_static (GST_VERSION_MAJOR, GST_VERSION_MINOR, "caijitest",
                                             "Cameras for the Caiji tests", register_provider, "1.0", "LGPL",
                                             "caiji", "caiji", "https://example.invalid/caiji"));

  g_test_add_func ("/devices/camera-monitor/plug-and-unplug", test_plug_and_unplug);
  return g_test_run ();
}
