/* bench-face.c: how long face detection, embedding and verification take on one core
 *
 * Every shared single-identity photo is framed into a 640×480 camera-sized
 * picture; each operation runs ROUNDS times on each frame after one
 * warm-up, and the median is printed (step 3's live guidance included).  OpenCV is held to one thread so the
 * figures mean "one core".  Then bench-face-reference.py times the same
 * models from python3-opencv on the same frames and aligned crops.
 *   usage: bench-face [ROUNDS]
 */
#include <glib.h>
#include <stdlib.h>
#include <time.h>

#include "caiji-face.h"
#include "caiji-face-guidance.h"
#include "caiji-models.h"
#include "caiji-test-utils.h"
#include "face-fixtures.h"

#define FRAME_WIDTH 640
#define FRAME_HEIGHT 480
#define DEFAULT_ROUNDS 20
#define REFERENCE_PYTHON "/usr/bin/python3"   /* where Debian's python3-opencv is importable */

typedef struct {
  CaijiImage *frame;
  CaijiImage *aligned;   /* the frame's face, 112×112 */
  CaijiImage *other;     /* another frame, as the ID photo of a verification */
  CaijiFace   face;
} Sample;

typedef void (*Operation) (const Sample *sample);

static void
detect_fast (const Sample *sample)
{
  g_autoptr(GArray) faces = caiji_face_detect (sample->frame, CAIJI_FACE_DETECTOR_FAST, NULL);

  g_assert_nonnull (faces);
}

static void
detect_accurate (const Sample *sample)
{
  g_autoptr(GArray) faces = caiji_face_detect (sample->frame, CAIJI_FACE_DETECTOR_ACCURATE, NULL);

  g_assert_nonnull (faces);
}

static void
embed (const Sample *sample)
{
  CaijiFaceEmbedding embedding;

  g_assert_true (caiji_face_embed (sample->frame, &sample->face, &embedding, NULL));
}

static void
embed_aligned (const Sample *sample)
{
  CaijiFaceEmbedding embedding;

  g_assert_true (caiji_face_embed_aligned (sample->aligned, &embedding, NULL));
}

/* Step 3's live guidance: detection, then tip, pose and face brightness. */
static void
guide (const Sample *sample)
{
  CaijiFaceGuidance guidance;

  g_assert_true (caiji_face_guide_frame (sample->frame, &guidance, NULL));
}

static void
verify_live (const Sample *sample)
{
  static CaijiFaceEmbedding photo;   /* as stored at step 2; which face does not matter for timing */
  CaijiFaceVerdict verdict;

  g_assert_true (caiji_face_verify_live (&photo, sample->frame, NULL, &verdict, NULL));
}

static void
verify (const Sample *sample)
{
  CaijiFaceVerdict verdict;

  g_assert_true (caiji_face_verify (sample->other, sample->frame, &verdict, NULL));
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
print_figures (const char *label,
               const char *kind,
               GArray     *ms)
{
  double mean = face_fixtures_sort_and_mean (ms);

  g_print ("%-38s %-4s median %7.2f ms   mean %7.2f   min %7.2f   max %7.2f   (%u runs)\n", label, kind,
           g_array_index (ms, double, ms->len / 2), mean,
           g_array_index (ms, double, 0), g_array_index (ms, double, ms->len - 1), ms->len);
}

/* Wall time is what a candidate waits; this thread's CPU time is what the
 * work costs on one core, and stays honest when other processes share
 * the machine (OpenCV runs on the calling thread when held to one). */
static void
measure (GArray     *samples,
         const char *label,
         Operation   operation,
         guint       rounds)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < samples->len; i++)
    {
      const Sample *sample = &g_array_index (samples, Sample, i);

      operation (sample);   /* warm-up: first-use allocations */
      for (guint round = 0; round < rounds; round++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = thread_cpu_ms (), elapsed, cpu_elapsed;

          operation (sample);
          cpu_elapsed = thread_cpu_ms () - cpu_start;
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (wall, elapsed);
          g_array_append_val (cpu, cpu_elapsed);
        }
    }
  print_figures (label, "wall", wall);
  print_figures ("", "cpu", cpu);
}

