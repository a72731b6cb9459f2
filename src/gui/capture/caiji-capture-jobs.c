/* caiji-capture-jobs.c: picture work for the capture screens, off the main thread */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "caiji-capture-jobs.h"

#define JPEG_QUALITY 90

typedef struct {
  CaijiCaptureAnalyzer *analyzer;
  CaijiCaptureRequest  *request;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->analyzer);
  caiji_capture_request_free (job->request);
  g_free (job);
}

/* Requests and results */

static CaijiCaptureRequest *
request_new (CaijiCaptureJob job)
{
  CaijiCaptureRequest *request = g_new0 (CaijiCaptureRequest, 1);

  request->job = job;
  return request;
}

CaijiCaptureRequest *
caiji_capture_request_new_frame (CaijiCaptureJob  job,
                                 CaijiFrame      *frame)
{
  CaijiCaptureRequest *request = request_new (job);

  g_return_val_if_fail (frame != NULL, request);
  request->frame = caiji_frame_ref (frame);
  return request;
}

CaijiCaptureRequest *
caiji_capture_request_new_frames (CaijiCaptureJob  job,
                                  GPtrArray       *frames)
{
  CaijiCaptureRequest *request;

  g_return_val_if_fail (frames != NULL && frames->len > 0, request_new (job));
  request = caiji_capture_request_new_frame (job, g_ptr_array_index (frames, 0));
  request->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_frame_unref);
  for (guint i = 0; i < frames->len; i++)
    g_ptr_array_add (request->frames, caiji_frame_ref (g_ptr_array_index (frames, i)));
  return request;
}

CaijiCaptureRequest *
caiji_capture_request_new_file (CaijiCaptureJob  job,
                                GFile           *file)
{
  CaijiCaptureRequest *request = request_new (job);

  g_return_val_if_fail (G_IS_FILE (file), request);
  request->file = g_object_ref (file);
  return request;
}

void
caiji_capture_request_free (CaijiCaptureRequest *request)
{
  if (request == NULL)
    return;
  g_clear_pointer (&request->frame, caiji_frame_unref);
  g_clear_object (&request->file);
  g_clear_pointer (&request->id_photo, g_bytes_unref);
  g_clear_pointer (&request->frames, g_ptr_array_unref);
  g_free (request->expected_name);
  g_free (request);
}

void
caiji_capture_result_free (CaijiCaptureResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->texture);
  g_clear_pointer (&result->jpeg, g_bytes_unref);
  g_clear_error (&result->unavailable);
  caiji_card_reading_free (result->reading);
  g_free (result->photo.problem);
  g_clear_pointer (&result->photo.standard, g_bytes_unref);
  g_free (result);
}

/* Worker thread */

static CaijiImage *
load_file (GFile   *file,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  CaijiImage *image = bytes != NULL ? caiji_image_decode (bytes, &local_error) : NULL;

  /* The reason goes to the log; the candidate gets what to do about it. */
  if (image == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_message ("Cannot use %s as a picture: %s", name, local_error->message);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This file could not be opened as a picture. Please choose a JPEG or PNG photo."));
    }
  return image;
}

static CaijiImage *
frame_to_image (CaijiFrame *frame)
{
  return caiji_image_new_bgr (frame->width, frame->height, g_bytes_get_data (frame->bgr, NULL),
                              frame->stride);
}

static CaijiImage *
load_picture (CaijiCaptureRequest *request,
              GError             **error)
{
  if (request->frame != NULL)
    return frame_to_image (request->frame);
  return load_file (request->file, error);
}

static GdkTexture *
image_to_texture (const CaijiImage *image)
{
  gsize stride;
  const guint8 *pixels = caiji_image_get_bgr (image, &stride);
  guint height = caiji_image_get_height (image);
  g_autoptr(GBytes) bytes = g_bytes_new (pixels, stride * height);

  return gdk_memory_texture_new (caiji_image_get_width (image), height, GDK_MEMORY_B8G8R8,
                                 bytes, stride);
}

/* The kept picture is always re-encoded: one format for the store, and
 * nothing of a file's metadata (location, camera owner) is kept. */
static gboolean
keep_picture (CaijiCaptureResult *result,
              const CaijiImage   *image,
              GError            **error)
{
  result->jpeg = caiji_image_encode_jpeg (image, JPEG_QUALITY, error);
  if (result->jpeg == NULL)
    return FALSE;
  result->texture = image_to_texture (image);
  return TRUE;
}

/* An accepted ID photo is kept as the analyzer's standard photo, already
 * a JPEG inside the profile's size band: re-encoding would leave it. */
static gboolean
keep_standard_photo (CaijiCaptureResult *result,
                     GError            **error)
{
  result->jpeg = g_bytes_ref (result->photo.standard);
  result->texture = gdk_texture_new_from_bytes (result->jpeg, error);
  return result->texture != NULL;
}

