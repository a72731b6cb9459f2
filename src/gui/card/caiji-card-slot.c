/* caiji-card-slot.c: one side of the ID card in step 1: preview, take, upload
 *
 * The slot takes the picture (a still of the newest camera frame, or a
 * file) and has it read on a worker thread; "captured" hands the result
 * to the page, which asks the wizard and tells the slot what to show.
 * While it shows a taken picture, 拍照 becomes 重拍, which brings the
 * live preview back.
 *
 * A picture from the camera (taken by 拍照 or by the page's auto-capture)
 * is not trusted on one frame: when it reads as a portrait side with a
 * number, newer frames are read until two agree on number and name, or
 * CARD_AGREEMENT_MAX_FRAMES have not, which is "unreadable, please retake".
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-camera-view.h"
#include "caiji-capture-jobs.h"
#include "caiji-card-agreement.h"
#include "caiji-card-slot.h"
#include "caiji-card-tuning.h"
#include "caiji-picture-chooser.h"
#include "caiji-texts.h"

struct _CaijiCardSlot {
  AdwBin                parent_instance;

  CaijiCardSide         side;
  CaijiCameraKeeper    *keeper;
  CaijiCaptureAnalyzer *analyzer;
  GCancellable         *cancellable;   /* of the reading in flight */
  char                 *expected_name; /* the signed-in candidate's */
  gboolean              from_camera;   /* the reading in flight is of a camera frame */
  CaijiCardAgreement   *agreement;     /* the frames read for this picture so far */
  guint64               last_sequence; /* of the last frame read */
  gulong                frame_handler; /* waiting for a newer frame, or 0 */

  GtkLabel             *title_label;
  CaijiCameraView      *view;
  GtkLabel             *state_label;
  GtkButton            *take_button;
  GtkButton            *file_button;
};

G_DEFINE_FINAL_TYPE (CaijiCardSlot, caiji_card_slot, ADW_TYPE_BIN)

enum {
  SIGNAL_CAPTURED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
is_busy (CaijiCardSlot *self)
{
  return self->cancellable != NULL;
}

static void
update_buttons (CaijiCardSlot *self)
{
  gboolean live = caiji_camera_view_is_live (self->view);

  gtk_button_set_label (self->take_button, live ? _("Take photo") : caiji_text (CAIJI_TEXT_RETAKE));
  gtk_widget_set_sensitive (GTK_WIDGET (self->take_button),
                            !is_busy (self) && (!live || caiji_camera_view_is_ready (self->view)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_button), !is_busy (self) && self->analyzer != NULL);
}

static void
set_message (CaijiCardSlot *self,
             const char    *message,
             const char    *css_class)
{
  gtk_label_set_text (self->state_label, message != NULL ? message : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css_class);
}

static void read_frame (CaijiCardSlot *self, CaijiFrame *frame);

static void
stop_waiting_for_frame (CaijiCardSlot *self)
{
  if (self->frame_handler != 0 && self->keeper != NULL)
    g_signal_handler_disconnect (caiji_camera_keeper_get_camera (self->keeper), self->frame_handler);
  self->frame_handler = 0;
}

/* The next frame after the one just read; a frame read twice would agree
 * with itself. */
static void
read_newer_frame (CaijiCardSlot *self)
{
  g_autoptr(CaijiFrame) frame = caiji_camera_get_latest_frame (caiji_camera_keeper_get_camera (self->keeper));

  if (frame != NULL && frame->sequence != self->last_sequence)
    {
      stop_waiting_for_frame (self);
      read_frame (self, frame);
      return;
    }
  if (self->frame_handler == 0)
    self->frame_handler = g_signal_connect_swapped (caiji_camera_keeper_get_camera (self->keeper), "frame-ready",
                                                    G_CALLBACK (read_newer_frame), self);
}

/* TRUE when the reading is ready for the page; FALSE when another frame
 * is being read to confirm it.  Too many frames without agreement keep
 * the side but drop the fields, so the wizard asks for a retake. */
static gboolean
confirmed_by_frames (CaijiCardSlot      *self,
                     CaijiCaptureResult *reading)
{
  if (!self->from_camera || !caiji_card_agreement_needed (reading->reading) ||
      caiji_card_agreement_add (self->agreement, reading->reading))
    return TRUE;
  if (caiji_card_agreement_frames (self->agreement) < CARD_AGREEMENT_MAX_FRAMES)
    {
      self->cancellable = g_cancellable_new ();
      read_newer_frame (self);
      return FALSE;
    }
  g_message ("Card: %u frames read without two agreeing; asking for a retake", CARD_AGREEMENT_MAX_FRAMES);
  caiji_card_reading_free (reading->reading);
  reading->reading = caiji_card_reading_new (CAIJI_CARD_SIDE_FRONT);
  return TRUE;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CaijiCardSlot) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCaptureResult) reading = caiji_capture_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (reading == NULL)
    {
      caiji_card_agreement_clear (self->agreement);
      update_buttons (self);
      set_message (self, error->message, "error");
      return;
    }
  if (reading->unavailable == NULL && !confirmed_by_frames (self, reading))
    return;
  caiji_card_agreement_clear (self->agreement);
  update_buttons (self);
  g_signal_emit (self, signals[SIGNAL_CAPTURED], 0, reading);
}

