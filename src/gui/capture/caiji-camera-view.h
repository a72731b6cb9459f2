/* caiji-camera-view.h: the live preview, or the picture that was taken */
#pragma once

#include <adwaita.h>

#include "caiji-camera-keeper.h"
#include "caiji-preview-guide.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_CAMERA_VIEW (caiji_camera_view_get_type ())
G_DECLARE_FINAL_TYPE (CaijiCameraView, caiji_camera_view, CAIJI, CAMERA_VIEW, AdwBin)

void        caiji_camera_view_set_keeper   (CaijiCameraView       *self,
                                            CaijiCameraKeeper     *keeper);
void        caiji_camera_view_set_guide    (CaijiCameraView       *self,
                                            CaijiPreviewGuideMode  mode);
void        caiji_camera_view_set_tip      (CaijiCameraView       *self,
                                            const char            *tip);
void        caiji_camera_view_set_face_box (CaijiCameraView       *self,
                                            const graphene_rect_t *box,
                                            guint                  frame_width,
                                            guint                  frame_height);
void        caiji_camera_view_show_live    (CaijiCameraView       *self);
void        caiji_camera_view_show_still   (CaijiCameraView       *self,
                                            GdkTexture            *texture,
                                            const char            *badge_icon);
gboolean    caiji_camera_view_is_live      (CaijiCameraView       *self);
gboolean    caiji_camera_view_is_ready     (CaijiCameraView       *self);
GdkPaintable *caiji_camera_view_get_still  (CaijiCameraView       *self);

G_END_DECLS
