/* test-image.c: pictures from outside are decoded only within limits */
#include <glib.h>
#include <string.h>

#include "caiji-image.h"

static GBytes *
encode_gradient (guint width,
                 guint height)
{
  g_autofree guint8 *pixels = g_malloc (width * height * 3);
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *jpeg;

  for (guint i = 0; i < width * height * 3; i++)
    pixels[i] = (guint8) (i % 251);
  image = caiji_image_new_bgr (width, height, pixels, width * 3);
  jpeg = caiji_image_encode_jpeg (image, 90, &error);
  g_assert_no_error (error);
  return jpeg;
}

static void
assert_refused (const guint8 *data,
                gsize         size,
                int           code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) image = caiji_image_decode (bytes, &error);

  g_assert_null (image);
  g_assert_error (error, CAIJI_IMAGE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_round_trip (void)
{
  g_autoptr(GBytes) jpeg = encode_gradient (320, 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) image = caiji_image_decode (jpeg, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (caiji_image_get_width (image), ==, 320);
  g_assert_cmpuint (caiji_image_get_height (image), ==, 200);
}

/* Found by fuzz-image: a tiny PNG whose text chunk declares ~1 GB made
 * libpng allocate that much before noticing the file ends. */
static void
test_png_chunk_longer_than_file (void)
{
  guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                   0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0, 0, 0, 0, 0,
                   0x3A, 0x2F, 0, 0, 't', 'E', 'X', 't', 'd', 'a', 't', 'e', 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  guint width, height;
  CaijiImageFormat format;

  g_assert_false (caiji_image_probe (png, sizeof png, &format, &width, &height, &error));
  g_assert_error (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_CORRUPT);
  assert_refused (png, sizeof png, CAIJI_IMAGE_ERROR_CORRUPT);
}

static void
test_png_bomb_refused_before_decoding (void)
{
  /* A valid PNG signature and IHDR claiming 60000×60000 pixels. */
  guint8 png[33] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                     0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60, 8, 2, 0, 0, 0 };

  assert_refused (png, sizeof png, CAIJI_IMAGE_ERROR_TOO_LARGE);
}

static void
test_jpeg_bomb_refused_before_decoding (void)
{
  g_autoptr(GBytes) jpeg = encode_gradient (64, 48);
  gsize size;
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (jpeg, &size), g_bytes_get_size (jpeg));

  for (gsize i = 2; i + 9 < size; i++)
    if (data[i] == 0xFF && data[i + 1] == 0xC0)
      {
        data[i + 5] = 0xFF;   /* height 65535 */
        data[i + 7] = 0xFF;   /* width 65535 */
        break;
      }
  assert_refused (data, size, CAIJI_IMAGE_ERROR_TOO_LARGE);
}

static void
test_truncated_and_garbage (void)
{
  g_autoptr(GBytes) jpeg = encode_gradient (128, 96);
  const guint8 *data = g_bytes_get_data (jpeg, NULL);
  guint8 garbage[512];

  assert_refused (data, 40, CAIJI_IMAGE_ERROR_CORRUPT);
  assert_refused (data, g_bytes_get_size (jpeg) / 2, CAIJI_IMAGE_ERROR_CORRUPT);
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8) (i * 7 + 3);
  assert_refused (garbage, sizeof garbage, CAIJI_IMAGE_ERROR_UNSUPPORTED);
  assert_refused ((const guint8 *) "", 0, CAIJI_IMAGE_ERROR_UNSUPPORTED);
  assert_refused ((const guint8 *) "\xFF\xD8\xFF", 3, CAIJI_IMAGE_ERROR_UNSUPPORTED);
}

static void
test_too_small (void)
{
  g_autoptr(GBytes) jpeg = encode_gradient (8, 8);

  assert_refused (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), CAIJI_IMAGE_ERROR_TOO_SMALL);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) image = caiji_image_load ("/nonexistent/card.jpg", &error);

  g_assert_null (image);
  g_assert_error (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image/round-trip", test_round_trip);
  g_test_add_func ("/image/png-bomb-refused-before-decoding", test_png_bomb_refused_before_decoding);
  g_test_add_func ("/image/png-chunk-longer-than-file", test_png_chunk_longer_than_file);
  g_test_add_func ("/image/jpeg-bomb-refused-before-decoding", test_jpeg_bomb_refused_before_decoding);
  g_test_add_func ("/image/truncated-and-garbage", test_truncated_and_garbage);
  g_test_add_func ("/image/too-small", test_too_small);
  g_test_add_func ("/image/missing-file", test_missing_file);

  return g_test_run ();
}
