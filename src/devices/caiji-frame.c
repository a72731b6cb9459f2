/* caiji-frame.c: reference-counted camera frames */
#include "caiji-frame.h"

static void
frame_clear (CaijiFrame *frame)
{
  g_bytes_unref (frame->bgr);
}

CaijiFrame *
caiji_frame_new (guint    width,
                 guint    height,
                 gsize    stride,
                 GBytes  *bgr,
                 guint64  sequence)
{
  CaijiFrame *frame;

  g_return_val_if_fail (bgr != NULL, NULL);
  g_return_val_if_fail (g_bytes_get_size (bgr) >= stride * height, NULL);

  frame = g_atomic_rc_box_new0 (CaijiFrame);
  frame->width = width;
  frame->height = height;
  frame->stride = stride;
  frame->bgr = g_bytes_ref (bgr);
  frame->sequence = sequence;
  return frame;
}

CaijiFrame *
caiji_frame_ref (CaijiFrame *frame)
{
  return g_atomic_rc_box_acquire (frame);
}

void
caiji_frame_unref (CaijiFrame *frame)
{
  g_atomic_rc_box_release_full (frame, (GDestroyNotify) frame_clear);
}
