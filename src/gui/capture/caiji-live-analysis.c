/* caiji-live-analysis.c: analysis of the newest preview frame, one at a time
 *
 * The preview runs at the camera's rate; the analysis runs on a worker
 * thread at its own pace.  At most one frame is being analysed; when it
 * is done the newest frame is taken next and every frame in between is
 * skipped, so a slow detector never makes the preview stutter or lag.
 * "result" carries the finished CaijiCaptureResult on the main thread;
 * get_frame() is the frame that result is about.
 */
#include "caiji-config.h"

#include "caiji-live-analysis.h"

struct _CaijiLiveAnalysis {
  GObject               parent_instance;

  CaijiCameraKeeper    *keeper;
  CaijiCaptureAnalyzer *analyzer;
  CaijiCaptureJob       job;
  gboolean              running;
  GCancellable         *cancellable;   /* of the job in flight, NULL when idle */
  guint64               last_sequence;
  CaijiFrame           *in_flight;
  CaijiFrame           *analysed;
};

G_DEFINE_FINAL_TYPE (CaijiLiveAnalysis, caiji_live_analysis, G_TYPE_OBJECT)

enum {
  SIGNAL_RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void analyse_newest (CaijiLiveAnalysis *self);

static void
analysed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CaijiLiveAnalysis) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCaptureResult) analysis = caiji_capture_run_finish (result, &error);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->analysed, caiji_frame_unref);
  self->analysed = g_steal_pointer (&self->in_flight);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->running)
    return;
  if (analysis != NULL)
    g_signal_emit (self, signals[SIGNAL_RESULT], 0, analysis);
  else
    g_warning ("Live analysis failed: %s", error->message);
  /* The handler may have stopped us. */
  if (self->running)
    analyse_newest (self);
}

static void
analyse_newest (CaijiLiveAnalysis *self)
{
  CaijiFrame *frame;

  if (!self->running || self->cancellable != NULL)
    return;
  frame = caiji_camera_get_latest_frame (caiji_camera_keeper_get_camera (self->keeper));
  if (frame == NULL || frame->sequence == self->last_sequence)
    {
      g_clear_pointer (&frame, caiji_frame_unref);
      return;
    }
  self->last_sequence = frame->sequence;
  self->in_flight = frame;
  self->cancellable = g_cancellable_new ();
  caiji_capture_run_async (self->analyzer, caiji_capture_request_new_frame (self->job, frame),
                           self->cancellable, analysed_cb, g_object_ref (self));
}

static void
caiji_live_analysis_dispose (GObject *object)
{
  CaijiLiveAnalysis *self = CAIJI_LIVE_ANALYSIS (object);

  caiji_live_analysis_stop (self);
  if (self->keeper != NULL)
    g_signal_handlers_disconnect_by_data (caiji_camera_keeper_get_camera (self->keeper), self);
  g_clear_object (&self->keeper);
  g_clear_object (&self->analyzer);
  g_clear_pointer (&self->in_flight, caiji_frame_unref);
  g_clear_pointer (&self->analysed, caiji_frame_unref);
  G_OBJECT_CLASS (caiji_live_analysis_parent_class)->dispose (object);
}

static void
caiji_live_analysis_class_init (CaijiLiveAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = caiji_live_analysis_dispose;

  signals[SIGNAL_RESULT] = g_signal_new ("result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
caiji_live_analysis_init (CaijiLiveAnalysis *self)
{
}

CaijiLiveAnalysis *
caiji_live_analysis_new (CaijiCameraKeeper    *keeper,
                         CaijiCaptureAnalyzer *analyzer,
                         CaijiCaptureJob       job)
{
  CaijiLiveAnalysis *self;

  g_return_val_if_fail (CAIJI_IS_CAMERA_KEEPER (keeper), NULL);
  g_return_val_if_fail (CAIJI_IS_CAPTURE_ANALYZER (analyzer), NULL);

  self = g_object_new (CAIJI_TYPE_LIVE_ANALYSIS, NULL);
  self->keeper = g_object_ref (keeper);
  self->analyzer = g_object_ref (analyzer);
  self->job = job;
  g_signal_connect_object (caiji_camera_keeper_get_camera (keeper), "frame-ready",
                           G_CALLBACK (analyse_newest), self, G_CONNECT_SWAPPED);
  return self;
}

void
caiji_live_analysis_start (CaijiLiveAnalysis *self)
{
  g_return_if_fail (CAIJI_IS_LIVE_ANALYSIS (self));
  self->running = TRUE;
  analyse_newest (self);
}

/* A result still on its way is dropped. */
void
caiji_live_analysis_stop (CaijiLiveAnalysis *self)
{
  g_return_if_fail (CAIJI_IS_LIVE_ANALYSIS (self));
  self->running = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The frame the latest "result" is about; NULL before the first. */
CaijiFrame *
caiji_live_analysis_get_frame (CaijiLiveAnalysis *self)
{
  g_return_val_if_fail (CAIJI_IS_LIVE_ANALYSIS (self), NULL);
  return self->analysed;
}
