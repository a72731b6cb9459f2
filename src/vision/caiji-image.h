/* caiji-image.h: decoded pictures for the vision code, behind a C API
 *
 * Every picture from outside (a file, a USB stick, a camera still) enters
 * through caiji_image_decode(), which reads the dimensions from the header
 * and refuses oversized input before any pixel is decoded.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIJI_IMAGE_ERROR (caiji_image_error_quark ())

typedef enum {
  CAIJI_IMAGE_ERROR_UNSUPPORTED,   /* not a JPEG or PNG */
  CAIJI_IMAGE_ERROR_CORRUPT,       /* the header or the data is damaged */
  CAIJI_IMAGE_ERROR_TOO_LARGE,     /* file, width, height or pixel count over the limit */
  CAIJI_IMAGE_ERROR_TOO_SMALL,
  CAIJI_IMAGE_ERROR_IO,
} CaijiImageError;

typedef enum {
  CAIJI_IMAGE_FORMAT_JPEG,
  CAIJI_IMAGE_FORMAT_PNG,
} CaijiImageFormat;

/* A camera still or a scan is far below these; a decompression bomb is not. */
#define CAIJI_IMAGE_MAX_BYTES   (25 * 1024 * 1024)
#define CAIJI_IMAGE_MAX_SIDE    10000
#define CAIJI_IMAGE_MAX_PIXELS  (40 * 1000 * 1000)
#define CAIJI_IMAGE_MIN_SIDE    16

typedef struct _CaijiImage CaijiImage;

GQuark       caiji_image_error_quark (void);

gboolean     caiji_image_probe       (const guint8      *data,
                                      gsize              size,
                                      CaijiImageFormat  *format,
                                      guint             *width,
                                      guint             *height,
                                      GError           **error);
CaijiImage  *caiji_image_decode      (GBytes            *bytes,
                                      GError           **error);
CaijiImage  *caiji_image_load        (const char        *path,
                                      GError           **error);
CaijiImage  *caiji_image_new_bgr     (guint              width,
                                      guint              height,
                                      const guint8      *pixels,
                                      gsize              stride);
GBytes      *caiji_image_encode_jpeg (const CaijiImage  *image,
                                      int                quality,
                                      GError           **error);
GBytes      *caiji_image_encode_png  (const CaijiImage  *image,
                                      GError           **error);
const guint8 *caiji_image_get_pixels (const CaijiImage  *image,
                                      gsize             *stride);
guint        caiji_image_get_width   (const CaijiImage  *image);
guint        caiji_image_get_height  (const CaijiImage  *image);
const guint8 *caiji_image_get_bgr    (const CaijiImage  *image,
                                      gsize             *stride);
void         caiji_image_free        (CaijiImage        *image);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiImage, caiji_image_free)

G_END_DECLS
