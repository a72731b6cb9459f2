/* caiji-preview-guide.c: the card outline or the face box over the preview
 *
 * Drawn in its own widget on top of the GtkPicture, in the picture's
 * coordinates: the frame is scaled to fit (as GtkPicture does), so the
 * outline and the box land where the card and the face are shown.
 */
#include "caiji-config.h"

#include "caiji-preview-guide.h"

/* The resident ID card is ID-1: 85.6 × 54 mm. */
#define CARD_ASPECT (85.6 / 54.0)
#define CARD_FILL 0.78
#define LINE_WIDTH 4.0

struct _CaijiPreviewGuide {
  GtkWidget              parent_instance;

  CaijiPreviewGuideMode  mode;
  guint                  frame_width;
  guint                  frame_height;
  gboolean               live;
  gboolean               has_box;
  graphene_rect_t        box;
};

G_DEFINE_FINAL_TYPE (CaijiPreviewGuide, caiji_preview_guide, GTK_TYPE_WIDGET)

/* Where GtkPicture draws the frame: scaled to fit, centred. */
static gboolean
frame_area (CaijiPreviewGuide *self,
            graphene_rect_t   *area,
            double            *scale)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->frame_width == 0 || self->frame_height == 0 || width <= 0 || height <= 0)
    return FALSE;
  *scale = MIN (width / self->frame_width, height / self->frame_height);
  graphene_rect_init (area, (width - self->frame_width * *scale) / 2,
                      (height - self->frame_height * *scale) / 2,
                      self->frame_width * *scale, self->frame_height * *scale);
  return TRUE;
}

static void
card_outline (const graphene_rect_t *area,
              graphene_rect_t       *outline)
{
  double width = area->size.width * CARD_FILL;
  double height = width / CARD_ASPECT;

  if (height > area->size.height * CARD_FILL)
    {
      height = area->size.height * CARD_FILL;
      width = height * CARD_ASPECT;
    }
  graphene_rect_init (outline, area->origin.x + (area->size.width - width) / 2,
                      area->origin.y + (area->size.height - height) / 2, width, height);
}

static void
draw_frame (GtkSnapshot           *snapshot,
            const graphene_rect_t *rect,
            const GdkRGBA         *color,
            float                  radius)
{
  GskRoundedRect outline;
  const float widths[4] = { LINE_WIDTH, LINE_WIDTH, LINE_WIDTH, LINE_WIDTH };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
caiji_preview_guide_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CaijiPreviewGuide *self = CAIJI_PREVIEW_GUIDE (widget);
  const GdkRGBA white = { 1, 1, 1, 0.9f };
  const GdkRGBA green = { 0.2f, 0.82f, 0.48f, 1 };
  graphene_rect_t area, rect;
  double scale;

  if (!frame_area (self, &area, &scale))
    return;
  if (self->mode == CAIJI_PREVIEW_GUIDE_CARD && self->live)
    {
      card_outline (&area, &rect);
      draw_frame (snapshot, &rect, &white, 18);
    }
  else if (self->mode == CAIJI_PREVIEW_GUIDE_FACE && self->has_box)
    {
      graphene_rect_init (&rect, area.origin.x + self->box.origin.x * scale,
                          area.origin.y + self->box.origin.y * scale,
                          self->box.size.width * scale, self->box.size.height * scale);
      graphene_rect_intersection (&rect, &area, &rect);
      draw_frame (snapshot, &rect, &green, 8);
    }
}

static void
caiji_preview_guide_class_init (CaijiPreviewGuideClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = caiji_preview_guide_snapshot;
}

static void
caiji_preview_guide_init (CaijiPreviewGuide *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

void
caiji_preview_guide_set_mode (CaijiPreviewGuide     *self,
                              CaijiPreviewGuideMode  mode)
{
  g_return_if_fail (CAIJI_IS_PREVIEW_GUIDE (self));
  self->mode = mode;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
caiji_preview_guide_set_frame (CaijiPreviewGuide *self,
                               guint              width,
                               guint              height)
{
  g_return_if_fail (CAIJI_IS_PREVIEW_GUIDE (self));
  if (self->frame_width == width && self->frame_height == height)
    return;
  self->frame_width = width;
  self->frame_height = height;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether a live preview is shown, not a picture that was taken. */
void
caiji_preview_guide_set_live (CaijiPreviewGuide *self,
                              gboolean           live)
{
  g_return_if_fail (CAIJI_IS_PREVIEW_GUIDE (self));
  self->live = live;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* NULL: no face. */
void
caiji_preview_guide_set_face_box (CaijiPreviewGuide     *self,
                                  const graphene_rect_t *box)
{
  g_return_if_fail (CAIJI_IS_PREVIEW_GUIDE (self));
  self->has_box = box != NULL;
  if (box != NULL)
    self->box = *box;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