static void
read_picture (CaijiCardSlot       *self,
              CaijiCaptureRequest *request)
{
  request->wanted = self->side;
  request->expected_name = g_strdup (self->expected_name);
  self->from_camera = request->frame != NULL;
  if (request->frame != NULL)
    self->last_sequence = request->frame->sequence;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_message (self, _("Reading the card…"), NULL);
  caiji_capture_run_async (self->analyzer, request, self->cancellable, read_done_cb, g_object_ref (self));
  update_buttons (self);
}

static void
read_frame (CaijiCardSlot *self,
            CaijiFrame    *frame)
{
  read_picture (self, caiji_capture_request_new_frame (CAIJI_CAPTURE_JOB_CARD, frame));
}

/* Callbacks */

static void
take_clicked_cb (CaijiCardSlot *self)
{
  g_autoptr(CaijiFrame) frame = NULL;

  if (!caiji_camera_view_is_live (self->view))
    {
      caiji_card_slot_reset (self);
      return;
    }
  frame = caiji_camera_get_latest_frame (caiji_camera_keeper_get_camera (self->keeper));
  if (frame != NULL)
    {
      caiji_card_agreement_clear (self->agreement);
      read_frame (self, frame);
    }
}

static void
file_chosen_cb (GtkWidget *owner,
                GFile     *file)
{
  CaijiCardSlot *self = CAIJI_CARD_SLOT (owner);

  if (!is_busy (self))
    {
      caiji_card_agreement_clear (self->agreement);
      read_picture (self, caiji_capture_request_new_file (CAIJI_CAPTURE_JOB_CARD, file));
    }
}

static void
file_clicked_cb (CaijiCardSlot *self)
{
  caiji_picture_chooser_open (GTK_WIDGET (self), gtk_label_get_text (self->title_label), file_chosen_cb);
}

/* GObject */

static void
caiji_card_slot_dispose (GObject *object)
{
  CaijiCardSlot *self = CAIJI_CARD_SLOT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_waiting_for_frame (self);
  g_clear_pointer (&self->agreement, caiji_card_agreement_free);
  g_clear_object (&self->keeper);
  g_clear_object (&self->analyzer);
  g_clear_pointer (&self->expected_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_CARD_SLOT);
  G_OBJECT_CLASS (caiji_card_slot_parent_class)->dispose (object);
}

