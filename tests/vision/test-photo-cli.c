/* test-photo-cli.c: `caiji photo check` on the shared faces
 *
 * Usage: test-photo-cli PATH-TO-caiji.  The JSON, the standard
 * photo written with --out, and the exit codes: 0 accepted, 1 refused,
 * 2 usage.
 */
#include "caiji-photo-check.h"
#include "caiji-test-utils.h"
#include "cli-run.h"
#include "face-fixtures.h"

static const char *caiji_path;
static char *tmpdir;

static gboolean
has_problem (JsonObject *json,
             const char *code)
{
  JsonArray *problems = json_object_get_array_member (json, "problems");

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      g_assert_cmpstr (json_object_get_string_member (problem, "message"), !=, "");
      if (g_str_equal (json_object_get_string_member (problem, "code"), code))
        return TRUE;
    }
  return FALSE;
}

static void
test_accepted (void)
{
  g_autofree char *photo = caiji_test_shared_path ("testdata/faces/alex_lacamoire/alex_2.jpg");
  g_autofree char *standard = g_build_filename (tmpdir, "standard.jpg", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(GError) error = NULL;
  const CaijiPhotoProfile *xuexin = caiji_photo_profile_find ("xuexin");
  int status;

  if (!face_fixtures_available ())
    return;
  status = cli_run_caiji (caiji_path, (const char *const[]) { "photo", "check", photo, "--out", standard, "--json", NULL }, &out);
  g_assert_cmpint (status, ==, 0);
  json = cli_parse_object (out);
  g_assert_true (json_object_get_boolean_member (json, "ok"));
  g_assert_cmpint (json_object_get_int_member (json, "faces"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json, "problems")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json, "profile"), ==, "xuexin");
  g_assert_cmpfloat (json_object_get_double_member (json, "ms"), >, 0);
  image = caiji_image_load (standard, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caiji_image_get_width (image), ==, xuexin->width);
  g_assert_cmpuint (caiji_image_get_height (image), ==, xuexin->height);
}

static void
test_refused_and_usage (void)
{
  g_autofree char *busy = caiji_test_shared_path ("testdata/faces/obama/obama_1.jpg");
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(JsonObject) json = NULL;

  if (!face_fixtures_available ())
    return;
  /* An official portrait in front of flags: not a plain light wall. */
  g_assert_cmpint (cli_run_caiji (caiji_path, (const char *const[]) { "photo", "check", busy, "--profile", "ga461", "--json", NULL }, &out1), ==, 1);
  json = cli_parse_object (out1);
  g_assert_false (json_object_get_boolean_member (json, "ok"));
  g_assert_cmpstr (json_object_get_string_member (json, "profile"), ==, "ga461");
  g_assert_true (has_problem (json, "background"));
  g_assert_cmpint (cli_run_caiji (caiji_path, (const char *const[]) { "photo", "check", busy, "--profile", "passport", NULL }, &out2), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  caiji_path = argv[1];
  tmpdir = caiji_test_make_tmpdir ();
  g_test_add_func ("/photo-cli/accepted", test_accepted);
  g_test_add_func ("/photo-cli/refused-and-usage", test_refused_and_usage);
  status = g_test_run ();
  caiji_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
