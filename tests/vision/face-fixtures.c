/* face-fixtures.c: the shared test faces and synthetic pictures
 *
 * Real faces are read from ../shared/testdata/faces (never copied into the
 * repository); everything else is drawn here, so the tests need no tool
 * but the code under test.
 */
#include <math.h>
#include <string.h>

#include "caiji-models.h"
#include "face-fixtures.h"

#define FACES_DIR "testdata/faces"
#define CHANNELS 3

static char *
faces_dir (void)
{
  const char *shared = g_getenv ("CAIJI_SHARED_DIR");

  if (shared == NULL || shared[0] == '\0')
    return NULL;
  return g_build_filename (shared, FACES_DIR, NULL);
}

/* FALSE (and the test should skip) when the shared faces or the models are
 * not installed; a model that is installed but damaged fails the test. */
gboolean
face_fixtures_available (void)
{
  g_autofree char *dir = faces_dir ();
  g_autoptr(GError) error = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared test faces are not installed (CAIJI_SHARED_DIR)");
      return FALSE;
    }
  if (!caiji_face_models_load (&error) && g_error_matches (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MISSING))
    {
      g_test_skip (error->message);
      return FALSE;
    }
  g_assert_no_error (error);
  return TRUE;
}

void
face_photo_free (FacePhoto *photo)
{
  g_free (photo->identity);
  g_free (photo->name);
  caiji_image_free (photo->image);
  g_free (photo);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
sorted_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
add_folder (GPtrArray  *photos,
            const char *root,
            const char *folder)
{
  g_autofree char *dir = g_build_filename (root, folder, NULL);
  g_autoptr(GPtrArray) files = sorted_entries (dir);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, files->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      FacePhoto *photo = g_new0 (FacePhoto, 1);

      photo->identity = g_strdup (folder);
      photo->name = g_strdup_printf ("%s/%s", folder, (char *) files->pdata[i]);
      photo->image = caiji_image_load (path, &error);
      g_assert_no_error (error);
      g_ptr_array_add (photos, photo);
    }
}

/* Every photo of one folder of the shared faces, in name order. */
GPtrArray *
face_fixtures_load_folder (const char *folder)
{
  g_autofree char *root = faces_dir ();
  GPtrArray *photos = g_ptr_array_new_with_free_func ((GDestroyNotify) face_photo_free);

  add_folder (photos, root, folder);
  return photos;
}

/* Every single-identity photo: all folders but multi/ and partial/, whose
 * pictures hold several or cut-off faces. */
GPtrArray *
face_fixtures_load_photos (void)
{
  g_autofree char *root = faces_dir ();
  g_autoptr(GPtrArray) folders = sorted_entries (root);
  GPtrArray *photos = g_ptr_array_new_with_free_func ((GDestroyNotify) face_photo_free);

  for (guint i = 0; i < folders->len; i++)
    {
      const char *folder = folders->pdata[i];
      g_autofree char *path = g_build_filename (root, folder, NULL);

      if (g_str_equal (folder, "multi") || g_str_equal (folder, "partial") ||
          !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      add_folder (photos, root, folder);
    }
  return photos;
}

static CaijiImage *
image_from_pixels (guint   width,
                   guint   height,
                   guint8 *pixels)
{
  CaijiImage *image = caiji_image_new_bgr (width, height, pixels, (gsize) width * CHANNELS);

  g_free (pixels);
  return image;
}

CaijiImage *
face_fixtures_noise (guint   width,
                     guint   height,
                     guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gsize size = (gsize) width * height * CHANNELS;
  guint8 *pixels = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    pixels[i] = (guint8) g_rand_int_range (rand, 0, 256);
  return image_from_pixels (width, height, pixels);
}

/* A diagonal colour ramp, smooth like a plain wall behind a candidate. */
CaijiImage *
face_fixtures_gradient (guint width,
                        guint height)
{
  guint8 *pixels = g_malloc ((gsize) width * height * CHANNELS);

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *p = pixels + ((gsize) y * width + x) * CHANNELS;

        p[0] = (guint8) (255 * x / width);
        p[1] = (guint8) (255 * y / height);
        p[2] = (guint8) (255 * (x + y) / (width + height));
      }
  return image_from_pixels (width, height, pixels);
}

