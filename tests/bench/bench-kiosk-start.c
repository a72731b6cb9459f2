/* bench-kiosk-start.c: how long the kiosk takes to start, and its memory
 *
 * Starts the kiosk's own pieces in the order the kiosk does, in a fresh
 * process, and prints:
 *   - exec → main (the dynamic loader and the libraries' constructors);
 *   - main → the window on screen, showing the sign-in page (GTK, the
 *     templates, the store opened on a worker);
 *   - main → the first camera frame (the demo camera, as on this machine);
 *   - main → the first preview frame analysed, which loads the face
 *     detector, and then the face recogniser and the OCR once each;
 *   - resident memory before and after the models, and its peak.
 * Prints figures only; asserts nothing about speed.
 *
 * Usage: bench-kiosk-start [DEMO_DIR] (under a display, e.g. xvfb-run);
 * the demo pictures default to the shared test faces of one person.
 */
#include "caiji-config.h"

#include <adwaita.h>
#include <unistd.h>

#include "caiji-capture-analyzer.h"
#include "caiji-image.h"
#include "caiji-store.h"
#include "caiji-test-utils.h"
#include "caiji-window.h"
#include "caiji-wizard.h"

static gint64 main_start;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Milliseconds from exec to now, from the process start time the kernel
 * keeps in clock ticks since boot. */
static double
ms_since_exec (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *after_name;
  g_auto(GStrv) fields = NULL;
  double up;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;
  after_name = strrchr (stat, ')');
  fields = g_strsplit (after_name + 2, " ", 0);
  up = g_ascii_strtod (uptime, NULL);
  /* Field 22 of the whole line is the 20th after the name. */
  return (up - g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK)) * 1000.0;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field) + 1, NULL, 10);
}

static void
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (window);
}

typedef struct {
  CaijiStore *store;
  gboolean    done;
} StoreOpen;

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  StoreOpen *open = data;
  g_autoptr(GError) error = NULL;

  open->store = caiji_store_open_finish (result, &error);
  g_assert_no_error (error);
  open->done = TRUE;
}

static gboolean
store_done (gpointer data)
{
  return ((StoreOpen *) data)->done;
}

static CaijiFrame *
first_frame (CaijiCamera *camera)
{
  CaijiFrame *frame;

  while ((frame = caiji_camera_get_latest_frame (camera)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return frame;
}

static CaijiImage *
image_of (CaijiFrame *frame)
{
  return caiji_image_new_bgr (frame->width, frame->height, g_bytes_get_data (frame->bgr, NULL), frame->stride);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaijiCamera) camera = NULL;
  g_autoptr(CaijiCaptureAnalyzer) analyzer = NULL;
  g_autoptr(CaijiWizard) wizard = NULL;
  g_autoptr(CaijiFrame) frame = NULL;
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(CaijiCardReading) reading = NULL;
  g_autoptr(GBytes) id_photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *db_path = NULL;
  StoreOpen open = { 0 };
  CaijiWindow *window;
  double exec_ms, window_ms, frame_ms, preview_ms, models_ms;
  long rss_before, rss_after;
  gboolean has_face = FALSE;
  graphene_rect_t box;
  double score = 0, threshold = 0;
  gint64 models_start;

  exec_ms = ms_since_exec ();
  main_start = g_get_monotonic_time ();
  demo_dir = argc > 1 ? g_strdup (argv[1]) : caiji_test_shared_path ("testdata/faces/obama");
  adw_init ();

  /* As caiji-application.c: window first, store on a worker, camera. */
  window = caiji_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dir = caiji_test_make_tmpdir ();
  db_path = g_build_filename (dir, "caiji.db", NULL);
  caiji_store_open_async (db_path, store_opened_cb, &open);
  camera = caiji_camera_new_demo (demo_dir, 200);
  if (!caiji_camera_start (camera, &error))
    g_error ("The demo camera does not start: %s", error->message);
  wait_for (store_done, &open);
  wizard = caiji_wizard_new (open.store);
  caiji_window_set_wizard (window, wizard);
  wait_for (window_mapped, window);
  window_ms = ms_since (main_start);

  frame = first_frame (camera);
  frame_ms = ms_since (main_start);
  rss_before = status_kb ("VmRSS:");

  /* The kiosk's first preview analysis loads the detector. */
  analyzer = caiji_capture_analyzer_new_vision ();
  image = image_of (frame);
  models_start = g_get_monotonic_time ();
  if (!caiji_capture_analyzer_find_face (analyzer, image, &has_face, &box, &error))
    g_printerr ("Face detection unavailable: %s\n", error->message);
  g_clear_error (&error);
  preview_ms = ms_since (main_start);
  /* The recogniser and the OCR load on their first use; the frame stands
   * in for the ID photo too. */
  id_photo = caiji_image_encode_jpeg (image, 90, &error);
  g_assert_no_error (error);
  caiji_capture_analyzer_match_face (analyzer, image, id_photo, &score, &threshold);
  caiji_capture_analyzer_card_tip (analyzer, image);
  reading = caiji_capture_analyzer_read_card (analyzer, image, CAIJI_CARD_SIDE_FRONT, NULL, NULL, &error);
  models_ms = ms_since (models_start);
  rss_after = status_kb ("VmRSS:");

  g_print ("kiosk start (demo camera %ux%u, face %s):\n", frame->width, frame->height, has_face ? "found" : "not found");
  g_print ("  exec → main                        %8.1f ms\n", exec_ms);
  g_print ("  main → sign-in page on screen      %8.1f ms\n", window_ms);
  g_print ("  main → first camera frame          %8.1f ms\n", frame_ms);
  g_print ("  main → first preview frame analysed %7.1f ms\n", preview_ms);
  g_print ("  loading all models (first uses)    %8.1f ms\n", models_ms);
  g_print ("  resident memory before models      %8.1f MiB\n", rss_before / 1024.0);
  g_print ("  resident memory with models        %8.1f MiB\n", rss_after / 1024.0);
  g_print ("  peak resident memory               %8.1f MiB\n", status_kb ("VmHWM:") / 1024.0);

  caiji_camera_stop (camera);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&wizard);
  g_clear_object (&open.store);
  caiji_test_remove_tree (dir);
  return 0;
}
