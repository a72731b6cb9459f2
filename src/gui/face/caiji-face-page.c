/* caiji-face-page.c: step 3, 人脸识别: the live face against the ID photo
 *
 * The seed's states, driven by the wizard:
 *   未识别到人脸         live preview; the newest frame is searched for a face
 *   检测人脸图像如图     the frame with the face, frozen: 重新识别 / 开始识别
 *   (liveness)          live again: a random head-turn challenge (请向左转头 /
 *                       请向右转头) checked from the head pose frame by frame,
 *                       while good frontal frames are collected
 *   (comparing)         those frames against the ID photo, on a worker
 *   人脸识别不通过       live again: 重新识别 / 拍照审核
 *   (taking the photo)  a still of the newest frame
 *   人脸采集照片如图     that still: 重拍 / 提交审核
 * Without a face matcher the comparison answers "unavailable" and the
 * wizard's prompt says so plainly; the candidate goes on with 拍照审核.
 * A challenge not met in time is 人脸识别不通过 without any comparison:
 * 重新识别, or 拍照审核 for the operator to look at.  An analyzer without
 * head pose (no sight_face) cannot be checked for liveness and never
 * passes: its challenge runs out of time and ends in 人脸识别不通过.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caiji-camera-view.h"
#include "caiji-capture-jobs.h"
#include "caiji-face-page.h"
#include "caiji-live-analysis.h"
#include "caiji-liveness.h"
#include "caiji-page-dispatch.h"
#include "caiji-stepper.h"
#include "caiji-texts.h"

struct _CaijiFacePage {
  AdwBin                parent_instance;

  CaijiWizard          *wizard;
  CaijiCameraKeeper    *keeper;
  CaijiCaptureAnalyzer *analyzer;
  CaijiLiveAnalysis    *detection;
  GCancellable         *cancellable;   /* of the comparison or still in flight */
  CaijiFrame           *detected;      /* the frame 检测人脸图像如图 shows */
  GdkTexture           *review_photo;  /* the still 人脸采集照片如图 shows */
  CaijiLiveness        *liveness;      /* the challenge under way, NULL otherwise */
  GPtrArray            *good_frames;   /* CaijiFrame*: the newest good ones of the challenge */
  guint                 good_after_turn;
  guint                 frames_after_pass;
  graphene_rect_t       last_box;      /* the face in the challenge's previous frame, in frame widths/heights */
  gboolean              has_last_box;
  gboolean              demo_camera;   /* pictures, not a person: no head can turn */

  CaijiCameraView      *view;
  GtkSpinner           *spinner;
  GtkLabel             *prompt_label;
  GtkLabel             *notice_label;
  GtkLabel             *challenge_label;
  GtkButton            *retry_button;
  GtkButton            *start_button;
  GtkButton            *review_button;
  GtkButton            *retake_button;
  GtkButton            *submit_button;
  GtkLabel             *tips_title;
  GtkLabel             *tip_glasses;
  GtkLabel             *tip_hat;
  GtkLabel             *tip_dark;
  GtkLabel             *error_label;
  GtkButton            *previous_button;
};

G_DEFINE_FINAL_TYPE (CaijiFacePage, caiji_face_page, ADW_TYPE_BIN)

/* Helpers */

