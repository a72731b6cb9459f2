/* caiji-photo-page.c: step 2, 照片识别: the candidate's standard ID photo
 *
 * 上传个人证件照 opens a picture from a file; "Take It with the Camera"
 * shows the live preview, and 拍照 then takes a still of the newest
 * frame, for candidates who came without a photo.  Either picture is
 * checked on a worker thread (one face, quality) and handed to the wizard,
 * which keeps it or refuses it with the seed's prompt (未识别到人脸 …).
 * Once a photo is kept the upload button reads 重新上传.  下一步 without a
 * photo gets the wizard's 请先上传证件照.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caiji-camera-view.h"
#include "caiji-capture-jobs.h"
#include "caiji-page-dispatch.h"
#include "caiji-photo-page.h"
#include "caiji-picture-chooser.h"
#include "caiji-stepper.h"
#include "caiji-texts.h"

struct _CaijiPhotoPage {
  AdwBin                parent_instance;

  CaijiWizard          *wizard;
  CaijiCaptureAnalyzer *analyzer;
  CaijiCameraKeeper    *keeper;
  GCancellable         *cancellable;   /* of the check in flight */
  double                pending_quality;

  GtkStack             *photo_stack;
  GtkPicture           *photo_picture;
  CaijiCameraView      *camera_view;
  GtkImage             *badge;
  GtkButton            *upload_button;
  GtkButton            *camera_button;
  GtkLabel             *status_label;
  GtkLabel             *tips_title;
  GtkLabel             *error_label;
  GtkButton            *previous_button;
  GtkButton            *next_button;
};

G_DEFINE_FINAL_TYPE (CaijiPhotoPage, caiji_photo_page, ADW_TYPE_BIN)

/* Helpers */

static void
show_status (CaijiPhotoPage *self,
             const char     *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* The preview is up and moving: the camera button takes the still. */
static gboolean
camera_is_live (CaijiPhotoPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->photo_stack), "camera") == 0 &&
         caiji_camera_view_is_live (self->camera_view);
}

static void
update_buttons (CaijiPhotoPage *self)
{
  gboolean checking = self->cancellable != NULL;
  gboolean live = camera_is_live (self);

  gtk_button_set_label (self->camera_button, live ? _("Take photo") : _("Take It with the Camera"));
  /* The highlighted button is the next thing to press. */
  if (live)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->upload_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->camera_button), "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->camera_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->upload_button), "suggested-action");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->upload_button), !checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self->camera_button),
                            !checking && self->keeper != NULL && (!live || caiji_camera_view_is_ready (self->camera_view)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !checking);
}

static void
show_photo (CaijiPhotoPage *self,
            GdkTexture     *texture,
            gboolean        accepted)
{
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->photo_stack, texture != NULL ? "photo" : "empty");
  gtk_image_set_from_icon_name (self->badge, accepted ? "emblem-ok-symbolic" : "action-unavailable-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), texture != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), accepted ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), accepted ? "success" : "error");
  update_buttons (self);
}

static void
wipe (CaijiPhotoPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  show_photo (self, NULL, FALSE);
  show_status (self, NULL);
  caiji_page_show_error (self->error_label, NULL);
}

/* Callbacks */

static void
photo_dispatched_cb (GtkWidget    *page,
                     const GError *error)
{
  CaijiPhotoPage *self = CAIJI_PHOTO_PAGE (page);
  GdkPaintable *photo = gtk_picture_get_paintable (self->photo_picture);
  g_autofree char *quality = NULL;

  show_photo (self, photo != NULL ? GDK_TEXTURE (photo) : NULL, error == NULL);
  if (error != NULL)
    {
      show_status (self, NULL);
      return;
    }
  if (!isnan (self->pending_quality))
    quality = g_strdup_printf (_("Photo accepted. Quality: %.0f%%"), self->pending_quality * 100);
  show_status (self, quality != NULL ? quality : _("Photo accepted."));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CaijiPhotoPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCaptureResult) check = caiji_capture_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  update_buttons (self);
  if (check == NULL)
    {
      caiji_page_show_error (self->error_label, error);
      return;
    }
  show_photo (self, check->texture, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  if (check->unavailable != NULL)
    {
      caiji_page_show_error (self->error_label, check->unavailable);
      return;
    }
  self->pending_quality = check->photo.quality;
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_id_photo (check->photo.faces, check->photo.problem,
                                                        check->photo.quality, check->jpeg),
                       self->error_label, photo_dispatched_cb);
}

/* Takes @request. */
static void
check_picture (CaijiPhotoPage      *self,
               CaijiCaptureRequest *request)
{
  if (self->cancellable != NULL || self->analyzer == NULL)
    {
      caiji_capture_request_free (request);
      return;
    }
  self->cancellable = g_cancellable_new ();
  update_buttons (self);
  caiji_page_show_error (self->error_label, NULL);
  show_status (self, _("Checking the photo…"));
  caiji_capture_run_async (self->analyzer, request, self->cancellable, checked_cb, g_object_ref (self));
}

