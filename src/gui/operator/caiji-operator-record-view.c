/* caiji-operator-record-view.c: one record as an operator reviews it
 *
 * Everything the decision rests on, on one screen: who (roster name,
 * 学号, masked ID number), what the card said, the face comparison and
 * the candidate's correction note, and the four pictures side by side.
 * ID numbers stay masked: the pictures already show the card.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caiji-id-number.h"
#include "caiji-operator-record-view.h"
#include "caiji-texts.h"

#define PICTURE_HEIGHT 200

struct _CaijiOperatorRecordView {
  AdwBin      parent_instance;

  GtkLabel   *name_label;
  GtkLabel   *status_label;
  GtkLabel   *student_no_value;
  GtkLabel   *id_number_value;
  GtkLabel   *card_value;
  GtkLabel   *face_value;
  AdwActionRow *note_row;
  GtkLabel   *note_value;
  AdwActionRow *reason_row;
  GtkLabel   *reason_value;
  GtkGrid    *image_grid;

  const char *status_class;
  GtkPicture *pictures[CAIJI_IMAGE_N_KINDS];
  GtkLabel   *placeholders[CAIJI_IMAGE_N_KINDS];
};

G_DEFINE_FINAL_TYPE (CaijiOperatorRecordView, caiji_operator_record_view, ADW_TYPE_BIN)

/* Helpers */

static const char *
image_caption (CaijiImageKind kind)
{
  switch (kind)
    {
    case CAIJI_IMAGE_CARD_FRONT:
      return _("ID card, portrait side");
    case CAIJI_IMAGE_CARD_BACK:
      return _("ID card, national emblem side");
    case CAIJI_IMAGE_ID_PHOTO:
      return caiji_text (CAIJI_TEXT_ID_PHOTO);
    case CAIJI_IMAGE_FACE:
    case CAIJI_IMAGE_N_KINDS:
    default:
      return caiji_text (CAIJI_TEXT_FACE_PHOTO);
    }
}

static void
add_image_slot (CaijiOperatorRecordView *self,
                CaijiImageKind           kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *frame = gtk_scrolled_window_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *placeholder = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (image_caption (kind));

  /* A portrait photo and a landscape card get the same height: a picture
   * asks for the height its width implies, so the slot is a scrolled
   * window of fixed height that never scrolls, and the picture scales
   * down into it. */
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (frame), GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (frame), PICTURE_HEIGHT);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (frame), PICTURE_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (frame), picture);
  gtk_widget_add_css_class (overlay, "operator-picture");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), frame);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), placeholder);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_box_append (GTK_BOX (box), overlay);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_grid_attach (self->image_grid, box, kind, 0, 1, 1);

  self->pictures[kind] = GTK_PICTURE (picture);
  self->placeholders[kind] = GTK_LABEL (placeholder);
}

static char *
describe_face (const CaijiRecord *record)
{
  if (isnan (record->face_score))
    return g_strdup (_("No automatic comparison ran"));
  return g_strdup_printf (record->face_score >= record->face_threshold
                            ? _("Score %.2f, threshold %.2f: passed")
                            : _("Score %.2f, threshold %.2f: not passed"),
                          record->face_score, record->face_threshold);
}

static char *
describe_card (const CaijiRecord *record)
{
  g_autofree char *masked = NULL;

  if (record->card_name == NULL && record->card_id_number == NULL)
    return g_strdup (_("Not read"));
  masked = record->card_id_number != NULL ? caiji_id_number_mask (record->card_id_number)
                                          : g_strdup ("");
  return g_strdup_printf ("%s  %s", record->card_name != NULL ? record->card_name : "", masked);
}

static void
show_optional (AdwActionRow *row,
               GtkLabel     *value,
               const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL && text[0] != '\0');
  gtk_label_set_text (value, text != NULL ? text : "");
}

/* GObject */

static void
caiji_operator_record_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAIJI_TYPE_OPERATOR_RECORD_VIEW);

  G_OBJECT_CLASS (caiji_operator_record_view_parent_class)->dispose (object);
}

static void
caiji_operator_record_view_class_init (CaijiOperatorRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_record_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-record-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, name_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, student_no_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, id_number_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, card_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, face_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, note_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, note_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, reason_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordView, image_grid);
}

static void
caiji_operator_record_view_init (CaijiOperatorRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    add_image_slot (self, kind);
  caiji_operator_record_view_set_textures (self, NULL);
}

/* Public API */

void
caiji_operator_record_view_set_entry (CaijiOperatorRecordView  *self,
                                      const CaijiOperatorEntry *entry)
{
  const CaijiRecord *record;
  g_autofree char *masked = NULL;
  g_autofree char *card = NULL;
  g_autofree char *face = NULL;

  g_return_if_fail (CAIJI_IS_OPERATOR_RECORD_VIEW (self));
  g_return_if_fail (entry != NULL);

  record = entry->record;
  masked = caiji_id_number_mask (record->id_number);
  card = describe_card (record);
  face = describe_face (record);
  gtk_label_set_text (self->name_label, entry->name);
  gtk_label_set_text (self->status_label, caiji_record_status_display_name (record->status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  self->status_class = caiji_record_status_to_string (record->status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
  gtk_label_set_text (self->student_no_value, record->student_no);
  gtk_label_set_text (self->id_number_value, masked);
  gtk_label_set_text (self->card_value, card);
  gtk_label_set_text (self->face_value, face);
  show_optional (self->note_row, self->note_value, record->correction_note);
  show_optional (self->reason_row, self->reason_value, record->reject_reason);
}

void
caiji_operator_record_view_set_textures (CaijiOperatorRecordView *self,
                                         GPtrArray               *textures)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_RECORD_VIEW (self));
  g_return_if_fail (textures == NULL || textures->len == CAIJI_IMAGE_N_KINDS);

  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    {
      GdkPaintable *texture = textures != NULL ? g_ptr_array_index (textures, kind) : NULL;

      gtk_picture_set_paintable (self->pictures[kind], texture);
      gtk_label_set_text (self->placeholders[kind],
                          textures == NULL ? _("Loading…") : _("No picture"));
      gtk_widget_set_visible (GTK_WIDGET (self->placeholders[kind]), texture == NULL);
    }
}
