/* test-models.c: the manifest parser and the verified model lookup
 *
 * Most cases use a temporary models dir and a manifest of our own that pins
 * bytes written here, so they run without the real models.  Each case uses
 * its own file name because caiji_model_path() caches verified paths.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "caiji-models.h"
#include "caiji-test-utils.h"

#define GOOD_SHA "81dbde155e982455488235acb8ec2dec5d647edf7cf7080d33e4abb69b93a0d2"
#define YUNET_320 "yunet_n_320_320.onnx"

/* The models dir meson gives the tests, saved before the cases repoint it. */
static char *meson_models_dir;

typedef struct {
  char *dir;
  char *manifest;
} Fixture;

static char *
sha256_hex (const char *bytes)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, bytes, -1);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
manifest_line (const char *file,
               const char *sha256)
{
  return g_strdup_printf ("%s\thttps://example.invalid/%s\t%s\tApache-2.0\t-\t-\n", file, file, sha256);
}

/* Pins the sha256 of `pinned_bytes` for `file` and installs `installed_bytes`
 * (NULL: nothing) under that name. */
static void
install_model (Fixture    *fixture,
               const char *file,
               const char *pinned_bytes,
               const char *installed_bytes)
{
  g_autofree char *sha = sha256_hex (pinned_bytes);
  g_autofree char *line = manifest_line (file, sha);
  g_autofree char *path = g_build_filename (fixture->dir, file, NULL);
  g_autofree char *manifest = g_strconcat ("# test manifest\n", line, NULL);

  write_file (fixture->manifest, manifest);
  if (installed_bytes != NULL)
    write_file (path, installed_bytes);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = caiji_test_make_tmpdir ();
  fixture->manifest = g_build_filename (fixture->dir, "manifest.tsv", NULL);
  g_setenv ("CAIJI_MODEL_DIR", fixture->dir, TRUE);
  g_setenv ("CAIJI_MODEL_MANIFEST", fixture->manifest, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->manifest);
}

static void
assert_mentions (const GError *error,
                 const char   *needle)
{
  g_test_message ("%s", error->message);
  if (g_strstr_len (error->message, -1, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
}

static void
test_manifest_good (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  CaijiModelEntry *entry;

  write_file (fixture->manifest,
              "# comment\n\n"
              "a.onnx\thttps://example.invalid/a\t" GOOD_SHA "\tApache-2.0\t-\t-\r\n"
              "b.onnx\thttps://example.invalid/b\t" GOOD_SHA "\tMIT\tsome-rewrite\t" GOOD_SHA "\n");
  entries = caiji_model_manifest_load (fixture->manifest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->file, ==, "a.onnx");
  g_assert_cmpstr (entry->url, ==, "https://example.invalid/a");
  g_assert_cmpstr (entry->sha256, ==, GOOD_SHA);
  g_assert_cmpstr (entry->licence, ==, "Apache-2.0");
  g_assert_cmpstr (entry->transform, ==, "-");
  g_assert_cmpstr (entry->source_sha256, ==, "-");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->transform, ==, "some-rewrite");
  g_assert_cmpstr (entry->source_sha256, ==, GOOD_SHA);
}

static void
assert_manifest_rejected (Fixture    *fixture,
                          const char *contents,
                          const char *line_ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  write_file (fixture->manifest, contents);
  entries = caiji_model_manifest_load (fixture->manifest, &error);
  g_assert_null (entries);
  g_assert_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST);
  assert_mentions (error, line_ref);
}