static void
file_chosen_cb (GtkWidget *owner,
                GFile     *file)
{
  check_picture (CAIJI_PHOTO_PAGE (owner), caiji_capture_request_new_file (CAIJI_CAPTURE_JOB_PHOTO, file));
}

static void
show_live (CaijiPhotoPage *self)
{
  caiji_page_show_error (self->error_label, NULL);
  show_status (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  caiji_camera_view_show_live (self->camera_view);
  gtk_stack_set_visible_child_name (self->photo_stack, "camera");
  update_buttons (self);
}

/* The still stays on screen while it is checked, so the candidate sees
 * what was taken rather than a preview that goes on moving. */
static void
camera_clicked_cb (CaijiPhotoPage *self)
{
  g_autoptr(CaijiFrame) frame = NULL;
  g_autoptr(GdkTexture) still = NULL;

  if (!camera_is_live (self))
    {
      show_live (self);
      return;
    }
  frame = caiji_camera_get_latest_frame (caiji_camera_keeper_get_camera (self->keeper));
  if (frame == NULL)
    return;
  still = caiji_frame_to_texture (frame);
  caiji_camera_view_show_still (self->camera_view, still, NULL);
  check_picture (self, caiji_capture_request_new_frame (CAIJI_CAPTURE_JOB_PHOTO, frame));
}

static void
upload_clicked_cb (CaijiPhotoPage *self)
{
  caiji_picture_chooser_open (GTK_WIDGET (self), caiji_text (CAIJI_TEXT_UPLOAD_ID_PHOTO), file_chosen_cb);
}

static void
dispatch_action (CaijiPhotoPage    *self,
                 CaijiWizardAction  action)
{
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_PHOTO, action),
                       self->error_label, NULL);
}

static void
next_clicked_cb (CaijiPhotoPage *self)
{
  dispatch_action (self, CAIJI_WIZARD_ACTION_NEXT);
}

static void
previous_clicked_cb (CaijiPhotoPage *self)
{
  dispatch_action (self, CAIJI_WIZARD_ACTION_PREVIOUS);
}

static void
wizard_changed_cb (CaijiPhotoPage *self)
{
  gtk_button_set_label (self->upload_button, caiji_wizard_get_photo_button_label (self->wizard));
  if (caiji_wizard_get_candidate (self->wizard) == NULL)
    wipe (self);
}

/* GObject */

static void
caiji_photo_page_dispose (GObject *object)
{
  CaijiPhotoPage *self = CAIJI_PHOTO_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->analyzer);
  g_clear_object (&self->keeper);
  g_clear_object (&self->wizard);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_PHOTO_PAGE);
  G_OBJECT_CLASS (caiji_photo_page_parent_class)->dispose (object);
}

static void
caiji_photo_page_class_init (CaijiPhotoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_photo_page_dispose;

  g_type_ensure (CAIJI_TYPE_STEPPER);
  g_type_ensure (CAIJI_TYPE_CAMERA_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-photo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, camera_view);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, badge);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, upload_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, camera_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, tips_title);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, upload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, camera_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
}

static void
caiji_photo_page_init (CaijiPhotoPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->tips_title, caiji_text (CAIJI_TEXT_KIND_TIPS));
  gtk_button_set_label (self->upload_button, caiji_text (CAIJI_TEXT_UPLOAD_ID_PHOTO));
  gtk_button_set_label (self->previous_button, caiji_text (CAIJI_TEXT_PREVIOUS));
  gtk_button_set_label (self->next_button, caiji_text (CAIJI_TEXT_NEXT));
  caiji_camera_view_set_tip (self->camera_view, _("Look straight at the camera, in front of a plain light wall"));
  g_signal_connect_object (self->camera_view, "notify::ready", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  update_buttons (self);
}

/* Public API */

void
caiji_photo_page_set_wizard (CaijiPhotoPage *self,
                             CaijiWizard    *wizard)
{
  g_return_if_fail (CAIJI_IS_PHOTO_PAGE (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));
  g_return_if_fail (self->wizard == NULL);

  self->wizard = g_object_ref (wizard);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  wizard_changed_cb (self);
}

void
caiji_photo_page_set_capture (CaijiPhotoPage       *self,
                              CaijiCameraKeeper    *keeper,
                              CaijiCaptureAnalyzer *analyzer)
{
  g_return_if_fail (CAIJI_IS_PHOTO_PAGE (self));
  g_return_if_fail (CAIJI_IS_CAMERA_KEEPER (keeper));
  g_return_if_fail (CAIJI_IS_CAPTURE_ANALYZER (analyzer));
  g_return_if_fail (self->keeper == NULL);

  self->keeper = g_object_ref (keeper);
  g_set_object (&self->analyzer, analyzer);
  caiji_camera_view_set_keeper (self->camera_view, keeper);
  update_buttons (self);
}
