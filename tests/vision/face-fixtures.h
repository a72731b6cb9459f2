/* face-fixtures.h: the shared test faces and synthetic pictures, for the face tests and benchmark */
#pragma once

#include <glib.h>

#include "caiji-face.h"

G_BEGIN_DECLS

/* One photo of ../shared/testdata/faces/<identity>/. */
typedef struct {
  char       *identity;
  char       *name;       /* "obama/obama_1.jpg" */
  CaijiImage *image;
} FacePhoto;

gboolean    face_fixtures_available     (void);
GPtrArray  *face_fixtures_load_photos   (void);
GPtrArray  *face_fixtures_load_folder   (const char *folder);
void        face_photo_free             (FacePhoto  *photo);

CaijiImage *face_fixtures_noise         (guint       width,
                                         guint       height,
                                         guint32     seed);
CaijiImage *face_fixtures_gradient      (guint       width,
                                         guint       height);
CaijiImage *face_fixtures_digits        (guint       width,
                                         guint       height,
                                         const char *text);
CaijiImage *face_fixtures_box_blur      (const CaijiImage *image,
                                         guint             radius);
CaijiImage *face_fixtures_darken        (const CaijiImage *image,
                                         double            factor);
CaijiImage *face_fixtures_shrink        (const CaijiImage *image,
                                         guint             factor);
CaijiImage *face_fixtures_rotate        (const CaijiImage *image,
                                         double            degrees);
double      face_fixtures_sort_and_mean (GArray     *values);
CaijiImage *face_fixtures_letterbox     (const CaijiImage *image,
                                         guint             width,
                                         guint             height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacePhoto, face_photo_free)

G_END_DECLS
