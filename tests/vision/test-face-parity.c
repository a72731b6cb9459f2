/* test-face-parity.c: our embeddings equal a python3-opencv reference on the same crops
 *
 * The C side aligns every shared test face, writes the 112×112 crops as
 * PNG (lossless, so both sides see the same pixels) and embeds them;
 * face-reference.py embeds the same files with the preprocessing written
 * out independently in numpy.  A wrong channel order, mean or scale in the
 * shim shows up here as a cosine well below 1.
 */
#include <glib.h>
#include <math.h>

#include "caiji-face.h"
#include "caiji-models.h"
#include "caiji-test-utils.h"
#include "face-fixtures.h"

#define MIN_PARITY 0.999
#define DEFAULT_PYTHON "/usr/bin/python3"   /* where Debian's python3-opencv is importable */

static void
write_crop (FacePhoto          *photo,
            const char         *path,
            CaijiFaceEmbedding *embedding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) aligned = NULL;
  g_autoptr(GBytes) png = NULL;
  CaijiFace face;

  g_assert_true (caiji_face_find_one (photo->image, CAIJI_FACE_DETECTOR_ACCURATE, &face, &error));
  g_assert_no_error (error);
  aligned = caiji_face_align (photo->image, &face, &error);
  g_assert_no_error (error);
  g_assert_true (caiji_face_embed_aligned (aligned, embedding, &error));
  g_assert_no_error (error);
  png = caiji_image_encode_png (aligned, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
}

static char *
run_reference (GPtrArray *crop_paths)
{
  const char *python = g_getenv ("CAIJI_REFERENCE_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "vision", "face-reference.py", NULL);
  g_autofree char *model = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  char *output = NULL;
  int wait_status;

  model = caiji_model_path ("mobilefacenet_foamliu_opset10.onnx", &error);
  g_assert_no_error (error);
  g_ptr_array_add (argv, (gpointer) (python != NULL ? python : DEFAULT_PYTHON));
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, model);
  for (guint i = 0; i < crop_paths->len; i++)
    g_ptr_array_add (argv, crop_paths->pdata[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, &errors, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_test_message ("face-reference.py: %s", errors);
  g_assert_no_error (error);
  return output;
}

static double
cosine_with_line (const CaijiFaceEmbedding *embedding,
                  const char               *line,
                  const char               *expected_name)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", -1);
  double dot = 0, norm = 0;

  g_assert_cmpuint (g_strv_length (fields), ==, 1 + CAIJI_FACE_EMBEDDING_SIZE);
  g_assert_cmpstr (fields[0], ==, expected_name);
  for (guint i = 0; i < CAIJI_FACE_EMBEDDING_SIZE; i++)
    {
      double value = g_ascii_strtod (fields[i + 1], NULL);

      dot += value * embedding->values[i];
      norm += value * value;
    }
  return dot / sqrt (norm);
}

static void
test_parity_with_reference (void)
{
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GPtrArray) crop_paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree CaijiFaceEmbedding *embeddings = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  double lowest = 1;

  if (!face_fixtures_available ())
    return;
  photos = face_fixtures_load_photos ();
  embeddings = g_new (CaijiFaceEmbedding, photos->len);
  dir = caiji_test_make_tmpdir ();
  for (guint i = 0; i < photos->len; i++)
    {
      char *path = g_strdup_printf ("%s/crop-%02u.png", dir, i);

      write_crop (photos->pdata[i], path, &embeddings[i]);
      g_ptr_array_add (crop_paths, path);
    }
  output = run_reference (crop_paths);
  lines = g_strsplit (g_strchomp (output), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, photos->len);
  for (guint i = 0; i < photos->len; i++)
    {
      g_autofree char *name = g_path_get_basename (crop_paths->pdata[i]);
      double cosine = cosine_with_line (&embeddings[i], lines[i], name);

      g_test_message ("%-34s cosine with the reference %.6f", ((FacePhoto *) photos->pdata[i])->name, cosine);
      lowest = MIN (lowest, cosine);
    }
  g_test_message ("lowest cosine %.6f over %u crops", lowest, photos->len);
  g_assert_cmpfloat (lowest, >=, MIN_PARITY);
  caiji_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/face/parity/reference", test_parity_with_reference);
  return g_test_run ();
}
