/* bench-photo.c: how long the ID photo check takes on the shared faces
 *
 * Each single-person shared photo (at its own size, as uploaded) goes
 * through caiji_photo_check() with the 学信网 profile several times after
 * a warm-up, OpenCV held to one thread; the median is printed, and that of
 * the accepted photos apart, since only they pay for the standard photo
 * and its JPEG quality search.  Prints figures, asserts nothing.
 */
#include <stdlib.h>

#include "caiji-photo-check.h"
#include "face-fixtures.h"

#define DEFAULT_ROUNDS 5

static double
time_check (const CaijiImage *image,
            gboolean         *accepted)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(CaijiPhotoReport) report = caiji_photo_check (image, NULL, CAIJI_PHOTO_SOURCE_FILE, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_no_error (error);
  *accepted = report->problems == 0;
  return ms;
}

static void
print_median (const char *what,
              GArray     *ms)
{
  if (ms->len == 0)
    return;
  face_fixtures_sort_and_mean (ms);
  g_print ("%-34s median %7.1f ms, min %7.1f, max %7.1f (%u checks)\n", what,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, 0),
           g_array_index (ms, double, ms->len - 1), ms->len);
}

int
main (int    argc,
      char **argv)
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_ROUNDS;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) accepted = g_array_new (FALSE, FALSE, sizeof (double));

  g_test_init (&argc, &argv, NULL);   /* for face_fixtures_available()'s g_test_skip */
  caiji_face_set_threads (1);
  if (!face_fixtures_available ())
    return 77;
  photos = face_fixtures_load_photos ();
  for (guint i = 0; i < photos->len; i++)
    {
      const CaijiImage *image = ((FacePhoto *) photos->pdata[i])->image;
      gboolean passed;

      time_check (image, &passed);   /* warm-up */
      for (guint round = 0; round < rounds; round++)
        {
          double ms = time_check (image, &passed);

          g_array_append_val (all, ms);
          if (passed)
            g_array_append_val (accepted, ms);
        }
    }
  g_print ("%u shared photos, %u rounds each, 1 OpenCV thread, profile xuexin\n", photos->len, rounds);
  print_median ("photo check, every photo", all);
  print_median ("photo check, accepted photos", accepted);
  return 0;
}
