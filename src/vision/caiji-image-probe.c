/* caiji-image-probe.c: read a JPEG's or PNG's dimensions without decoding
 *
 * OpenCV allocates the whole frame before it looks at the data, so a
 * 100-byte file that claims 60000×60000 pixels would take gigabytes.  This
 * reads only the header (PNG IHDR, JPEG SOFn) so the limits apply first.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-image.h"

G_DEFINE_QUARK (caiji-image-error-quark, caiji_image_error)

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static gboolean
corrupt (GError **error)
{
  g_set_error_literal (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_CORRUPT,
                       _("This picture file is damaged and cannot be opened. Please choose another picture."));
  return FALSE;
}

/* libpng allocates a chunk's declared length before reading it, so a
 * 300-byte file declaring a 1 GB text chunk made it ask for 1 GB (found
 * by fuzz-image).  No chunk may claim more bytes than the file has. */
static gboolean
png_chunks_fit (const guint8 *data,
                gsize         size)
{
  gsize pos = sizeof png_signature;

  while (size - pos >= 12)
    {
      guint32 length = read_be32 (data + pos);

      if (length > size - pos - 12)
        return FALSE;
      if (memcmp (data + pos + 4, "IEND", 4) == 0)
        return TRUE;
      pos += 12 + (gsize) length;
    }
  return TRUE;
}

static gboolean
probe_png (const guint8 *data,
           gsize         size,
           guint        *width,
           guint        *height,
           GError      **error)
{
  /* signature, then the IHDR chunk: length, "IHDR", width, height */
  if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0 || !png_chunks_fit (data, size))
    return corrupt (error);
  *width = read_be32 (data + 16);
  *height = read_be32 (data + 20);
  return TRUE;
}

static gboolean
is_start_of_frame (guint8 marker)
{
  /* SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) */
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

/* libjpeg "decodes" a truncated file by painting the missing rows grey;
 * a file cut short on its way from a phone must be refused instead.  Some
 * writers pad after the end marker, so look for it near the end. */
static gboolean
jpeg_has_end (const guint8 *data,
              gsize         size)
{
  gsize from = size > 4096 ? size - 4096 : 2;

  for (gsize i = size - 2; i >= from; i--)
    if (data[i] == 0xFF && data[i + 1] == 0xD9)
      return TRUE;
  return FALSE;
}

static gboolean
probe_jpeg (const guint8 *data,
            gsize         size,
            guint        *width,
            guint        *height,
            GError      **error)
{
  gsize pos = 2;

  while (pos + 4 <= size)
    {
      guint8 marker;
      guint length;

      if (data[pos] != 0xFF)
        return corrupt (error);
      marker = data[pos + 1];
      if (marker == 0xFF)
        {
          pos++;        /* fill byte */
          continue;
        }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
          pos += 2;     /* markers without a length */
          continue;
        }
      if (marker == 0xD9 || marker == 0xDA)
        break;          /* end of image or start of scan before any frame header */
      length = read_be16 (data + pos + 2);
      if (length < 2 || pos + 2 + length > size)
        return corrupt (error);
      if (is_start_of_frame (marker))
        {
          if (length < 7)
            return corrupt (error);
          *height = read_be16 (data + pos + 5);
          *width = read_be16 (data + pos + 7);
          return jpeg_has_end (data, size) || corrupt (error);
        }
      pos += 2 + length;
    }
  return corrupt (error);
}

static gboolean
check_limits (guint    width,
              guint    height,
              GError **error)
{
  if (width < CAIJI_IMAGE_MIN_SIDE || height < CAIJI_IMAGE_MIN_SIDE)
    {
      g_set_error (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_TOO_SMALL,
                   _("This picture is only %u×%u pixels, too small to use. Please choose a larger picture."),
                   width, height);
      return FALSE;
    }
  if (width > CAIJI_IMAGE_MAX_SIDE || height > CAIJI_IMAGE_MAX_SIDE ||
      (guint64) width * height > CAIJI_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_TOO_LARGE,
                   _("This picture is %u×%u pixels, larger than the %u megapixels a photo of a card or a face needs. Please choose a smaller picture."),
                   width, height, CAIJI_IMAGE_MAX_PIXELS / 1000000);
      return FALSE;
    }
  return TRUE;
}

gboolean
caiji_image_probe (const guint8     *data,
                   gsize             size,
                   CaijiImageFormat *format,
                   guint            *width,
                   guint            *height,
                   GError          **error)
{
  gboolean ok;

  if (size > CAIJI_IMAGE_MAX_BYTES)
    {
      g_set_error (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_TOO_LARGE,
                   _("This picture file is larger than %u MB. Please choose a smaller picture."),
                   CAIJI_IMAGE_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (size >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    {
      *format = CAIJI_IMAGE_FORMAT_PNG;
      ok = probe_png (data, size, width, height, error);
    }
  else if (size >= 4 && data[0] == 0xFF && data[1] == 0xD8)
    {
      *format = CAIJI_IMAGE_FORMAT_JPEG;
      ok = probe_jpeg (data, size, width, height, error);
    }
  else
    {
      g_set_error_literal (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_UNSUPPORTED,
                           _("This file is not a JPEG or PNG picture. Please choose a photo."));
      return FALSE;
    }
  return ok && check_limits (*width, *height, error);
}
