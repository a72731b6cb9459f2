/* caiji-camera-view.c: the live preview, or the picture that was taken
 *
 * While it shows the live preview and is on screen, the view holds the
 * camera (so the camera runs only when someone can see it) and shows
 * each newest frame; frames that arrive faster than the screen redraws
 * replace each other.  When the camera fails it shows the keeper's
 * message instead, and the preview comes back by itself.
 */
#include "caiji-config.h"

#include "caiji-camera-view.h"
#include "caiji-capture-jobs.h"

struct _CaijiCameraView {
  AdwBin             parent_instance;

  CaijiCameraKeeper *keeper;
  gboolean           live;
  gboolean           holding;
  gboolean           has_frame;

  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkPicture        *live_picture;
  CaijiPreviewGuide *guide;
  GtkLabel          *tip_label;
  GtkPicture        *still_picture;
  GtkImage          *badge;
  GtkLabel          *problem_label;
};

G_DEFINE_FINAL_TYPE (CaijiCameraView, caiji_camera_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static const char *
problem (CaijiCameraView *self)
{
  return self->keeper != NULL ? caiji_camera_keeper_get_problem (self->keeper) : NULL;
}

static void
update_visible (CaijiCameraView *self)
{
  const char *name;

  if (!self->live)
    name = "still";
  else if (problem (self) != NULL)
    name = "problem";
  else if (!self->has_frame)
    name = "waiting";
  else
    name = "live";
  gtk_stack_set_visible_child_name (self->stack, name);
  /* The card outline guides a live picture only; a face box also marks
   * the face on the still that 检测人脸图像如图 shows. */
  gtk_widget_set_visible (GTK_WIDGET (self->guide), g_str_equal (name, "live") || g_str_equal (name, "still"));
  caiji_preview_guide_set_live (self->guide, self->live);
  gtk_widget_set_visible (GTK_WIDGET (self->tip_label),
                          g_str_equal (name, "live") && gtk_label_get_text (self->tip_label)[0] != '\0');
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "waiting"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* Hold the camera exactly while a live preview is on screen. */
static void
update_hold (CaijiCameraView *self)
{
  gboolean want = self->keeper != NULL && self->live && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (want == self->holding)
    return;
  self->holding = want;
  if (want)
    caiji_camera_keeper_hold (self->keeper);
  else
    caiji_camera_keeper_release (self->keeper);
}

/* Callbacks */

static void
frame_ready_cb (CaijiCameraView *self)
{
  g_autoptr(CaijiFrame) frame = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (!self->holding)
    return;
  frame = caiji_camera_get_latest_frame (caiji_camera_keeper_get_camera (self->keeper));
  if (frame == NULL)
    return;
  texture = caiji_frame_to_texture (frame);
  gtk_picture_set_paintable (self->live_picture, GDK_PAINTABLE (texture));
  caiji_preview_guide_set_frame (self->guide, frame->width, frame->height);
  if (!self->has_frame)
    {
      self->has_frame = TRUE;
      update_visible (self);
    }
}

static void
problem_changed_cb (CaijiCameraView *self)
{
  const char *text = problem (self);

  gtk_label_set_text (self->problem_label, text != NULL ? text : "");
  /* After a failure the first picture must come from the camera again. */
  if (text != NULL)
    self->has_frame = FALSE;
  update_visible (self);
}

static void
mapped_changed_cb (CaijiCameraView *self)
{
  update_hold (self);
}

/* GObject */

static void
caiji_camera_view_dispose (GObject *object)
{
  CaijiCameraView *self = CAIJI_CAMERA_VIEW (object);

  if (self->holding)
    caiji_camera_keeper_release (self->keeper);
  self->holding = FALSE;
  if (self->keeper != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->keeper, self);
      g_signal_handlers_disconnect_by_data (caiji_camera_keeper_get_camera (self->keeper), self);
    }
  g_clear_object (&self->keeper);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_CAMERA_VIEW);
  G_OBJECT_CLASS (caiji_camera_view_parent_class)->dispose (object);
}

