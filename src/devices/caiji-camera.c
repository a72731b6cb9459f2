/* caiji-camera.c: the camera object, its newest frame and its signals */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-camera-private.h"

G_DEFINE_QUARK (caiji-camera-error-quark, caiji_camera_error)
G_DEFINE_FINAL_TYPE (CaijiCamera, caiji_camera, G_TYPE_OBJECT)

enum {
  SIGNAL_FRAME_READY,
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
caiji_camera_dispose (GObject *object)
{
  caiji_camera_stop (CAIJI_CAMERA (object));
  G_OBJECT_CLASS (caiji_camera_parent_class)->dispose (object);
}

static void
caiji_camera_finalize (GObject *object)
{
  CaijiCamera *self = CAIJI_CAMERA (object);

  g_clear_pointer (&self->latest, caiji_frame_unref);
  g_main_context_unref (self->context);
  g_free (self->target);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->stop_cond);
  G_OBJECT_CLASS (caiji_camera_parent_class)->finalize (object);
}

static void
caiji_camera_class_init (CaijiCameraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caiji_camera_dispose;
  object_class->finalize = caiji_camera_finalize;

  /* A new frame is waiting in caiji_camera_get_latest_frame(); emitted at
   * most once per main-loop turn however fast the camera runs. */
  signals[SIGNAL_FRAME_READY] = g_signal_new ("frame-ready", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 0);
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
caiji_camera_init (CaijiCamera *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->stop_cond);
  self->context = g_main_context_ref_thread_default ();
}

static CaijiCamera *
camera_new (CaijiCameraSource  source,
            const char        *target)
{
  CaijiCamera *self = g_object_new (CAIJI_TYPE_CAMERA, NULL);

  self->source = source;
  self->target = g_strdup (target);
  return self;
}

CaijiCamera *
caiji_camera_new_for_device (const char *device)
{
  g_return_val_if_fail (device != NULL, NULL);
  return camera_new (CAIJI_CAMERA_SOURCE_DEVICE, device);
}

CaijiCamera *
caiji_camera_new_for_pipeline (const char *description)
{
  g_return_val_if_fail (description != NULL, NULL);
  return camera_new (CAIJI_CAMERA_SOURCE_PIPELINE, description);
}

CaijiCamera *
caiji_camera_new_demo (const char *folder,
                       guint       interval_ms)
{
  CaijiCamera *self;

  g_return_val_if_fail (folder != NULL, NULL);
  self = camera_new (CAIJI_CAMERA_SOURCE_DEMO, folder);
  self->interval_ms = MAX (interval_ms, 1);
  return self;
}

gboolean
caiji_camera_start (CaijiCamera *self,
                    GError     **error)
{
  gboolean started;

  g_return_val_if_fail (CAIJI_IS_CAMERA (self), FALSE);

  if (self->state == CAIJI_CAMERA_RUNNING)
    return TRUE;
  caiji_camera_stop (self);
  g_mutex_lock (&self->lock);
  self->stopping = FALSE;
  g_mutex_unlock (&self->lock);
  if (self->source == CAIJI_CAMERA_SOURCE_DEMO)
    started = caiji_camera_demo_start (self, error);
  else
    started = caiji_camera_pipeline_start (self, error);
  self->state = started ? CAIJI_CAMERA_RUNNING : CAIJI_CAMERA_FAILED;
  return started;
}

void
caiji_camera_stop (CaijiCamera *self)
{
  g_return_if_fail (CAIJI_IS_CAMERA (self));

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->stop_cond);
  g_mutex_unlock (&self->lock);
  caiji_camera_demo_stop (self);
  caiji_camera_pipeline_stop (self);
  if (self->state == CAIJI_CAMERA_RUNNING)
    self->state = CAIJI_CAMERA_STOPPED;
}

CaijiCameraState
caiji_camera_get_state (CaijiCamera *self)
{
  g_return_val_if_fail (CAIJI_IS_CAMERA (self), CAIJI_CAMERA_STOPPED);
  return self->state;
}

const char *
caiji_camera_get_description (CaijiCamera *self)
{
  g_return_val_if_fail (CAIJI_IS_CAMERA (self), NULL);
  return self->target;
}

/* Returns a new reference, or NULL before the first frame. */
CaijiFrame *
caiji_camera_get_latest_frame (CaijiCamera *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CAIJI_IS_CAMERA (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return self->latest != NULL ? caiji_frame_ref (self->latest) : NULL;
}

/* Always queued, never run on the calling thread: g_main_context_invoke()
 * would run the callback right here on a streaming thread whenever the
 * main context happens to be unowned. */
static void
queue_in_context (GMainContext   *context,
                  GSourceFunc     func,
                  gpointer        data,
                  GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[caiji] camera");
  g_source_attach (source, context);
}

static gboolean
emit_frame_ready (gpointer data)
{
  CaijiCamera *self = data;

  g_mutex_lock (&self->lock);
  self->notify_pending = FALSE;
  g_mutex_unlock (&self->lock);
  if (self->state == CAIJI_CAMERA_RUNNING)
    g_signal_emit (self, signals[SIGNAL_FRAME_READY], 0);
  return G_SOURCE_REMOVE;
}

void
caiji_camera_publish (CaijiCamera *self,
                      guint        width,
                      guint        height,
                      gsize        stride,
                      GBytes      *bgr)
{
  gboolean notify;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->latest, caiji_frame_unref);
  self->latest = caiji_frame_new (width, height, stride, bgr, ++self->sequence);
  notify = !self->notify_pending && !self->stopping;
  self->notify_pending = self->notify_pending || notify;
  g_mutex_unlock (&self->lock);
  if (notify)
    queue_in_context (self->context, emit_frame_ready, g_object_ref (self), g_object_unref);
}

typedef struct {
  CaijiCamera *camera;
  GError      *error;
} Failure;

static void
failure_free (Failure *failure)
{
  g_object_unref (failure->camera);
  g_error_free (failure->error);
  g_free (failure);
}

static gboolean
emit_failed (gpointer data)
{
  Failure *failure = data;

  if (failure->camera->state != CAIJI_CAMERA_RUNNING)
    return G_SOURCE_REMOVE;
  caiji_camera_stop (failure->camera);
  failure->camera->state = CAIJI_CAMERA_FAILED;
  g_signal_emit (failure->camera, signals[SIGNAL_FAILED], 0, failure->error);
  return G_SOURCE_REMOVE;
}

/* Takes the error. */
void
caiji_camera_report_failure (CaijiCamera *self,
                             GError      *error)
{
  Failure *failure = g_new0 (Failure, 1);

  failure->camera = g_object_ref (self);
  failure->error = error;
  queue_in_context (self->context, emit_failed, failure, (GDestroyNotify) failure_free);
}
