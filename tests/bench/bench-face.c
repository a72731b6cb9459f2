/* bench-face.c: how long face detection, embedding and verification take on one core
 *
 * Every shared single-identity photo is framed into a 640×480 camera-sized
 * picture; each operation runs ROUNDS times on each frame after one
 * warm-up, and the median is printed.  OpenCV is held to one thread so the
 * figures mean "one core".
 *   usage: bench-face [ROUNDS]
 */
#include <glib.h>
#include <stdlib.h>

#include "caiji-face.h"
#include "face-fixtures.h"

#define FRAME_WIDTH 640
#define FRAME_HEIGHT 480
#define DEFAULT_ROUNDS 20

typedef struct {
  const char *label;
  GArray     *ms;   /* double */
} Timing;

typedef void (*Operation) (CaijiImage *frame, CaijiImage *other, CaijiFace *face);

static void
print_timing (const char *label,
              GArray     *ms)
{
  double mean = face_fixtures_sort_and_mean (ms);

  g_print ("%-38s median %7.2f ms   mean %7.2f   min %7.2f   max %7.2f   (%u runs)\n", label,
           g_array_index (ms, double, ms->len / 2), mean,
           g_array_index (ms, double, 0), g_array_index (ms, double, ms->len - 1), ms->len);
}

static void
detect_fast (CaijiImage *frame, CaijiImage *other, CaijiFace *face)
{
  g_autoptr(GArray) faces = caiji_face_detect (frame, CAIJI_FACE_DETECTOR_FAST, NULL);

  g_assert_nonnull (faces);
}

static void
detect_accurate (CaijiImage *frame, CaijiImage *other, CaijiFace *face)
{
  g_autoptr(GArray) faces = caiji_face_detect (frame, CAIJI_FACE_DETECTOR_ACCURATE, NULL);

  g_assert_nonnull (faces);
}

static void
embed (CaijiImage *frame, CaijiImage *other, CaijiFace *face)
{
  CaijiFaceEmbedding embedding;

  g_assert_true (caiji_face_embed (frame, face, &embedding, NULL));
}

static void
verify_live (CaijiImage *frame, CaijiImage *other, CaijiFace *face)
{
  static CaijiFaceEmbedding photo;   /* as stored at step 2; which face does not matter for timing */
  CaijiFaceVerdict verdict;

  g_assert_true (caiji_face_verify_live (&photo, frame, NULL, &verdict, NULL));
}

static void
verify (CaijiImage *frame, CaijiImage *other, CaijiFace *face)
{
  CaijiFaceVerdict verdict;

  g_assert_true (caiji_face_verify (other, frame, &verdict, NULL));
}

static void
measure (GPtrArray   *frames,
         GArray      *faces,
         const char  *label,
         Operation    operation,
         guint        rounds)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < frames->len; i++)
    {
      CaijiImage *frame = frames->pdata[i], *other = frames->pdata[(i + 1) % frames->len];
      CaijiFace *face = &g_array_index (faces, CaijiFace, i);

      operation (frame, other, face);   /* warm-up: first-use allocations */
      for (guint round = 0; round < rounds; round++)
        {
          gint64 start = g_get_monotonic_time ();
          double elapsed;

          operation (frame, other, face);
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (ms, elapsed);
        }
    }
  print_timing (label, ms);
}

int
main (int    argc,
      char **argv)
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_ROUNDS;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_image_free);
  g_autoptr(GArray) faces = g_array_new (FALSE, FALSE, sizeof (CaijiFace));
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_test_init (&argc, &argv, NULL);   /* only for face_fixtures_available()'s g_test_skip */
  caiji_face_set_threads (1);
  start = g_get_monotonic_time ();
  if (!face_fixtures_available ())   /* loads the models */
    return 77;
  g_print ("%-38s %7.2f ms (once per process)\n", "check sha256 of and load the 3 models", (g_get_monotonic_time () - start) / 1000.0);

  photos = face_fixtures_load_photos ();
  for (guint i = 0; i < photos->len; i++)
    {
      CaijiImage *frame = face_fixtures_letterbox (((FacePhoto *) photos->pdata[i])->image, FRAME_WIDTH, FRAME_HEIGHT);
      CaijiFace face;

      g_assert_true (caiji_face_find_one (frame, CAIJI_FACE_DETECTOR_ACCURATE, &face, &error));
      g_ptr_array_add (frames, frame);
      g_array_append_val (faces, face);
    }
  g_print ("%u frames of %ux%u from the shared faces, %u rounds each, 1 OpenCV thread\n",
           frames->len, FRAME_WIDTH, FRAME_HEIGHT, rounds);
  measure (frames, faces, "detect, fast (YuNet 320)", detect_fast, rounds);
  measure (frames, faces, "detect, accurate (YuNet 640)", detect_accurate, rounds);
  measure (frames, faces, "embed (align + MobileFaceNet)", embed, rounds);
  measure (frames, faces, "verify live frame vs stored embedding", verify_live, rounds);
  measure (frames, faces, "verify two pictures (photo accurate)", verify, rounds);
  return 0;
}
