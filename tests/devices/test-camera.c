/* test-camera.c: frames arrive on the main context, the newest wins, and
 * a missing camera or an empty demo folder is a clear failure. */
#include <gst/gst.h>

#include "caiji-camera.h"
#include "caiji-image.h"
#include "caiji-test-utils.h"

typedef struct {
  guint   frames;
  GError *failure;
  GThread *main_thread;
} Watch;

static void
on_frame_ready (CaijiCamera *camera,
                Watch       *watch)
{
  g_assert_true (g_thread_self () == watch->main_thread);
  watch->frames++;
}

static void
on_failed (CaijiCamera  *camera,
           const GError *error,
           Watch        *watch)
{
  g_assert_true (g_thread_self () == watch->main_thread);
  g_assert_null (watch->failure);
  watch->failure = g_error_copy (error);
}

static void
watch_camera (CaijiCamera *camera,
              Watch       *watch)
{
  watch->main_thread = g_thread_self ();
  g_signal_connect (camera, "frame-ready", G_CALLBACK (on_frame_ready), watch);
  g_signal_connect (camera, "failed", G_CALLBACK (on_failed), watch);
}

/* Generous bound so a loaded CI machine never fails the test by time;
 * the assertion is about what happens, not how fast. */
static void
iterate_until (Watch *watch,
               guint  frames)
{
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (watch->frames < frames && watch->failure == NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_pipeline_frames (void)
{
  g_autoptr(CaijiCamera) camera =
    caiji_camera_new_for_pipeline ("videotestsrc is-live=true ! video/x-raw,width=320,height=240 "
                                   "! videoconvert ! appsink name=sink");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiFrame) first = NULL;
  g_autoptr(CaijiFrame) later = NULL;
  Watch watch = { 0 };

  watch_camera (camera, &watch);
  g_assert_null (caiji_camera_get_latest_frame (camera));
  g_assert_true (caiji_camera_start (camera, &error));
  g_assert_no_error (error);
  iterate_until (&watch, 1);
  g_assert_no_error (watch.failure);
  first = caiji_camera_get_latest_frame (camera);
  g_assert_nonnull (first);
  g_assert_cmpuint (first->width, ==, 320);
  g_assert_cmpuint (first->height, ==, 240);
  g_assert_cmpuint (first->stride, >=, 320 * 3);
  g_assert_cmpuint (g_bytes_get_size (first->bgr), >=, first->stride * 240);

  iterate_until (&watch, watch.frames + 3);
  later = caiji_camera_get_latest_frame (camera);
  g_assert_cmpuint (later->sequence, >, first->sequence);
  caiji_camera_stop (camera);
  g_assert_cmpint (caiji_camera_get_state (camera), ==, CAIJI_CAMERA_STOPPED);
}

static void
test_missing_device (void)
{
  g_autoptr(CaijiCamera) camera = caiji_camera_new_for_device ("/dev/video-caiji-missing");
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };

  watch_camera (camera, &watch);
  if (caiji_camera_start (camera, &error))
    {
      iterate_until (&watch, G_MAXUINT);
      error = g_steal_pointer (&watch.failure);
    }
  g_assert_error (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/dev/video-caiji-missing"));
  g_assert_cmpint (caiji_camera_get_state (camera), ==, CAIJI_CAMERA_FAILED);
}

static void
test_stream_end_is_failure (void)
{
  g_autoptr(CaijiCamera) camera =
    caiji_camera_new_for_pipeline ("videotestsrc num-buffers=3 ! videoconvert ! appsink name=sink");
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };

  watch_camera (camera, &watch);
  g_assert_true (caiji_camera_start (camera, &error));
  iterate_until (&watch, G_MAXUINT);
  g_assert_error (watch.failure, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED);
  g_clear_error (&watch.failure);
}

static void
test_bad_pipeline (void)
{
  g_autoptr(CaijiCamera) no_sink = caiji_camera_new_for_pipeline ("videotestsrc ! fakesink");
  g_autoptr(CaijiCamera) nonsense = caiji_camera_new_for_pipeline ("this-is-no-element !");
  g_autoptr(GError) error = NULL;

  g_assert_false (caiji_camera_start (no_sink, &error));
  g_assert_error (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (caiji_camera_start (nonsense, &error));
  g_assert_error (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED);
}

static void
write_picture (const char *dir,
               const char *name,
               guint       width,
               guint       height)
{
  g_autofree guint8 *pixels = g_malloc0 (width * height * 3);
  g_autoptr(CaijiImage) image = caiji_image_new_bgr (width, height, pixels, width * 3);
  g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (image, 90, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL));
}

static void
test_demo_cycles_pictures (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *broken = g_build_filename (dir, "b-broken.jpg", NULL);
  g_autoptr(CaijiCamera) camera = caiji_camera_new_demo (dir, 1);
  g_autoptr(GError) error = NULL;
  gboolean seen_a = FALSE, seen_c = FALSE;
  Watch watch = { 0 };

  write_picture (dir, "a.jpg", 64, 48);
  write_picture (dir, "c.jpg", 80, 40);
  g_assert_true (g_file_set_contents (broken, "not a picture", -1, NULL));
  watch_camera (camera, &watch);
  g_assert_true (caiji_camera_start (camera, &error));
  while (!(seen_a && seen_c) && watch.failure == NULL)
    {
      g_autoptr(CaijiFrame) frame = NULL;

      iterate_until (&watch, watch.frames + 1);
      frame = caiji_camera_get_latest_frame (camera);
      g_assert_nonnull (frame);
      seen_a = seen_a || frame->width == 64;
      seen_c = seen_c || frame->width == 80;
    }
  g_assert_no_error (watch.failure);
  caiji_camera_stop (camera);
  caiji_test_remove_tree (dir);
}

static void
test_demo_empty_folder (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autoptr(CaijiCamera) camera = caiji_camera_new_demo (dir, 100);
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };

  watch_camera (camera, &watch);
  g_assert_true (caiji_camera_start (camera, &error));
  iterate_until (&watch, G_MAXUINT);
  g_assert_error (watch.failure, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_NO_PICTURES);
  g_assert_nonnull (strstr (watch.failure->message, dir));
  g_clear_error (&watch.failure);
  g_assert_cmpint (caiji_camera_get_state (camera), ==, CAIJI_CAMERA_FAILED);
  caiji_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/camera/pipeline/frames", test_pipeline_frames);
  g_test_add_func ("/camera/pipeline/missing-device", test_missing_device);
  g_test_add_func ("/camera/pipeline/stream-end", test_stream_end_is_failure);
  g_test_add_func ("/camera/pipeline/bad", test_bad_pipeline);
  g_test_add_func ("/camera/demo/cycles", test_demo_cycles_pictures);
  g_test_add_func ("/camera/demo/empty-folder", test_demo_empty_folder);

  return g_test_run ();
}
