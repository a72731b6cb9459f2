/* caiji-capture-jobs.h: picture work for the capture screens, off the main thread
 *
 * A job takes a camera frame or a file, decodes it, asks the analyzer,
 * and for a picture that is kept encodes the JPEG the wizard stores and
 * the texture the screen shows: everything slow happens on a worker
 * thread and the screen only receives the finished result.
 */
#pragma once

#include <gtk/gtk.h>

#include "caiji-capture-analyzer.h"
#include "caiji-frame.h"

G_BEGIN_DECLS

typedef enum {
  CAIJI_CAPTURE_JOB_CARD,      /* read a card side (a still or a file) */
  CAIJI_CAPTURE_JOB_PHOTO,     /* check an ID photo (a file, or a still of the camera) */
  CAIJI_CAPTURE_JOB_CARD_TIP,  /* live: the tip for a preview frame */
  CAIJI_CAPTURE_JOB_FACE,      /* live: is there a face, and where */
  CAIJI_CAPTURE_JOB_MATCH,     /* 开始识别: compare a still with the ID photo */
  CAIJI_CAPTURE_JOB_STILL,     /* 拍照审核: only the picture */
  CAIJI_CAPTURE_JOB_GUIDE,     /* live: step 3's tip, face box and head pose */
} CaijiCaptureJob;

typedef struct {
  CaijiCaptureJob   job;
  CaijiFrame       *frame;      /* the picture: a frame … */
  GFile            *file;       /* … or a file */
  CaijiCardSide     wanted;     /* CARD */
  char             *expected_name;  /* CARD: the signed-in candidate's */
  GBytes           *id_photo;   /* MATCH */
  GPtrArray        *frames;     /* MATCH: CaijiFrame*, several good frames, compared one by one */
} CaijiCaptureRequest;

typedef struct {
  CaijiCaptureJob   job;
  GdkTexture       *texture;      /* what to show; NULL for live jobs */
  GBytes           *jpeg;         /* what to keep; NULL for live jobs */
  GError           *unavailable;  /* the picture was taken, this analysis is not installed */
  guint             width;        /* of the analysed picture */
  guint             height;
  CaijiCardReading *reading;      /* CARD */
  CaijiCardTip      tip;          /* CARD, CARD_TIP */
  CaijiPhotoCheck   photo;        /* PHOTO */
  gboolean          has_face;     /* FACE */
  graphene_rect_t   face_box;     /* FACE, in the picture's pixels */
  CaijiFaceOutcome  outcome;      /* MATCH */
  double            score;
  double            threshold;
  guint             frames_compared;  /* MATCH with several frames */
  CaijiFaceSighting sighting;     /* GUIDE */
} CaijiCaptureResult;

CaijiCaptureRequest *caiji_capture_request_new_frame (CaijiCaptureJob       job,
                                                      CaijiFrame           *frame);
/* MATCH on several frames: all must match; the lowest score and its frame are the result. */
CaijiCaptureRequest *caiji_capture_request_new_frames (CaijiCaptureJob      job,
                                                       GPtrArray           *frames);
CaijiCaptureRequest *caiji_capture_request_new_file  (CaijiCaptureJob       job,
                                                      GFile                *file);
void                 caiji_capture_request_free      (CaijiCaptureRequest  *request);
void                 caiji_capture_result_free       (CaijiCaptureResult   *result);

/* Takes the request. */
void                 caiji_capture_run_async         (CaijiCaptureAnalyzer *analyzer,
                                                      CaijiCaptureRequest  *request,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
CaijiCaptureResult  *caiji_capture_run_finish        (GAsyncResult         *result,
                                                      GError              **error);

/* Decodes a stored JPEG for display. */
void                 caiji_capture_texture_async     (GBytes               *jpeg,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GdkTexture          *caiji_capture_texture_finish    (GAsyncResult         *result,
                                                      GError              **error);

GdkTexture          *caiji_frame_to_texture          (CaijiFrame           *frame);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCaptureRequest, caiji_capture_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCaptureResult, caiji_capture_result_free)

G_END_DECLS
