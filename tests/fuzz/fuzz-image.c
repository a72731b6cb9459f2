/* fuzz-image.c: libFuzzer target for the picture entry point: header
 * probe, limits, then OpenCV's decoder on what passes. */
#include "caiji-image.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(GError) error = NULL;

  image = caiji_image_decode (bytes, &error);
  g_assert ((image == NULL) == (error != NULL));
  if (image != NULL)
    g_assert (caiji_image_get_width (image) >= CAIJI_IMAGE_MIN_SIDE);
  return 0;
}