static void
analyse (CaijiCaptureAnalyzer *analyzer,
         CaijiCaptureRequest  *request,
         const CaijiImage     *image,
         CaijiCaptureResult   *result)
{
  switch (request->job)
    {
    case CAIJI_CAPTURE_JOB_CARD:
      result->reading = caiji_capture_analyzer_read_card (analyzer, image, request->wanted,
                                                          request->expected_name, &result->tip,
                                                          &result->unavailable);
      break;
    case CAIJI_CAPTURE_JOB_PHOTO:
      caiji_capture_analyzer_check_photo (analyzer, image, request->frame != NULL, &result->photo,
                                          &result->unavailable);
      break;
    case CAIJI_CAPTURE_JOB_CARD_TIP:
      result->tip = caiji_capture_analyzer_card_tip (analyzer, image);
      break;
    case CAIJI_CAPTURE_JOB_FACE:
      caiji_capture_analyzer_find_face (analyzer, image, &result->has_face, &result->face_box,
                                        &result->unavailable);
      break;
    case CAIJI_CAPTURE_JOB_MATCH:
      result->outcome = caiji_capture_analyzer_match_face (analyzer, image, request->id_photo,
                                                           &result->score, &result->threshold);
      break;
    case CAIJI_CAPTURE_JOB_GUIDE:
      caiji_capture_analyzer_sight_face (analyzer, image, &result->sighting, &result->unavailable);
      break;
    case CAIJI_CAPTURE_JOB_STILL:
    default:
      break;
    }
}

static gboolean
is_live (CaijiCaptureJob job)
{
  return job == CAIJI_CAPTURE_JOB_CARD_TIP || job == CAIJI_CAPTURE_JOB_FACE ||
         job == CAIJI_CAPTURE_JOB_GUIDE;
}

typedef struct {
  double score;   /* -1 for a frame without a comparable face */
  guint  index;
} FrameScore;

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  double difference = ((const FrameScore *) a)->score - ((const FrameScore *) b)->score;

  return (difference > 0) - (difference < 0);
}

/* 开始识别 on several frames: each is compared with the ID photo and
 * every one must match, so the lowest score decides and its frame is
 * kept.  A face swapped in for part of the challenge (a photo of the
 * right person held up for some frames) cannot carry the rest. */
static gboolean
match_frames (CaijiCaptureAnalyzer *analyzer,
              CaijiCaptureRequest  *request,
              CaijiCaptureResult   *result,
              GError              **error)
{
  GPtrArray *frames = request->frames;
  g_autofree FrameScore *scores = g_new0 (FrameScore, frames->len);
  g_autoptr(CaijiImage) chosen = NULL;
  FrameScore lowest;

  for (guint i = 0; i < frames->len; i++)
    {
      g_autoptr(CaijiImage) image = frame_to_image (g_ptr_array_index (frames, i));
      double score, threshold;
      CaijiFaceOutcome outcome = caiji_capture_analyzer_match_face (analyzer, image, request->id_photo,
                                                                    &score, &threshold);

      if (outcome == CAIJI_FACE_OUTCOME_UNAVAILABLE)
        {
          result->outcome = outcome;
          return keep_picture (result, image, error);
        }
      scores[i] = (FrameScore) { isfinite (score) ? score : -1.0, i };
      if (isfinite (threshold))
        result->threshold = threshold;
    }
  qsort (scores, frames->len, sizeof *scores, compare_scores);
  lowest = scores[0];
  result->frames_compared = frames->len;
  result->score = lowest.score;
  result->outcome = isfinite (result->threshold) && lowest.score >= result->threshold
                      ? CAIJI_FACE_OUTCOME_MATCH : CAIJI_FACE_OUTCOME_NO_MATCH;
  chosen = frame_to_image (g_ptr_array_index (frames, lowest.index));
  result->width = caiji_image_get_width (chosen);
  result->height = caiji_image_get_height (chosen);
  return keep_picture (result, chosen, error);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CaijiCaptureResult) result = g_new0 (CaijiCaptureResult, 1);
  g_autoptr(CaijiImage) image = NULL;
  GError *error = NULL;

  result->job = job->request->job;
  result->score = NAN;
  result->threshold = NAN;
  if (result->job == CAIJI_CAPTURE_JOB_MATCH && job->request->frames != NULL)
    {
      if (!match_frames (job->analyzer, job->request, result, &error))
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) caiji_capture_result_free);
      return;
    }
  image = load_picture (job->request, &error);
  if (image == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result->width = caiji_image_get_width (image);
  result->height = caiji_image_get_height (image);
  analyse (job->analyzer, job->request, image, result);
  if (result->photo.standard != NULL ? !keep_standard_photo (result, &error)
                                     : !is_live (result->job) && !keep_picture (result, image, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) caiji_capture_result_free);
}

void
caiji_capture_run_async (CaijiCaptureAnalyzer *analyzer,
                         CaijiCaptureRequest  *request,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CAIJI_IS_CAPTURE_ANALYZER (analyzer));
  g_return_if_fail (request != NULL && (request->frame != NULL || request->file != NULL));

  job = g_new0 (Job, 1);
  job->analyzer = g_object_ref (analyzer);
  job->request = request;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, caiji_capture_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

CaijiCaptureResult *
caiji_capture_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
texture_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GdkTexture *texture = gdk_texture_new_from_bytes (task_data, &error);

  if (texture != NULL)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
caiji_capture_texture_async (GBytes              *jpeg,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (jpeg != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, caiji_capture_texture_async);
  g_task_set_task_data (task, g_bytes_ref (jpeg), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, texture_in_thread);
}

GdkTexture *
caiji_capture_texture_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* No copy: the texture shares the frame's pixels, which never change. */
GdkTexture *
caiji_frame_to_texture (CaijiFrame *frame)
{
  g_return_val_if_fail (frame != NULL, NULL);
  return gdk_memory_texture_new (frame->width, frame->height, GDK_MEMORY_B8G8R8,
                                 frame->bgr, frame->stride);
}
