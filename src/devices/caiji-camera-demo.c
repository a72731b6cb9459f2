/* caiji-camera-demo.c: a folder of pictures shown as a live feed
 *
 * For machines without a webcam (this build machine, a demo at a fair):
 * each JPEG or PNG in the folder is shown for interval_ms, repeated at
 * the preview's frame rate so vision sees a steady stream, then the next.
 * Pictures are decoded on the demo thread, never on the caller's.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-camera-private.h"
#include "caiji-image.h"

#define FRAME_PERIOD_MS 100
#define MAX_PICTURES 200

static gboolean
is_picture_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg") ||
         g_str_has_suffix (lower, ".png");
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
list_pictures (const char *folder,
               GError    **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL && paths->len < MAX_PICTURES)
    if (is_picture_name (name))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
}

/* A broken file in the folder is skipped, not fatal: the demo goes on. */
static GPtrArray *
load_pictures (const char *folder,
               GError    **error)
{
  g_autoptr(GPtrArray) paths = list_pictures (folder, error);
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_image_free);

  if (paths == NULL)
    return NULL;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) load_error = NULL;
      CaijiImage *image = caiji_image_load (paths->pdata[i], &load_error);

      if (image != NULL)
        g_ptr_array_add (images, image);
      else
        g_message ("demo camera: skipping %s: %s", (char *) paths->pdata[i], load_error->message);
    }
  if (images->len == 0)
    {
      g_set_error (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_NO_PICTURES,
                   _("The demo folder %s has no JPEG or PNG pictures to show."), folder);
      return NULL;
    }
  return g_steal_pointer (&images);
}

static void
publish_image (CaijiCamera      *self,
               const CaijiImage *image)
{
  gsize stride;
  const guint8 *pixels = caiji_image_get_bgr (image, &stride);
  guint height = caiji_image_get_height (image);
  g_autoptr(GBytes) bgr = g_bytes_new (pixels, stride * height);

  caiji_camera_publish (self, caiji_image_get_width (image), height, stride, bgr);
}

/* Sleeps up to ms; FALSE once the camera is stopping. */
static gboolean
wait_unless_stopping (CaijiCamera *self,
                      guint        ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * G_TIME_SPAN_MILLISECOND;
  gboolean go_on;

  g_mutex_lock (&self->lock);
  while (!self->stopping && g_cond_wait_until (&self->stop_cond, &self->lock, until))
    ;
  go_on = !self->stopping;
  g_mutex_unlock (&self->lock);
  return go_on;
}

static void
show_pictures (CaijiCamera *self,
               GPtrArray   *images)
{
  for (guint i = 0; ; i = (i + 1) % images->len)
    for (guint shown = 0; shown < self->interval_ms; shown += FRAME_PERIOD_MS)
      {
        publish_image (self, images->pdata[i]);
        if (!wait_unless_stopping (self, MIN (FRAME_PERIOD_MS, self->interval_ms)))
          return;
      }
}

static gpointer
run_demo (gpointer data)
{
  CaijiCamera *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = load_pictures (self->target, &error);

  if (images == NULL)
    caiji_camera_report_failure (self, g_steal_pointer (&error));
  else
    show_pictures (self, images);
  return NULL;
}

gboolean
caiji_camera_demo_start (CaijiCamera *self,
                         GError     **error)
{
  self->demo_thread = g_thread_try_new ("caiji-demo-camera", run_demo, self, error);
  return self->demo_thread != NULL;
}

void
caiji_camera_demo_stop (CaijiCamera *self)
{
  if (self->demo_thread != NULL)
    g_thread_join (g_steal_pointer (&self->demo_thread));
}
