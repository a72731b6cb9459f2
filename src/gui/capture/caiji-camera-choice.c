/* caiji-camera-choice.c: which camera the kiosk uses
 *
 * --demo, or a machine with no /dev/video* at all: the demo source, with
 * the pictures of --demo DIR or of the demo-dir setting.  Otherwise the
 * camera-device setting, else the first /dev/video*.  A camera that is
 * not there yet is not an error here: the keeper retries it until it is.
 */
#include "caiji-config.h"

#include <string.h>

#include "caiji-camera-choice.h"

#define DEMO_PICTURE_MS 4000

static char *
setting (GSettings  *settings,
         const char *key)
{
  g_autofree char *value = settings != NULL ? g_settings_get_string (settings, key) : NULL;

  return value != NULL && value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

/* The lowest-numbered device: video0 is the built-in or first camera. */
static char *
first_video_device (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev", 0, NULL);
  g_autofree char *first = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "video") &&
        (first == NULL || strlen (name) < strlen (first) ||
         (strlen (name) == strlen (first) && strcmp (name, first) < 0)))
      {
        g_free (first);
        first = g_strdup (name);
      }
  return first != NULL ? g_build_filename ("/dev", first, NULL) : NULL;
}

CaijiCamera *
caiji_camera_choose (gboolean    demo,
                     const char *demo_dir,
                     GSettings  *settings)
{
  g_autofree char *device = NULL;
  g_autofree char *folder = NULL;

  if (!demo)
    {
      device = setting (settings, "camera-device");
      if (device == NULL)
        device = first_video_device ();
      if (device != NULL)
        return caiji_camera_new_for_device (device);
    }
  folder = demo_dir != NULL ? g_strdup (demo_dir) : setting (settings, "demo-dir");
  if (folder == NULL)
    g_message ("Demo mode without pictures: pass --demo DIR or set demo-dir");
  return caiji_camera_new_demo (folder != NULL ? folder : "", DEMO_PICTURE_MS);
}
