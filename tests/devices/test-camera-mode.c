/* test-camera-mode.c: the webcam mode the kiosk asks for, from the modes
 * real webcams report (as `gst-device-monitor-1.0` prints them). */
#include <gst/gst.h>

#include "caiji-camera-mode.h"

static GstCaps *
choose (const char *offered)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string (offered);

  g_assert_nonnull (caps);
  return caiji_camera_mode_choose (caps);
}

static void
assert_mode (GstCaps    *mode,
             const char *expected)
{
  g_autoptr(GstCaps) wanted = gst_caps_from_string (expected);
  g_autofree char *got = mode != NULL ? gst_caps_to_string (mode) : g_strdup ("(none)");

  g_test_message ("chosen: %s", got);
  g_assert_nonnull (mode);
  g_assert_true (gst_caps_is_equal (mode, wanted));
  gst_caps_unref (mode);
}

/* A typical USB webcam: raw YUY2 is slow above 640×480, MJPEG is fast up
 * to 1920×1080, and the 2304×1536 raw mode crawls at 2 fps. */
static void
test_largest_fast_mode (void)
{
  assert_mode (choose ("video/x-raw, format=YUY2, width=640, height=480, framerate={ 30/1, 15/1 }; "
                       "video/x-raw, format=YUY2, width=1280, height=720, framerate=10/1; "
                       "video/x-raw, format=YUY2, width=2304, height=1536, framerate=2/1; "
                       "image/jpeg, width=1280, height=720, framerate={ 30/1, 24/1 }; "
                       "image/jpeg, width=1920, height=1080, framerate={ 30/1, 15/1 }; "
                       "image/jpeg, width=640, height=480, framerate=30/1"),
               "image/jpeg, width=1920, height=1080, framerate=30/1");
}

static void
test_raw_before_jpeg_at_same_size (void)
{
  g_autoptr(GstCaps) mode = NULL;

  mode = choose ("image/jpeg, width=1280, height=720, framerate=30/1; "
                 "video/x-raw, format=NV12, width=1280, height=720, framerate=30/1");
  g_assert_false (caiji_camera_mode_is_jpeg (mode));
  assert_mode (g_steal_pointer (&mode), "video/x-raw, format=NV12, width=1280, height=720, framerate=30/1");
}

/* Laptop cameras stop at 640×480: still used, the largest there is. */
static void
test_small_camera_still_used (void)
{
  assert_mode (choose ("video/x-raw, format=YUY2, width=320, height=240, framerate=30/1; "
                       "video/x-raw, format=YUY2, width=640, height=480, framerate=30/1"),
               "video/x-raw, format=YUY2, width=640, height=480, framerate=30/1");
}

/* Nothing reaches 15 fps: the largest mode rather than none. */
static void
test_all_slow_takes_largest (void)
{
  assert_mode (choose ("video/x-raw, format=YUY2, width=1280, height=720, framerate=10/1; "
                       "video/x-raw, format=YUY2, width=1920, height=1080, framerate=5/1"),
               "video/x-raw, format=YUY2, width=1920, height=1080, framerate=5/1");
}

/* Some drivers give ranges instead of a list of sizes and rates. */
static void
test_ranges (void)
{
  assert_mode (choose ("video/x-raw, format=YUY2, width=[ 160, 1600 ], height=[ 120, 1200 ], "
                       "framerate=[ 1/1, 30/1 ]"),
               "video/x-raw, format=YUY2, width=1600, height=1200, framerate=30/1");
}

/* H.264, DMA buffers and size-less modes are not for this pipeline. */
static void
test_unusable_modes_ignored (void)
{
  g_autoptr(GstCaps) none = NULL;

  assert_mode (choose ("video/x-h264, width=3840, height=2160, framerate=30/1; "
                       "video/x-raw(memory:DMABuf), format=NV12, width=3840, height=2160, framerate=30/1; "
                       "video/x-raw, format=YUY2, width=800, height=600, framerate=20/1"),
               "video/x-raw, format=YUY2, width=800, height=600, framerate=20/1");
  none = choose ("video/x-h264, width=1920, height=1080, framerate=30/1; video/x-raw, format=GRAY8");
  g_assert_null (none);
  g_assert_null (caiji_camera_mode_choose (NULL));
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/camera-mode/largest-fast", test_largest_fast_mode);
  g_test_add_func ("/camera-mode/raw-before-jpeg", test_raw_before_jpeg_at_same_size);
  g_test_add_func ("/camera-mode/small-camera", test_small_camera_still_used);
  g_test_add_func ("/camera-mode/all-slow", test_all_slow_takes_largest);
  g_test_add_func ("/camera-mode/ranges", test_ranges);
  g_test_add_func ("/camera-mode/unusable", test_unusable_modes_ignored);
  return g_test_run ();
}