static void
set_static_texts (CaijiFacePage *self)
{
  g_autofree char *glasses = g_strdup_printf ("✗ %s", caiji_text (CAIJI_TEXT_TIP_GLASSES));
  g_autofree char *hat = g_strdup_printf ("✗ %s", caiji_text (CAIJI_TEXT_TIP_HAT));
  g_autofree char *dark = g_strdup_printf ("✗ %s", caiji_text (CAIJI_TEXT_TIP_TOO_DARK));

  gtk_label_set_text (self->tips_title, caiji_text (CAIJI_TEXT_SHOOTING_TIPS));
  gtk_label_set_text (self->tip_glasses, glasses);
  gtk_label_set_text (self->tip_hat, hat);
  gtk_label_set_text (self->tip_dark, dark);
  gtk_button_set_label (self->retry_button, caiji_text (CAIJI_TEXT_RETRY_RECOGNITION));
  gtk_button_set_label (self->start_button, caiji_text (CAIJI_TEXT_START_RECOGNITION));
  gtk_button_set_label (self->review_button, caiji_text (CAIJI_TEXT_PHOTO_FOR_REVIEW));
  gtk_button_set_label (self->retake_button, caiji_text (CAIJI_TEXT_RETAKE));
  gtk_button_set_label (self->submit_button, caiji_text (CAIJI_TEXT_SUBMIT_FOR_REVIEW));
  gtk_button_set_label (self->previous_button, caiji_text (CAIJI_TEXT_PREVIOUS));
}

static void
show_notice (CaijiFacePage *self,
             const char    *notice)
{
  gtk_label_set_text (self->notice_label, notice != NULL ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL);
}

static void
cancel_work (CaijiFacePage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Several frames for 开始识别, some before the turn and at least one
 * after it, so the face compared is the one that turned. */
#define MATCH_FRAMES      5
#define MIN_MATCH_FRAMES  3
/* After the turn, how many frames to wait for good ones before comparing
 * what there is (about two seconds of analysis). */
#define MAX_FRAMES_AFTER_PASS 20
/* Consecutive frames of one head overlap at least this much (intersection
 * over union of the boxes); less is a face swapped in or lost. */
#define MIN_BOX_OVERLAP 0.3

static void
show_challenge (CaijiFacePage *self,
                const char    *challenge)
{
  gtk_label_set_text (self->challenge_label, challenge != NULL ? challenge : "");
  gtk_widget_set_visible (GTK_WIDGET (self->challenge_label), challenge != NULL);
}

static void
end_challenge (CaijiFacePage *self)
{
  g_clear_pointer (&self->liveness, caiji_liveness_free);
  g_ptr_array_set_size (self->good_frames, 0);
  self->good_after_turn = 0;
  self->frames_after_pass = 0;
  self->has_last_box = FALSE;
  show_challenge (self, NULL);
}

static void
set_detecting (CaijiFacePage *self,
               gboolean       detecting)
{
  if (self->detection == NULL)
    return;
  if (detecting && gtk_widget_get_mapped (GTK_WIDGET (self)))
    caiji_live_analysis_start (self->detection);
  else
    caiji_live_analysis_stop (self->detection);
}

static void
show_buttons (CaijiFacePage  *self,
              CaijiFaceState  state)
{
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          state == CAIJI_FACE_STATE_DETECTED || state == CAIJI_FACE_STATE_FAILED);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), state == CAIJI_FACE_STATE_DETECTED);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), state == CAIJI_FACE_STATE_FAILED);
  gtk_widget_set_visible (GTK_WIDGET (self->retake_button), state == CAIJI_FACE_STATE_REVIEW_PHOTO);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), state == CAIJI_FACE_STATE_REVIEW_PHOTO);
  gtk_widget_set_visible (GTK_WIDGET (self->previous_button),
                          state != CAIJI_FACE_STATE_MATCHING && state != CAIJI_FACE_STATE_CAPTURING);
}

