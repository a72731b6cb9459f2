/* caiji-result-page.c: the end of the capture: passed, or submitted for review
 *
 * One widget for the seed's two closing pages.  识别通过,完成照片采集 shows
 * 个人证件照 and 人脸照片 side by side; the 提交审核 page shows the photo
 * that went to the operators.  Both say what happens next: 审核, then
 * 缴费 only once approved, in the seed's words for the record's status.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-capture-jobs.h"
#include "caiji-page-dispatch.h"
#include "caiji-result-page.h"
#include "caiji-texts.h"

struct _CaijiResultPage {
  AdwBin        parent_instance;

  CaijiWizard  *wizard;
  gboolean      submitted;
  GCancellable *cancellable;   /* of the pictures being decoded */

  GtkImage     *icon;
  GtkLabel     *title_label;
  GtkPicture   *id_photo_picture;
  GtkLabel     *id_photo_label;
  GtkPicture   *face_picture;
  GtkLabel     *face_label;
  GtkLabel     *status_label;
  GtkLabel     *next_label;
  GtkLabel     *payment_label;
  GtkButton    *home_button;
};

G_DEFINE_FINAL_TYPE (CaijiResultPage, caiji_result_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUBMITTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static CaijiWizardPage
own_page (CaijiResultPage *self)
{
  return self->submitted ? CAIJI_WIZARD_PAGE_SUBMITTED : CAIJI_WIZARD_PAGE_PASSED;
}

static void
set_kind_texts (CaijiResultPage *self)
{
  gtk_image_set_from_icon_name (self->icon, self->submitted ? "mail-send-symbolic" : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), self->submitted ? "success" : "accent");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), self->submitted ? "accent" : "success");
  gtk_label_set_text (self->title_label,
                      self->submitted ? caiji_record_status_display_name (CAIJI_RECORD_PENDING_REVIEW)
                                      : caiji_text (CAIJI_TEXT_FACE_PASSED));
  gtk_label_set_text (self->next_label,
                      self->submitted ? _("Your face photo goes to the exam office for manual review. Once approved it becomes your record photo; if it is not approved you can upload a photo again in the student portal.")
                                      : _("Your photos are captured and go to the exam office for approval."));
}

static void
clear_pictures (CaijiResultPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->id_photo_picture, NULL);
  gtk_picture_set_paintable (self->face_picture, NULL);
}

static void
wipe (CaijiResultPage *self)
{
  clear_pictures (self);
  gtk_label_set_text (self->status_label, "");
  gtk_label_set_text (self->payment_label, "");
}

static void
picture_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = caiji_capture_texture_finish (result, &error);

  if (texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot show a captured picture: %s", error->message);
}

static void
load_picture (CaijiResultPage *self,
              CaijiImageKind   kind,
              GtkPicture      *picture)
{
  GBytes *jpeg = caiji_wizard_get_image (self->wizard, kind);

  if (jpeg != NULL)
    caiji_capture_texture_async (jpeg, self->cancellable, picture_loaded_cb, g_object_ref (picture));
}

static void
show_result (CaijiResultPage *self)
{
  CaijiRecordStatus status = caiji_wizard_get_record_status (self->wizard);

  clear_pictures (self);
  self->cancellable = g_cancellable_new ();
  load_picture (self, CAIJI_IMAGE_ID_PHOTO, self->id_photo_picture);
  load_picture (self, CAIJI_IMAGE_FACE, self->face_picture);
  /* On the 提交审核 page the status is the title already. */
  gtk_label_set_text (self->status_label, caiji_record_status_display_name (status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !self->submitted);
  gtk_label_set_text (self->payment_label, caiji_record_status_payment_text (status));
}

/* Callbacks */

static void
wizard_changed_cb (CaijiResultPage *self)
{
  if (caiji_wizard_get_candidate (self->wizard) == NULL)
    wipe (self);
  else if (caiji_wizard_get_page (self->wizard) == own_page (self))
    show_result (self);
}

static void
home_clicked_cb (CaijiResultPage *self)
{
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_action (own_page (self), CAIJI_WIZARD_ACTION_HOME),
                       NULL, NULL);
}

/* GObject */

static void
caiji_result_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CaijiResultPage *self = CAIJI_RESULT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SUBMITTED:
      self->submitted = g_value_get_boolean (value);
      set_kind_texts (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_result_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SUBMITTED:
      g_value_set_boolean (value, CAIJI_RESULT_PAGE (object)->submitted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_result_page_dispose (GObject *object)
{
  CaijiResultPage *self = CAIJI_RESULT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->wizard);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_RESULT_PAGE);
  G_OBJECT_CLASS (caiji_result_page_parent_class)->dispose (object);
}

static void
caiji_result_page_class_init (CaijiResultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_result_page_dispose;
  object_class->set_property = caiji_result_page_set_property;
  object_class->get_property = caiji_result_page_get_property;

  /* FALSE: 识别通过; TRUE: submitted for review. */
  properties[PROP_SUBMITTED] = g_param_spec_boolean ("submitted", NULL, NULL, FALSE,
                                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-result-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, icon);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, id_photo_picture);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, id_photo_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, face_picture);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, face_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, payment_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiResultPage, home_button);
  gtk_widget_class_bind_template_callback (widget_class, home_clicked_cb);
}

static void
caiji_result_page_init (CaijiResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->id_photo_label, caiji_text (CAIJI_TEXT_ID_PHOTO));
  gtk_label_set_text (self->face_label, caiji_text (CAIJI_TEXT_FACE_PHOTO));
  gtk_button_set_label (self->home_button, caiji_text (CAIJI_TEXT_HOME));
}

/* Public API */

void
caiji_result_page_set_wizard (CaijiResultPage *self,
                              CaijiWizard     *wizard)
{
  g_return_if_fail (CAIJI_IS_RESULT_PAGE (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));
  g_return_if_fail (self->wizard == NULL);

  self->wizard = g_object_ref (wizard);
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  wizard_changed_cb (self);
}