static void
test_manifest_malformed (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *good = "a.onnx\turl\t" GOOD_SHA "\tApache-2.0\t-\t-\n";
  g_autofree char *too_few = g_strconcat ("# header\n", good, "b.onnx\turl\t" GOOD_SHA "\n", NULL);
  g_autofree char *bad_sha = g_strconcat (good, "b.onnx\turl\tABCDEF\tMIT\t-\t-\n", NULL);
  g_autofree char *escape = g_strconcat (good, "../b.onnx\turl\t" GOOD_SHA "\tMIT\t-\t-\n", NULL);
  g_autofree char *twice = g_strconcat (good, "\n", good, NULL);
  g_autofree char *empty_field = g_strconcat (good, "b.onnx\t\t" GOOD_SHA "\tMIT\t-\t-\n", NULL);

  assert_manifest_rejected (fixture, too_few, "line 3");
  assert_manifest_rejected (fixture, bad_sha, "line 2");
  assert_manifest_rejected (fixture, escape, "line 2");
  assert_manifest_rejected (fixture, twice, "line 3");
  assert_manifest_rejected (fixture, empty_field, "line 2");
}

static void
test_manifest_unreadable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* No manifest written: the lookup must say so rather than call the
   * model unknown. */
  path = caiji_model_path ("a.onnx", &error);
  g_assert_null (path);
  g_assert_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST);
}

static void
test_path_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  install_model (fixture, "missing.onnx", "weights", NULL);
  path = caiji_model_path ("missing.onnx", &error);
  g_assert_null (path);
  g_assert_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MISSING);
  assert_mentions (error, "missing.onnx");
  assert_mentions (error, "fetch-models.sh");
}

static void
test_path_corrupt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *good_sha = sha256_hex ("the real weights");

  install_model (fixture, "corrupt.onnx", "the real weights", "the real weightz");
  path = caiji_model_path ("corrupt.onnx", &error);
  g_assert_null (path);
  g_assert_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_CORRUPT);
  assert_mentions (error, "corrupt.onnx");
  assert_mentions (error, good_sha);
}

static void
test_path_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  install_model (fixture, "empty.onnx", "weights", "");
  path = caiji_model_path ("empty.onnx", &error);
  g_assert_null (path);
  g_assert_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_CORRUPT);
  assert_mentions (error, "empty.onnx");
}

static void
test_path_good (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = g_build_filename (fixture->dir, "good.onnx", NULL);

  install_model (fixture, "good.onnx", "weights", "weights");
  path = caiji_model_path ("good.onnx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  again = caiji_model_path ("good.onnx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, expected);
}

static void
test_path_unknown (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  install_model (fixture, "listed.onnx", "weights", "weights");
  path = caiji_model_path ("unlisted.onnx", &error);
  g_assert_null (path);
  g_assert_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_UNKNOWN);
  assert_mentions (error, "unlisted.onnx");
}

/* The real YuNet file that fetch-models.sh installed, checked against the
 * project's own manifest (MODEL_MANIFEST). */
static void
test_real_yunet (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *installed = NULL;

  if (meson_models_dir != NULL)
    installed = g_build_filename (meson_models_dir, YUNET_320, NULL);
  if (installed == NULL || !g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no " YUNET_320 " in the build's models dir; run data/models/fetch-models.sh");
      return;
    }
  g_setenv ("CAIJI_MODEL_DIR", meson_models_dir, TRUE);
  g_unsetenv ("CAIJI_MODEL_MANIFEST");
  path = caiji_model_path (YUNET_320, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, installed);
}

static void
add_case (const char *name,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  meson_models_dir = g_strdup (g_getenv ("CAIJI_MODEL_DIR"));

  add_case ("/models/manifest/good", test_manifest_good);
  add_case ("/models/manifest/malformed", test_manifest_malformed);
  add_case ("/models/manifest/unreadable", test_manifest_unreadable);
  add_case ("/models/path/missing", test_path_missing);
  add_case ("/models/path/corrupt", test_path_corrupt);
  add_case ("/models/path/empty", test_path_empty);
  add_case ("/models/path/good", test_path_good);
  add_case ("/models/path/unknown", test_path_unknown);
  g_test_add_func ("/models/real/yunet-320", test_real_yunet);

  status = g_test_run ();
  g_free (meson_models_dir);
  return status;
}