static void
show_picture (CaijiFacePage  *self,
              CaijiFaceState  state)
{
  g_autoptr(GdkTexture) detected = NULL;

  switch (state)
    {
    case CAIJI_FACE_STATE_MATCHING:
      if (self->liveness != NULL)
        {
          if (!caiji_camera_view_is_live (self->view))
            caiji_camera_view_show_live (self->view);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case CAIJI_FACE_STATE_DETECTED:
      if (self->detected != NULL && caiji_camera_view_is_live (self->view))
        {
          detected = caiji_frame_to_texture (self->detected);
          caiji_camera_view_show_still (self->view, detected, NULL);
        }
      break;
    case CAIJI_FACE_STATE_REVIEW_PHOTO:
      caiji_camera_view_set_face_box (self->view, NULL, 0, 0);
      if (self->review_photo != NULL)
        caiji_camera_view_show_still (self->view, self->review_photo, NULL);
      break;
    case CAIJI_FACE_STATE_NO_FACE:
    case CAIJI_FACE_STATE_FAILED:
    case CAIJI_FACE_STATE_CAPTURING:
    default:
      if (!caiji_camera_view_is_live (self->view))
        caiji_camera_view_show_live (self->view);
      break;
    }
}

static void
show_state (CaijiFacePage *self)
{
  CaijiFaceState state = caiji_wizard_get_face_state (self->wizard);
  gboolean challenging = state == CAIJI_FACE_STATE_MATCHING && self->liveness != NULL;
  gboolean waiting = !challenging &&
                     (state == CAIJI_FACE_STATE_MATCHING || state == CAIJI_FACE_STATE_CAPTURING);

  /* During the challenge its instruction is the prompt. */
  gtk_label_set_text (self->prompt_label, challenging ? "" : caiji_wizard_get_face_prompt (self->wizard));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), waiting);
  gtk_spinner_set_spinning (self->spinner, waiting);
  show_buttons (self, state);
  if (state != CAIJI_FACE_STATE_MATCHING)
    end_challenge (self);
  show_picture (self, state);
  set_detecting (self, state == CAIJI_FACE_STATE_NO_FACE || self->liveness != NULL);
  if (state == CAIJI_FACE_STATE_NO_FACE)
    g_clear_pointer (&self->detected, caiji_frame_unref);
}

static void
wipe (CaijiFacePage *self)
{
  cancel_work (self);
  set_detecting (self, FALSE);
  end_challenge (self);
  g_clear_pointer (&self->detected, caiji_frame_unref);
  g_clear_object (&self->review_photo);
  caiji_camera_view_set_tip (self->view, NULL);
  caiji_camera_view_show_live (self->view);
  gtk_label_set_text (self->prompt_label, "");
  show_notice (self, NULL);
  caiji_page_show_error (self->error_label, NULL);
}

static void
dispatch_action (CaijiFacePage         *self,
                 CaijiWizardAction      action,
                 CaijiPageDispatchDone  done)
{
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_FACE, action),
                       self->error_label, done);
}

/* Callbacks */

static void
dispatch_face_result (CaijiFacePage    *self,
                      CaijiFaceOutcome  outcome,
                      double            score,
                      double            threshold,
                      GBytes           *jpeg)
{
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_face_result (outcome, score, threshold, jpeg),
                       self->error_label, NULL);
}

static void matched_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data);

static void
compare_good_frames (CaijiFacePage *self)
{
  CaijiCaptureRequest *request = caiji_capture_request_new_frames (CAIJI_CAPTURE_JOB_MATCH, self->good_frames);
  GBytes *id_photo = caiji_wizard_get_image (self->wizard, CAIJI_IMAGE_ID_PHOTO);

  if (id_photo != NULL)
    request->id_photo = g_bytes_ref (id_photo);
  end_challenge (self);
  set_detecting (self, FALSE);
  /* The demo's notice says why no turn was asked; it stays. */
  if (!self->demo_camera)
    show_notice (self, NULL);
  cancel_work (self);
  self->cancellable = g_cancellable_new ();
  caiji_capture_run_async (self->analyzer, request, self->cancellable, matched_cb, g_object_ref (self));
  show_state (self);
}

static void
keep_good_frame (CaijiFacePage *self,
                 CaijiFrame    *frame,
                 gboolean       after_turn)
{
  if (self->good_frames->len == MATCH_FRAMES)
    g_ptr_array_remove_index (self->good_frames, 0);
  g_ptr_array_add (self->good_frames, caiji_frame_ref (frame));
  self->good_after_turn += after_turn;
}