static void
caiji_card_slot_class_init (CaijiCardSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_card_slot_dispose;

  /* A picture was taken and read: the CaijiCaptureResult, valid during
   * the emission only. */
  signals[SIGNAL_CAPTURED] = g_signal_new ("captured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (CAIJI_TYPE_CAMERA_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-card-slot.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiCardSlot, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardSlot, view);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardSlot, state_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardSlot, take_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiCardSlot, file_button);
  gtk_widget_class_bind_template_callback (widget_class, take_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_clicked_cb);
}

static void
caiji_card_slot_init (CaijiCardSlot *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->agreement = caiji_card_agreement_new ();
  caiji_camera_view_set_guide (self->view, CAIJI_PREVIEW_GUIDE_CARD);
  g_signal_connect_object (self->view, "notify::ready", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  caiji_card_slot_set_side (self, CAIJI_CARD_SIDE_FRONT);
  update_buttons (self);
}

/* Public API */

void
caiji_card_slot_set_side (CaijiCardSlot *self,
                          CaijiCardSide  side)
{
  g_return_if_fail (CAIJI_IS_CARD_SLOT (self));
  g_return_if_fail (side == CAIJI_CARD_SIDE_FRONT || side == CAIJI_CARD_SIDE_BACK);

  self->side = side;
  gtk_label_set_text (self->title_label, side == CAIJI_CARD_SIDE_FRONT ? _("Portrait side")
                                                                       : _("National emblem side"));
}

CaijiCardSide
caiji_card_slot_get_side (CaijiCardSlot *self)
{
  g_return_val_if_fail (CAIJI_IS_CARD_SLOT (self), CAIJI_CARD_SIDE_NONE);
  return self->side;
}

void
caiji_card_slot_set_capture (CaijiCardSlot        *self,
                             CaijiCameraKeeper    *keeper,
                             CaijiCaptureAnalyzer *analyzer)
{
  g_return_if_fail (CAIJI_IS_CARD_SLOT (self));
  g_return_if_fail (self->keeper == NULL);

  self->keeper = g_object_ref (keeper);
  self->analyzer = g_object_ref (analyzer);
  caiji_camera_view_set_keeper (self->view, keeper);
  update_buttons (self);
}

/* The name the card should show: the signed-in candidate's, or NULL. */
void
caiji_card_slot_set_expected_name (CaijiCardSlot *self,
                                   const char    *name)
{
  g_return_if_fail (CAIJI_IS_CARD_SLOT (self));

  g_free (self->expected_name);
  self->expected_name = g_strdup (name);
}

void
caiji_card_slot_set_tip (CaijiCardSlot *self,
                         const char    *tip)
{
  g_return_if_fail (CAIJI_IS_CARD_SLOT (self));
  caiji_camera_view_set_tip (self->view, tip);
}

void
caiji_card_slot_show_still (CaijiCardSlot *self,
                            GdkTexture    *texture,
                            const char    *badge_icon,
                            const char    *message)
{
  g_return_if_fail (CAIJI_IS_CARD_SLOT (self));

  caiji_camera_view_show_still (self->view, texture, badge_icon);
  set_message (self, message, badge_icon == NULL ? NULL
                              : g_str_has_prefix (badge_icon, "emblem-ok") ? "success" : "error");
  update_buttons (self);
}

/* Back to the live preview; a reading still on its way is dropped. */
void
caiji_card_slot_reset (CaijiCardSlot *self)
{
  g_return_if_fail (CAIJI_IS_CARD_SLOT (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_waiting_for_frame (self);
  caiji_card_agreement_clear (self->agreement);
  caiji_camera_view_show_live (self->view);
  set_message (self, NULL, NULL);
  update_buttons (self);
}

/* The page's auto-capture: takes the newest frame as 拍照 would, when the
 * slot shows the live preview and is not reading already.  Returns
 * whether it did. */
gboolean
caiji_card_slot_take_automatically (CaijiCardSlot *self)
{
  g_return_val_if_fail (CAIJI_IS_CARD_SLOT (self), FALSE);

  if (self->analyzer == NULL || is_busy (self) || !caiji_camera_view_is_live (self->view) ||
      !caiji_camera_view_is_ready (self->view))
    return FALSE;
  take_clicked_cb (self);
  return is_busy (self);
}
