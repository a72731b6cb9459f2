/* caiji-frame.h: one picture from the camera, shared without copying
 *
 * Frames are packed BGR (3 bytes a pixel), the layout both OpenCV and
 * GdkMemoryTexture (GDK_MEMORY_B8G8R8) take as is.  A frame is immutable
 * and reference counted, so the preview and a vision worker can hold the
 * same one on different threads.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint    width;
  guint    height;
  gsize    stride;
  GBytes  *bgr;
  guint64  sequence;   /* increases by one per frame from the same camera */
} CaijiFrame;

CaijiFrame *caiji_frame_new   (guint       width,
                               guint       height,
                               gsize       stride,
                               GBytes     *bgr,
                               guint64     sequence);
CaijiFrame *caiji_frame_ref   (CaijiFrame *frame);
void        caiji_frame_unref (CaijiFrame *frame);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiFrame, caiji_frame_unref)

G_END_DECLS