static double
box_overlap (const graphene_rect_t *a,
             const graphene_rect_t *b)
{
  graphene_rect_t both;
  double shared, total;

  if (!graphene_rect_intersection (a, b, &both))
    return 0;
  shared = graphene_rect_get_area (&both);
  total = graphene_rect_get_area (a) + graphene_rect_get_area (b) - shared;
  return total > 0 ? shared / total : 0;
}

/* The turn and the frames compared must be one face throughout: exactly
 * one face in every frame, never jumping.  Otherwise the challenge starts
 * over, so a photo slipped in before or after a stranger's turn does not
 * inherit it. */
static void
follow_face (CaijiFacePage            *self,
             const CaijiCaptureResult *result)
{
  const CaijiFaceSighting *sighting = &result->sighting;
  graphene_rect_t box;
  gboolean same;

  /* In fractions of the frame: a camera's frames all have one size, the
   * demo camera's pictures do not. */
  graphene_rect_init (&box, sighting->box.origin.x / result->width, sighting->box.origin.y / result->height,
                      sighting->box.size.width / result->width, sighting->box.size.height / result->height);
  same = sighting->faces == 1 && sighting->has_face &&
         (!self->has_last_box || box_overlap (&self->last_box, &box) >= MIN_BOX_OVERLAP);

  if (!same && (self->has_last_box || self->good_frames->len > 0))
    {
      caiji_liveness_restart (self->liveness);
      g_ptr_array_set_size (self->good_frames, 0);
      self->good_after_turn = 0;
      self->frames_after_pass = 0;
    }
  self->has_last_box = sighting->faces == 1 && sighting->has_face;
  self->last_box = box;
}

/* One analysed frame of the challenge. */
static void
challenge_frame (CaijiFacePage            *self,
                 const CaijiCaptureResult *result)
{
  const CaijiFaceSighting *sighting = &result->sighting;
  gint64 now = g_get_monotonic_time ();
  CaijiLivenessStage before, stage;

  follow_face (self, result);
  before = caiji_liveness_get_stage (self->liveness);
  stage = caiji_liveness_observe (self->liveness, sighting->has_face && sighting->faces == 1,
                                  sighting->yaw, now);
  /* The demo camera plays still pictures: no turn can be asked of them.
   * The comparison itself still runs on its frames. */
  if (self->demo_camera && stage != CAIJI_LIVENESS_STAGE_FAILED)
    before = stage = CAIJI_LIVENESS_STAGE_PASSED;

  if (sighting->good && before != CAIJI_LIVENESS_STAGE_RETURN)
    keep_good_frame (self, caiji_live_analysis_get_frame (self->detection),
                     before == CAIJI_LIVENESS_STAGE_PASSED);
  if (stage == CAIJI_LIVENESS_STAGE_FAILED)
    {
      g_message ("Liveness challenge not met in time (largest turn %.3f)",
                 caiji_liveness_get_peak (self->liveness));
      end_challenge (self);
      set_detecting (self, FALSE);
      show_notice (self, _("The head turn was not seen. Please try again, or take a photo for manual review."));
      dispatch_face_result (self, CAIJI_FACE_OUTCOME_NOT_LIVE, NAN, NAN, NULL);
      return;
    }
  show_challenge (self, caiji_liveness_get_prompt (self->liveness));
  if (stage != CAIJI_LIVENESS_STAGE_PASSED)
    return;
  show_challenge (self, _("Please hold still"));
  if (self->good_frames->len >= MIN_MATCH_FRAMES && self->good_after_turn > 0)
    compare_good_frames (self);
  else if (++self->frames_after_pass >= MAX_FRAMES_AFTER_PASS)
    {
      if (self->good_frames->len > 0)
        compare_good_frames (self);
      else
        dispatch_face_result (self, CAIJI_FACE_OUTCOME_NO_MATCH, NAN, NAN, NULL);
    }
}