static void
write_png (const CaijiImage *image,
           const char       *dir,
           const char       *kind,
           guint             index)
{
  g_autofree char *path = g_strdup_printf ("%s/%s-%02u.png", dir, kind, index);
  g_autoptr(GBytes) png = caiji_image_encode_png (image, NULL);

  g_assert_nonnull (png);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
}

static char *
model_path (const char *file)
{
  g_autoptr(GError) error = NULL;
  char *path = caiji_model_path (file, &error);

  g_assert_no_error (error);
  return path;
}

/* The same frames and crops through python3-opencv, for comparison. */
static void
run_reference (GArray *samples,
               guint   rounds)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "bench", "bench-face-reference.py", NULL);
  g_autofree char *rounds_text = g_strdup_printf ("%u", rounds);
  g_autofree char *yunet = model_path ("yunet_n_320_320.onnx");
  g_autofree char *mobilefacenet = model_path ("mobilefacenet_foamliu_opset10.onnx");
  const char *argv[] = { REFERENCE_PYTHON, script, rounds_text, yunet, mobilefacenet, dir, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status;

  for (guint i = 0; i < samples->len; i++)
    {
      write_png (g_array_index (samples, Sample, i).frame, dir, "frame", i);
      write_png (g_array_index (samples, Sample, i).aligned, dir, "crop", i);
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL, &wait_status, &error);
  if (error == NULL)
    g_spawn_check_wait_status (wait_status, &error);
  if (error != NULL)
    g_print ("python3-opencv reference not run: %s\n", error->message);
  caiji_test_remove_tree (dir);
}

static Sample
make_sample (const CaijiImage *photo,
             const CaijiImage *other_photo)
{
  g_autoptr(GError) error = NULL;
  Sample sample;

  sample.frame = face_fixtures_letterbox (photo, FRAME_WIDTH, FRAME_HEIGHT);
  sample.other = face_fixtures_letterbox (other_photo, FRAME_WIDTH, FRAME_HEIGHT);
  g_assert_true (caiji_face_find_one (sample.frame, CAIJI_FACE_DETECTOR_ACCURATE, &sample.face, &error));
  sample.aligned = caiji_face_align (sample.frame, &sample.face, &error);
  g_assert_no_error (error);
  return sample;
}

static void
sample_clear (gpointer data)
{
  Sample *sample = data;

  caiji_image_free (sample->frame);
  caiji_image_free (sample->aligned);
  caiji_image_free (sample->other);
}

int
main (int    argc,
      char **argv)
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_ROUNDS;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  gint64 start;

  g_test_init (&argc, &argv, NULL);   /* for G_TEST_SRCDIR and face_fixtures_available()'s g_test_skip */
  g_array_set_clear_func (samples, sample_clear);
  caiji_face_set_threads (1);
  start = g_get_monotonic_time ();
  if (!face_fixtures_available ())   /* loads the models */
    return 77;
  g_print ("%-38s %7.2f ms (once per process)\n", "check sha256 of and load the 3 models",
           (g_get_monotonic_time () - start) / 1000.0);

  photos = face_fixtures_load_photos ();
  for (guint i = 0; i < photos->len; i++)
    {
      Sample sample = make_sample (((FacePhoto *) photos->pdata[i])->image,
                                   ((FacePhoto *) photos->pdata[(i + 1) % photos->len])->image);

      g_array_append_val (samples, sample);
    }
  g_print ("%u frames of %ux%u from the shared faces, %u rounds each, 1 OpenCV thread\n",
           samples->len, FRAME_WIDTH, FRAME_HEIGHT, rounds);
  measure (samples, "detect, fast (YuNet 320)", detect_fast, rounds);
  measure (samples, "detect, accurate (YuNet 640)", detect_accurate, rounds);
  measure (samples, "live guidance (detect + tip + pose)", guide, rounds);
  measure (samples, "embed aligned crop (MobileFaceNet)", embed_aligned, rounds);
  measure (samples, "embed (align + MobileFaceNet)", embed, rounds);
  measure (samples, "verify live frame vs stored embedding", verify_live, rounds);
  measure (samples, "verify two pictures (photo accurate)", verify, rounds);
  run_reference (samples, rounds);
  return 0;
}
