/* test-card-cli.c: `caiji card read` on generated pictures
 *
 * Usage: test-card-cli PATH-TO-caiji.  The command must say what the
 * library says (same side, same number), print the JSON, and keep
 * to the exit codes: 0 read, 1 refused or unreadable, 2 usage.
 */
#include "caiji-card.h"
#include "caiji-texts.h"
#include "caiji-test-utils.h"
#include "card-synth.h"
#include "cli-run.h"

#define SEED 424300u

static const char *caiji_path;
static char *tmpdir;

static int
run_caiji (const char *const *args,
           char             **out)
{
  return cli_run_caiji (caiji_path, args, out);
}

static char *
write_scene (CardSynthKind kind,
             guint32       seed)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed, kind, CARD_SYNTH_CLEAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (sample->scene, 95, &error);
  char *path = g_strdup_printf ("%s/%s-%u.jpg", tmpdir, card_synth_kind_name (kind), seed);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &error));
  return path;
}

/* What the library itself makes of the picture, to compare with the command. */
static CaijiCardResult *
library_read (const char *path,
              GError    **error)
{
  g_autoptr(CaijiCardOcr) ocr = caiji_card_ocr_new (NULL);
  g_autoptr(CaijiImage) image = caiji_image_load (path, NULL);

  return caiji_card_read (ocr, image, CAIJI_CARD_SIDE_NONE, NULL, error);
}

static void
test_front_as_the_library_reads_it (void)
{
  g_autofree char *path = write_scene (CARD_SYNTH_FRONT, SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCardResult) expected = library_read (path, &error);
  g_autofree char *out = NULL;
  int status = run_caiji ((const char *const[]) { "card", "read", path, "--json", NULL }, &out);
  g_autoptr(JsonObject) json = cli_parse_object (out);
  JsonObject *fields = json_object_get_object_member (json, "fields");

  g_assert_cmpint (status, ==, error == NULL ? 0 : 1);
  g_assert_cmpstr (json_object_get_string_member (json, "side"), ==, caiji_card_side_to_string (expected->side));
  g_assert_cmpstr (json_object_get_string_member (json, "quality"), ==, caiji_card_quality_to_string (expected->quality));
  g_assert_cmpstr (json_object_get_string_member (json, "message"), ==, error != NULL ? error->message : "");
  g_assert_true (json_object_has_member (json, "ms"));
  if (expected->reading != NULL)
    g_assert_cmpstr (json_object_get_string_member (fields, "id_number"), ==, expected->reading->id_number);
}

static void
test_bank_card_refused (void)
{
  g_autofree char *path = write_scene (CARD_SYNTH_BANK_CARD, SEED + 1);
  g_autofree char *out = NULL;
  int status = run_caiji ((const char *const[]) { "card", "read", path, "--side", "back", "--json", NULL }, &out);
  g_autoptr(JsonObject) json = cli_parse_object (out);

  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json, "side"), ==, "none");
  g_assert_cmpstr (json_object_get_string_member (json, "message"), ==, caiji_text (CAIJI_TEXT_BACK_REFUSED));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (json, "fields")), ==, 0);
}

static void
test_usage_and_file_errors (void)
{
  g_autofree char *path = write_scene (CARD_SYNTH_EMPTY, SEED + 2);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such.jpg", NULL);
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;

  g_assert_cmpint (run_caiji ((const char *const[]) { "card", "read", path, "--side", "sideways", NULL }, &out1), ==, 2);
  g_assert_cmpint (run_caiji ((const char *const[]) { "card", "read", NULL }, &out2), ==, 2);
  g_assert_cmpint (run_caiji ((const char *const[]) { "card", "read", missing, NULL }, &out3), ==, 1);
}

int
main (int argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  caiji_path = argv[1];
  tmpdir = caiji_test_make_tmpdir ();
  g_test_add_func ("/card-cli/front", test_front_as_the_library_reads_it);
  g_test_add_func ("/card-cli/bank-card-refused", test_bank_card_refused);
  g_test_add_func ("/card-cli/usage-and-file-errors", test_usage_and_file_errors);
  status = g_test_run ();
  caiji_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