static void
face_found_cb (CaijiFacePage            *self,
               const CaijiCaptureResult *result)
{
  const CaijiFaceSighting *sighting = &result->sighting;
  g_autoptr(CaijiWizardEvent) event = NULL;

  if (result->unavailable != NULL)
    {
      show_notice (self, result->unavailable->message);
      caiji_live_analysis_stop (self->detection);
      return;
    }
  caiji_camera_view_set_face_box (self->view, sighting->has_face ? &sighting->box : NULL,
                                  result->width, result->height);
  caiji_camera_view_set_tip (self->view, sighting->tip);
  if (self->liveness != NULL)
    {
      challenge_frame (self, result);
      return;
    }
  if (sighting->good)
    {
      g_clear_pointer (&self->detected, caiji_frame_unref);
      self->detected = caiji_frame_ref (caiji_live_analysis_get_frame (self->detection));
    }
  /* No store work: the wizard only changes its face state. */
  event = caiji_wizard_event_new_face_seen (sighting->good);
  caiji_wizard_dispatch (self->wizard, event, NULL);
}

static void
matched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CaijiFacePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCaptureResult) match = caiji_capture_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (match == NULL)
    {
      g_warning ("Face comparison failed: %s", error->message);
      caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                           caiji_wizard_event_new_face_result (CAIJI_FACE_OUTCOME_UNAVAILABLE, 0, 0, NULL),
                           self->error_label, NULL);
      return;
    }
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_face_result (match->outcome, match->score,
                                                           match->threshold, match->jpeg),
                       self->error_label, NULL);
}

/* 开始识别: the challenge first, the comparison when it is met. */
static void
matching_cb (GtkWidget    *page,
             const GError *error)
{
  CaijiFacePage *self = CAIJI_FACE_PAGE (page);

  if (error != NULL)
    return;
  end_challenge (self);
  show_notice (self, NULL);
  self->liveness = caiji_liveness_new (caiji_liveness_random_challenge (), g_get_monotonic_time ());
  show_challenge (self, caiji_liveness_get_prompt (self->liveness));
  if (self->demo_camera)
    {
      g_message ("Demo camera: the head-turn liveness check is skipped");
      show_notice (self, _("Demo mode: the demo camera plays still pictures and cannot turn its head, so no head "
                           "turn is asked. A real camera always asks for one."));
    }
  show_state (self);
}

static void
still_taken_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CaijiFacePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCaptureResult) still = caiji_capture_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (still == NULL)
    {
      caiji_page_show_error (self->error_label, error);
      return;
    }
  g_set_object (&self->review_photo, still->texture);
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_review_photo (still->jpeg), self->error_label, NULL);
}

static void
capturing_cb (GtkWidget    *page,
              const GError *error)
{
  CaijiFacePage *self = CAIJI_FACE_PAGE (page);
  g_autoptr(CaijiFrame) frame = NULL;

  if (error != NULL)
    return;
  frame = caiji_camera_get_latest_frame (caiji_camera_keeper_get_camera (self->keeper));
  if (frame == NULL)
    frame = self->detected != NULL ? caiji_frame_ref (self->detected) : NULL;
  if (frame == NULL)
    return;
  cancel_work (self);
  self->cancellable = g_cancellable_new ();
  caiji_capture_run_async (self->analyzer, caiji_capture_request_new_frame (CAIJI_CAPTURE_JOB_STILL, frame),
                           self->cancellable, still_taken_cb, g_object_ref (self));
}

static void
retry_clicked_cb (CaijiFacePage *self)
{
  show_notice (self, NULL);
  dispatch_action (self, CAIJI_WIZARD_ACTION_RETRY_RECOGNITION, NULL);
}

static void
start_clicked_cb (CaijiFacePage *self)
{
  dispatch_action (self, CAIJI_WIZARD_ACTION_START_RECOGNITION, matching_cb);
}

static void
review_clicked_cb (CaijiFacePage *self)
{
  dispatch_action (self, CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW, capturing_cb);
}

static void
retake_clicked_cb (CaijiFacePage *self)
{
  g_clear_object (&self->review_photo);
  dispatch_action (self, CAIJI_WIZARD_ACTION_RETAKE, NULL);
}

