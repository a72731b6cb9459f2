/* caiji-preview-guide.h: what is drawn over the live preview */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CAIJI_PREVIEW_GUIDE_NONE,
  CAIJI_PREVIEW_GUIDE_CARD,   /* where to hold the ID card */
  CAIJI_PREVIEW_GUIDE_FACE,   /* the face the detector found */
} CaijiPreviewGuideMode;

#define CAIJI_TYPE_PREVIEW_GUIDE (caiji_preview_guide_get_type ())
G_DECLARE_FINAL_TYPE (CaijiPreviewGuide, caiji_preview_guide, CAIJI, PREVIEW_GUIDE, GtkWidget)

void caiji_preview_guide_set_mode     (CaijiPreviewGuide     *self,
                                       CaijiPreviewGuideMode  mode);
void caiji_preview_guide_set_live     (CaijiPreviewGuide     *self,
                                       gboolean               live);
void caiji_preview_guide_set_frame    (CaijiPreviewGuide     *self,
                                       guint                  width,
                                       guint                  height);
void caiji_preview_guide_set_face_box (CaijiPreviewGuide     *self,
                                       const graphene_rect_t *box);

G_END_DECLS