/* 5×7 digit glyphs, one byte a row, the low five bits left to right. */
static const guint8 DIGITS[10][7] = {
  { 0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E },
  { 0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E },
  { 0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F },
  { 0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E },
  { 0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02 },
  { 0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E },
  { 0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E },
  { 0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08 },
  { 0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E },
  { 0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C },
};
#define GLYPH_SCALE 4
#define GLYPH_ADVANCE (6 * GLYPH_SCALE)
#define LINE_ADVANCE (10 * GLYPH_SCALE)

static void
draw_digit (guint8 *pixels,
            guint   width,
            guint   height,
            guint   left,
            guint   top,
            int     digit)
{
  for (guint row = 0; row < 7 * GLYPH_SCALE; row++)
    for (guint col = 0; col < 5 * GLYPH_SCALE; col++)
      {
        guint x = left + col, y = top + row;

        if (x < width && y < height && (DIGITS[digit][row / GLYPH_SCALE] >> (4 - col / GLYPH_SCALE)) & 1)
          memset (pixels + ((gsize) y * width + x) * CHANNELS, 0, CHANNELS);
      }
}

/* Lines of dark digits on white, like the printed side of a document. */
CaijiImage *
face_fixtures_digits (guint       width,
                      guint       height,
                      const char *text)
{
  guint8 *pixels = g_malloc ((gsize) width * height * CHANNELS);
  guint left = GLYPH_SCALE * 4, top = GLYPH_SCALE * 4;

  memset (pixels, 0xF0, (gsize) width * height * CHANNELS);
  for (guint line = 0; top + line * LINE_ADVANCE < height; line++)
    for (guint i = 0; text[i] != '\0'; i++)
      if (g_ascii_isdigit (text[i]))
        draw_digit (pixels, width, height, left + i * GLYPH_ADVANCE, top + line * LINE_ADVANCE,
                    (text[i] - '0' + line) % 10);
  return image_from_pixels (width, height, pixels);
}

/* One box-blur pass along @lines lines of @length pixels; @line_step and
 * @pixel_step are in floats. */
static void
box_pass (const float *in,
          float       *out,
          guint        lines,
          guint        length,
          gsize        line_step,
          gsize        pixel_step,
          guint        radius)
{
  for (guint line = 0; line < lines; line++)
    for (guint i = 0; i < length; i++)
      for (guint c = 0; c < CHANNELS; c++)
        {
          guint from = i > radius ? i - radius : 0, to = MIN (length - 1, i + radius);
          float sum = 0;

          for (guint j = from; j <= to; j++)
            sum += in[line * line_step + j * pixel_step + c];
          out[line * line_step + i * pixel_step + c] = sum / (to - from + 1);
        }
}

