/* caiji-photo-page.c: step 2, 照片识别: the candidate's standard ID photo
 *
 * 上传个人证件照 opens a picture from a file; it is checked on a worker
 * thread (one face, quality) and handed to the wizard, which keeps it or
 * refuses it with the seed's prompt (未识别到人脸 …).  Once a photo is
 * kept the button reads 重新上传.  下一步 without a photo gets the
 * wizard's 请先上传证件照.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>

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
  GCancellable         *cancellable;   /* of the check in flight */
  double                pending_quality;

  GtkStack             *photo_stack;
  GtkPicture           *photo_picture;
  GtkImage             *badge;
  GtkButton            *upload_button;
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
}

static void
set_checking (CaijiPhotoPage *self,
              gboolean        checking)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->upload_button), !checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !checking);
}

static void
wipe (CaijiPhotoPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_checking (self, FALSE);
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
  set_checking (self, FALSE);
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

static void
file_chosen_cb (GtkWidget *owner,
                GFile     *file)
{
  CaijiPhotoPage *self = CAIJI_PHOTO_PAGE (owner);

  if (self->cancellable != NULL || self->analyzer == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  set_checking (self, TRUE);
  caiji_page_show_error (self->error_label, NULL);
  show_status (self, _("Checking the photo…"));
  caiji_capture_run_async (self->analyzer, caiji_capture_request_new_file (CAIJI_CAPTURE_JOB_PHOTO, file),
                           self->cancellable, checked_cb, g_object_ref (self));
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
  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-photo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, badge);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, upload_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, tips_title);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiPhotoPage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, upload_clicked_cb);
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
caiji_photo_page_set_analyzer (CaijiPhotoPage       *self,
                               CaijiCaptureAnalyzer *analyzer)
{
  g_return_if_fail (CAIJI_IS_PHOTO_PAGE (self));
  g_return_if_fail (CAIJI_IS_CAPTURE_ANALYZER (analyzer));
  g_set_object (&self->analyzer, analyzer);
}