static void
caiji_camera_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, caiji_camera_view_is_ready (CAIJI_CAMERA_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_camera_view_class_init (CaijiCameraViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_camera_view_dispose;
  object_class->get_property = caiji_camera_view_get_property;

  /* A live frame is on screen: a still can be taken. */
  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CAIJI_TYPE_PREVIEW_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-camera-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiCameraView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CaijiCameraView, live_picture);
  gtk_widget_class_bind_template_child (widget_class, CaijiCameraView, guide);
  gtk_widget_class_bind_template_child (widget_class, CaijiCameraView, tip_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiCameraView, still_picture);
  gtk_widget_class_bind_template_child (widget_class, CaijiCameraView, badge);
  gtk_widget_class_bind_template_child (widget_class, CaijiCameraView, problem_label);
}

static void
caiji_camera_view_init (CaijiCameraView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound from the template: AdwBin unparents its child itself. */
  self->stack = GTK_STACK (gtk_overlay_get_child (GTK_OVERLAY (adw_bin_get_child (ADW_BIN (self)))));
  self->live = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (mapped_changed_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (mapped_changed_cb), NULL);
  update_visible (self);
}

/* Public API */

void
caiji_camera_view_set_keeper (CaijiCameraView   *self,
                              CaijiCameraKeeper *keeper)
{
  g_return_if_fail (CAIJI_IS_CAMERA_VIEW (self));
  g_return_if_fail (CAIJI_IS_CAMERA_KEEPER (keeper));
  g_return_if_fail (self->keeper == NULL);

  self->keeper = g_object_ref (keeper);
  g_signal_connect_object (keeper, "notify::problem", G_CALLBACK (problem_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (caiji_camera_keeper_get_camera (keeper), "frame-ready",
                           G_CALLBACK (frame_ready_cb), self, G_CONNECT_SWAPPED);
  problem_changed_cb (self);
  update_hold (self);
}

void
caiji_camera_view_set_guide (CaijiCameraView       *self,
                             CaijiPreviewGuideMode  mode)
{
  g_return_if_fail (CAIJI_IS_CAMERA_VIEW (self));
  caiji_preview_guide_set_mode (self->guide, mode);
}

/* NULL hides the tip. */
void
caiji_camera_view_set_tip (CaijiCameraView *self,
                           const char      *tip)
{
  g_return_if_fail (CAIJI_IS_CAMERA_VIEW (self));
  gtk_label_set_text (self->tip_label, tip != NULL ? tip : "");
  update_visible (self);
}

void
caiji_camera_view_set_face_box (CaijiCameraView       *self,
                                const graphene_rect_t *box,
                                guint                  frame_width,
                                guint                  frame_height)
{
  g_return_if_fail (CAIJI_IS_CAMERA_VIEW (self));
  caiji_preview_guide_set_frame (self->guide, frame_width, frame_height);
  caiji_preview_guide_set_face_box (self->guide, box);
}

void
caiji_camera_view_show_live (CaijiCameraView *self)
{
  g_return_if_fail (CAIJI_IS_CAMERA_VIEW (self));

  self->live = TRUE;
  gtk_picture_set_paintable (self->still_picture, NULL);
  caiji_preview_guide_set_face_box (self->guide, NULL);
  update_hold (self);
  update_visible (self);
}

/* badge_icon: NULL for none. */
void
caiji_camera_view_show_still (CaijiCameraView *self,
                              GdkTexture      *texture,
                              const char      *badge_icon)
{
  g_return_if_fail (CAIJI_IS_CAMERA_VIEW (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  self->live = FALSE;
  gtk_picture_set_paintable (self->still_picture, GDK_PAINTABLE (texture));
  gtk_image_set_from_icon_name (self->badge, badge_icon);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), badge_icon != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "error");
  if (badge_icon != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge),
                              g_str_has_prefix (badge_icon, "emblem-ok") ? "success" : "error");
  update_hold (self);
  update_visible (self);
}

gboolean
caiji_camera_view_is_live (CaijiCameraView *self)
{
  g_return_val_if_fail (CAIJI_IS_CAMERA_VIEW (self), FALSE);
  return self->live;
}

gboolean
caiji_camera_view_is_ready (CaijiCameraView *self)
{
  g_return_val_if_fail (CAIJI_IS_CAMERA_VIEW (self), FALSE);
  return self->live && self->has_frame && problem (self) == NULL;
}

/* NULL while live. */
GdkPaintable *
caiji_camera_view_get_still (CaijiCameraView *self)
{
  g_return_val_if_fail (CAIJI_IS_CAMERA_VIEW (self), NULL);
  return self->live ? NULL : gtk_picture_get_paintable (self->still_picture);
}
