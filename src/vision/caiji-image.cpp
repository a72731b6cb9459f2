/* caiji-image.cpp: decoding and encoding behind caiji-image.h */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "caiji-image-private.h"

CaijiImage *
caiji_image_wrap (cv::Mat bgr)
{
  CaijiImage *image = new CaijiImage;

  image->bgr = bgr;
  return image;
}

static gboolean
decode_failed (GError **error)
{
  g_set_error_literal (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_CORRUPT,
                       _("This picture file is damaged and cannot be opened. Please choose another picture."));
  return FALSE;
}

CaijiImage *
caiji_image_decode (GBytes  *bytes,
                    GError **error)
{
  gsize size = 0;
  const guint8 *data = static_cast<const guint8 *> (g_bytes_get_data (bytes, &size));
  CaijiImageFormat format;
  guint width, height;
  cv::Mat decoded;

  if (!caiji_image_probe (data, size, &format, &width, &height, error))
    return NULL;
  try
    {
      cv::Mat buffer (1, (int) size, CV_8UC1, const_cast<guint8 *> (data));
      decoded = cv::imdecode (buffer, cv::IMREAD_COLOR);
    }
  catch (const cv::Exception &)
    {
      decoded.release ();
    }
  /* The header may lie about the size; trust only what was decoded. */
  if (decoded.empty () || (guint) decoded.cols != width || (guint) decoded.rows != height)
    {
      decode_failed (error);
      return NULL;
    }
  return caiji_image_wrap (decoded);
}

CaijiImage *
caiji_image_load (const char *path,
                  GError    **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_IO,
                   _("Cannot open the picture: %s"), local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  return caiji_image_decode (bytes, error);
}

CaijiImage *
caiji_image_new_bgr (guint         width,
                     guint         height,
                     const guint8 *pixels,
                     gsize         stride)
{
  cv::Mat view ((int) height, (int) width, CV_8UC3, const_cast<guint8 *> (pixels), stride);

  return caiji_image_wrap (view.clone ());
}

static GBytes *
encode (const CaijiImage        *image,
        const char              *extension,
        const std::vector<int>  &params,
        const char              *failure,
        GError                 **error)
{
  std::vector<uchar> out;

  try
    {
      if (!cv::imencode (extension, image->bgr, out, params))
        throw cv::Exception ();
    }
  catch (const cv::Exception &)
    {
      g_set_error_literal (error, CAIJI_IMAGE_ERROR, CAIJI_IMAGE_ERROR_IO, failure);
      return NULL;
    }
  return g_bytes_new (out.data (), out.size ());
}

GBytes *
caiji_image_encode_jpeg (const CaijiImage *image,
                         int               quality,
                         GError          **error)
{
  return encode (image, ".jpg", { cv::IMWRITE_JPEG_QUALITY, quality },
                 _("The picture could not be saved as JPEG."), error);
}

/* Lossless, for crops that another program must see pixel for pixel. */
GBytes *
caiji_image_encode_png (const CaijiImage *image,
                        GError          **error)
{
  return encode (image, ".png", {}, _("The picture could not be saved as PNG."), error);
}

/* BGR, three bytes a pixel, rows @stride bytes apart. */
const guint8 *
caiji_image_get_pixels (const CaijiImage *image,
                        gsize            *stride)
{
  *stride = image->bgr.step[0];
  return image->bgr.ptr<guint8> ();
}

guint
caiji_image_get_width (const CaijiImage *image)
{
  return (guint) image->bgr.cols;
}

guint
caiji_image_get_height (const CaijiImage *image)
{
  return (guint) image->bgr.rows;
}

/* Packed BGR, 3 bytes a pixel, rows `stride` bytes apart. */
const guint8 *
caiji_image_get_bgr (const CaijiImage *image,
                     gsize            *stride)
{
  *stride = image->bgr.step[0];
  return image->bgr.ptr ();
}

void
caiji_image_free (CaijiImage *image)
{
  delete image;
}
