/* caiji-camera-mode.c: the largest webcam mode that keeps the preview moving */
#include "caiji-config.h"

#include "caiji-camera-mode.h"

typedef struct {
  const GstStructure *structure;
  int                 width, height;
  int                 fps_n, fps_d;   /* 0/1 when the mode does not say */
  gboolean            jpeg;
} Mode;

/* Largest of an int, an int range or a list of ints; 0 for anything else. */
static int
largest_int (const GValue *value)
{
  int largest = 0;

  if (value == NULL)
    return 0;
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  if (GST_VALUE_HOLDS_INT_RANGE (value))
    return gst_value_get_int_range_max (value);
  if (GST_VALUE_HOLDS_LIST (value))
    for (guint i = 0; i < gst_value_list_get_size (value); i++)
      largest = MAX (largest, largest_int (gst_value_list_get_value (value, i)));
  return largest;
}

static double
fps_of (int n,
        int d)
{
  return d > 0 ? (double) n / d : 0;
}

/* Fastest of a fraction, a fraction range or a list of fractions. */
static void
fastest_rate (const GValue *value,
              int          *n,
              int          *d)
{
  *n = 0;
  *d = 1;
  if (value == NULL)
    return;
  if (GST_VALUE_HOLDS_FRACTION (value))
    {
      *n = gst_value_get_fraction_numerator (value);
      *d = gst_value_get_fraction_denominator (value);
    }
  else if (GST_VALUE_HOLDS_FRACTION_RANGE (value))
    fastest_rate (gst_value_get_fraction_range_max (value), n, d);
  else if (GST_VALUE_HOLDS_LIST (value))
    for (guint i = 0; i < gst_value_list_get_size (value); i++)
      {
        int item_n, item_d;

        fastest_rate (gst_value_list_get_value (value, i), &item_n, &item_d);
        if (fps_of (item_n, item_d) > fps_of (*n, *d))
          {
            *n = item_n;
            *d = item_d;
          }
      }
}

/* Only raw and MJPEG modes in ordinary memory: the pipeline has a JPEG
 * decoder and videoconvert, nothing for H.264 or DMA buffers. */
static gboolean
mode_from (const GstCaps *caps,
           guint          index,
           Mode          *mode)
{
  const GstStructure *s = gst_caps_get_structure (caps, index);
  GstCapsFeatures *features = gst_caps_get_features (caps, index);

  if (features != NULL && !gst_caps_features_is_equal (features, GST_CAPS_FEATURES_MEMORY_SYSTEM_MEMORY))
    return FALSE;
  if (!gst_structure_has_name (s, "video/x-raw") && !gst_structure_has_name (s, "image/jpeg"))
    return FALSE;
  mode->structure = s;
  mode->jpeg = gst_structure_has_name (s, "image/jpeg");
  mode->width = largest_int (gst_structure_get_value (s, "width"));
  mode->height = largest_int (gst_structure_get_value (s, "height"));
  fastest_rate (gst_structure_get_value (s, "framerate"), &mode->fps_n, &mode->fps_d);
  return mode->width > 0 && mode->height > 0;
}

static gboolean
fast_enough (const Mode *mode)
{
  return fps_of (mode->fps_n, mode->fps_d) >= CAIJI_CAMERA_MIN_FPS;
}

static gboolean
better (const Mode *a,
        const Mode *b)
{
  gint64 area_a = (gint64) a->width * a->height, area_b = (gint64) b->width * b->height;

  if (fast_enough (a) != fast_enough (b))
    return fast_enough (a);
  if (area_a != area_b)
    return area_a > area_b;
  if (a->jpeg != b->jpeg)
    return !a->jpeg;
  return fps_of (a->fps_n, a->fps_d) > fps_of (b->fps_n, b->fps_d);
}

static GstCaps *
caps_for (const Mode *mode)
{
  GstStructure *s = gst_structure_new (gst_structure_get_name (mode->structure),
                                       "width", G_TYPE_INT, mode->width,
                                       "height", G_TYPE_INT, mode->height,
                                       NULL);
  const GValue *format = gst_structure_get_value (mode->structure, "format");

  if (mode->fps_n > 0)
    gst_structure_set (s, "framerate", GST_TYPE_FRACTION, mode->fps_n, mode->fps_d, NULL);
  if (format != NULL)
    gst_structure_set_value (s, "format", format);
  return gst_caps_new_full (s, NULL);
}

/* NULL when the webcam offers no raw or MJPEG mode with a known size;
 * then the pipeline is left to negotiate on its own. */
GstCaps *
caiji_camera_mode_choose (const GstCaps *offered)
{
  Mode best = { NULL }, mode;

  if (offered == NULL || gst_caps_is_any (offered))
    return NULL;
  for (guint i = 0; i < gst_caps_get_size (offered); i++)
    if (mode_from (offered, i, &mode) && (best.structure == NULL || better (&mode, &best)))
      best = mode;
  if (best.structure == NULL)
    return NULL;
  if (best.width < CAIJI_CAMERA_WANTED_WIDTH || best.height < CAIJI_CAMERA_WANTED_HEIGHT)
    g_message ("This camera offers at most %d×%d; %d×%d or more reads the ID card better.",
               best.width, best.height, CAIJI_CAMERA_WANTED_WIDTH, CAIJI_CAMERA_WANTED_HEIGHT);
  return caps_for (&best);
}

gboolean
caiji_camera_mode_is_jpeg (const GstCaps *mode)
{
  return mode != NULL && gst_caps_get_size (mode) > 0 &&
         gst_structure_has_name (gst_caps_get_structure (mode, 0), "image/jpeg");
}