/* A separable box blur: along the rows, then along the columns. */
CaijiImage *
face_fixtures_box_blur (const CaijiImage *image,
                        guint             radius)
{
  guint width = caiji_image_get_width (image), height = caiji_image_get_height (image);
  gsize stride, row = (gsize) width * CHANNELS, size = row * height;
  const guint8 *source = caiji_image_get_pixels (image, &stride);
  g_autofree float *plane = g_new (float, size);
  g_autofree float *blurred = g_new (float, size);
  guint8 *pixels = g_malloc (size);

  for (guint y = 0; y < height; y++)
    for (gsize i = 0; i < row; i++)
      plane[y * row + i] = source[y * stride + i];
  box_pass (plane, blurred, height, width, row, CHANNELS, radius);
  box_pass (blurred, plane, width, height, CHANNELS, row, radius);
  for (gsize i = 0; i < size; i++)
    pixels[i] = (guint8) (plane[i] + 0.5f);
  return image_from_pixels (width, height, pixels);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values (doubles) and returns their mean, for printing
 * distributions: min, median and max are then at hand. */
double
face_fixtures_sort_and_mean (GArray *values)
{
  double sum = 0;

  g_array_sort (values, compare_doubles);
  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  return values->len > 0 ? sum / values->len : 0;
}

CaijiImage *
face_fixtures_darken (const CaijiImage *image,
                      double            factor)
{
  guint width = caiji_image_get_width (image), height = caiji_image_get_height (image);
  gsize stride;
  const guint8 *source = caiji_image_get_pixels (image, &stride);
  guint8 *pixels = g_malloc ((gsize) width * height * CHANNELS);

  for (guint y = 0; y < height; y++)
    for (guint i = 0; i < width * CHANNELS; i++)
      pixels[(gsize) y * width * CHANNELS + i] = (guint8) (source[y * stride + i] * factor + 0.5);
  return image_from_pixels (width, height, pixels);
}

/* Area-averaged downscale by a whole factor. */
CaijiImage *
face_fixtures_shrink (const CaijiImage *image,
                      guint             factor)
{
  guint width = caiji_image_get_width (image) / factor, height = caiji_image_get_height (image) / factor;
  gsize stride;
  const guint8 *source = caiji_image_get_pixels (image, &stride);
  guint8 *pixels = g_malloc ((gsize) width * height * CHANNELS);

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      for (guint c = 0; c < CHANNELS; c++)
        {
          guint sum = 0;

          for (guint dy = 0; dy < factor; dy++)
            for (guint dx = 0; dx < factor; dx++)
              sum += source[(y * factor + dy) * stride + (x * factor + dx) * CHANNELS + c];
          pixels[((gsize) y * width + x) * CHANNELS + c] = (guint8) (sum / (factor * factor));
        }
  return image_from_pixels (width, height, pixels);
}

/* The picture turned by @degrees (clockwise on screen) about its centre,
 * nearest neighbour, on the same canvas; the corners it uncovers are grey. */
CaijiImage *
face_fixtures_rotate (const CaijiImage *image,
                      double            degrees)
{
  guint width = caiji_image_get_width (image), height = caiji_image_get_height (image);
  double angle = degrees * G_PI / 180, c = cos (angle), s = sin (angle);
  double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
  gsize stride;
  const guint8 *source = caiji_image_get_pixels (image, &stride);
  guint8 *pixels = g_malloc ((gsize) width * height * CHANNELS);

  memset (pixels, 0x80, (gsize) width * height * CHANNELS);
  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        /* The source pixel that lands here: the inverse rotation. */
        double sx = c * (x - cx) + s * (y - cy) + cx, sy = -s * (x - cx) + c * (y - cy) + cy;
        long ix = lround (sx), iy = lround (sy);

        if (ix >= 0 && iy >= 0 && ix < (long) width && iy < (long) height)
          memcpy (pixels + ((gsize) y * width + x) * CHANNELS, source + iy * stride + ix * CHANNELS, CHANNELS);
      }
  return image_from_pixels (width, height, pixels);
}

/* The picture scaled (nearest neighbour) to fit width×height and centred
 * on grey, the way a camera frame frames a portrait. */
CaijiImage *
face_fixtures_letterbox (const CaijiImage *image,
                         guint             width,
                         guint             height)
{
  guint source_width = caiji_image_get_width (image), source_height = caiji_image_get_height (image);
  double scale = MIN ((double) width / source_width, (double) height / source_height);
  guint fitted_width = (guint) (source_width * scale), fitted_height = (guint) (source_height * scale);
  guint left = (width - fitted_width) / 2, top = (height - fitted_height) / 2;
  gsize stride;
  const guint8 *source = caiji_image_get_pixels (image, &stride);
  guint8 *pixels = g_malloc ((gsize) width * height * CHANNELS);

  memset (pixels, 0x80, (gsize) width * height * CHANNELS);
  for (guint y = 0; y < fitted_height; y++)
    for (guint x = 0; x < fitted_width; x++)
      memcpy (pixels + ((gsize) (top + y) * width + left + x) * CHANNELS,
              source + (gsize) (y / scale) * stride + (gsize) (x / scale) * CHANNELS, CHANNELS);
  return image_from_pixels (width, height, pixels);
}