static void
submit_clicked_cb (CaijiFacePage *self)
{
  dispatch_action (self, CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW, NULL);
}

static void
previous_clicked_cb (CaijiFacePage *self)
{
  dispatch_action (self, CAIJI_WIZARD_ACTION_PREVIOUS, NULL);
}

static void
wizard_changed_cb (CaijiFacePage *self)
{
  if (caiji_wizard_get_candidate (self->wizard) == NULL)
    wipe (self);
  else if (caiji_wizard_get_page (self->wizard) == CAIJI_WIZARD_PAGE_FACE)
    show_state (self);
  else
    set_detecting (self, FALSE);
}

static void
mapped_changed_cb (CaijiFacePage *self)
{
  if (self->wizard == NULL)
    return;
  set_detecting (self, caiji_wizard_get_page (self->wizard) == CAIJI_WIZARD_PAGE_FACE &&
                       (caiji_wizard_get_face_state (self->wizard) == CAIJI_FACE_STATE_NO_FACE ||
                        self->liveness != NULL));
}

/* GObject */

static void
caiji_face_page_dispose (GObject *object)
{
  CaijiFacePage *self = CAIJI_FACE_PAGE (object);

  cancel_work (self);
  g_clear_object (&self->detection);
  g_clear_pointer (&self->liveness, caiji_liveness_free);
  g_clear_pointer (&self->good_frames, g_ptr_array_unref);
  g_clear_pointer (&self->detected, caiji_frame_unref);
  g_clear_object (&self->review_photo);
  g_clear_object (&self->keeper);
  g_clear_object (&self->analyzer);
  g_clear_object (&self->wizard);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_FACE_PAGE);
  G_OBJECT_CLASS (caiji_face_page_parent_class)->dispose (object);
}

static void
caiji_face_page_class_init (CaijiFacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_face_page_dispose;

  g_type_ensure (CAIJI_TYPE_STEPPER);
  g_type_ensure (CAIJI_TYPE_CAMERA_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-face-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, view);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, challenge_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, review_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, retake_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, tips_title);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, tip_glasses);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, tip_hat);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, tip_dark);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiFacePage, previous_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retake_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
}

static void
caiji_face_page_init (CaijiFacePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->good_frames = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_frame_unref);
  caiji_camera_view_set_guide (self->view, CAIJI_PREVIEW_GUIDE_FACE);
  g_signal_connect (self, "map", G_CALLBACK (mapped_changed_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (mapped_changed_cb), NULL);
  set_static_texts (self);
}

/* Public API */

void
caiji_face_page_set_wizard (CaijiFacePage *self,
                            CaijiWizard   *wizard)
{
  g_return_if_fail (CAIJI_IS_FACE_PAGE (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));
  g_return_if_fail (self->wizard == NULL);

  self->wizard = g_object_ref (wizard);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  wizard_changed_cb (self);
}

void
caiji_face_page_set_capture (CaijiFacePage        *self,
                             CaijiCameraKeeper    *keeper,
                             CaijiCaptureAnalyzer *analyzer)
{
  g_return_if_fail (CAIJI_IS_FACE_PAGE (self));
  g_return_if_fail (self->keeper == NULL);

  self->keeper = g_object_ref (keeper);
  self->analyzer = g_object_ref (analyzer);
  caiji_camera_view_set_keeper (self->view, keeper);
  self->detection = caiji_live_analysis_new (keeper, analyzer, CAIJI_CAPTURE_JOB_GUIDE);
  g_signal_connect_object (self->detection, "result", G_CALLBACK (face_found_cb), self, G_CONNECT_SWAPPED);
  mapped_changed_cb (self);
}

/* --demo: the camera is a picture playlist, so the head-turn challenge
 * is skipped, and the page says so. */
void
caiji_face_page_set_demo_camera (CaijiFacePage *self,
                                 gboolean       demo_camera)
{
  g_return_if_fail (CAIJI_IS_FACE_PAGE (self));
  self->demo_camera = demo_camera;
}
