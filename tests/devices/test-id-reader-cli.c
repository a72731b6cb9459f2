/* test-id-reader-cli.c: `caiji reader probe|read` against a simulated
 * reader on a pseudo-terminal
 *
 * Usage: test-id-reader-cli PATH-TO-caiji.  Exit codes: 0 read, 1 no card
 * or refused (with the message), 2 usage.
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "fake-id-reader.h"

static const char *caiji_path;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The fake reader answers from its own thread while caiji runs. */
static void
run_caiji (Run        *run,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) caiji_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  /* A crash is never an acceptable answer. */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_read_json (void)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  g_autoptr(CaijiCardReading) card = fake_reader_identity (42);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *fields;

  fake_reader_set_card (fake, card);
  run_caiji (&run, "reader", "read", "--port", fake_reader_get_port (fake), "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out);
  fields = json_object_get_object_member (root, "fields");
  g_assert_cmpstr (json_object_get_string_member (root, "side"), ==, "front");
  g_assert_cmpstr (json_object_get_string_member (root, "message"), ==, "");
  g_assert_cmpint (json_object_get_int_member (root, "photo_bytes"), ==, 1024);
  g_assert_cmpstr (json_object_get_string_member (fields, "name"), ==, card->name);
  g_assert_cmpstr (json_object_get_string_member (fields, "sex"), ==, card->sex);
  g_assert_cmpstr (json_object_get_string_member (fields, "nation"), ==, card->nation);
  g_assert_cmpstr (json_object_get_string_member (fields, "birth"), ==, card->birth);
  g_assert_cmpstr (json_object_get_string_member (fields, "address"), ==, card->address);
  g_assert_cmpstr (json_object_get_string_member (fields, "id_number"), ==, card->id_number);
  g_assert_cmpstr (json_object_get_string_member (fields, "authority"), ==, card->authority);
  g_assert_cmpstr (json_object_get_string_member (fields, "valid_from"), ==, card->valid_from);
  g_assert_cmpstr (json_object_get_string_member (fields, "valid_to"), ==, card->valid_to);
}

static void
test_read_text (void)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  g_autoptr(CaijiCardReading) card = fake_reader_identity (43);
  g_autofree char *number_line = g_strdup_printf ("id_number: %s\n", card->id_number);
  g_auto(Run) run = { 0 };

  fake_reader_set_card (fake, card);
  fake_reader_set_mode (fake, FAKE_READER_GARBAGE_FIRST);
  run_caiji (&run, "reader", "read", "--port", fake_reader_get_port (fake), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, number_line));
  g_assert_nonnull (strstr (run.out, "not shown"));
}

static void
test_read_refusals (void)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  g_autoptr(CaijiCardReading) forged = fake_reader_identity (44);
  g_auto(Run) no_card = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) silent = { 0 };
  g_autoptr(JsonObject) root = NULL;

  fake_reader_set_mode (fake, FAKE_READER_NO_CARD);
  run_caiji (&no_card, "reader", "read", "--port", fake_reader_get_port (fake), "--json", NULL);
  g_assert_cmpint (no_card.status, ==, 1);
  root = parse_object (no_card.out);
  g_assert_cmpstr (json_object_get_string_member (root, "side"), ==, "none");
  g_assert_nonnull (strstr (json_object_get_string_member (root, "message"), "No ID card"));
  g_assert_nonnull (strstr (no_card.err, "No ID card"));

  forged->id_number[16] = forged->id_number[16] == '1' ? '2' : '1';
  fake_reader_set_card (fake, forged);
  fake_reader_set_mode (fake, FAKE_READER_NORMAL);
  run_caiji (&refused, "reader", "read", "--port", fake_reader_get_port (fake), NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "not valid"));
  g_assert_null (strstr (refused.out, forged->id_number));

  fake_reader_set_mode (fake, FAKE_READER_SILENT);
  run_caiji (&silent, "reader", "read", "--port", fake_reader_get_port (fake), "--timeout", "500", NULL);
  g_assert_cmpint (silent.status, ==, 1);
  g_assert_nonnull (strstr (silent.err, "does not answer"));
}

static void
test_probe (void)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  const char *port = fake_reader_get_port (fake);
  g_auto(Run) ok = { 0 };
  g_auto(Run) gone = { 0 };
  g_auto(Run) usage = { 0 };
  g_autoptr(JsonObject) root = NULL;

  run_caiji (&ok, "reader", "probe", "--port", port, "--json", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  root = parse_object (ok.out);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (root, "sam_id"), ==, "05.01-12345678-0123456789-0987654321");

  /* Not the unplugged pty's path: another test may own that number now. */
  run_caiji (&gone, "reader", "probe", "--port", "/dev/caiji-no-such-reader", NULL);
  g_assert_cmpint (gone.status, ==, 1);
  g_assert_nonnull (strstr (gone.err, "/dev/caiji-no-such-reader"));

  run_caiji (&usage, "reader", "probe", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  caiji_path = argv[1];

  g_test_add_func ("/id-reader-cli/read-json", test_read_json);
  g_test_add_func ("/id-reader-cli/read-text", test_read_text);
  g_test_add_func ("/id-reader-cli/refusals", test_read_refusals);
  g_test_add_func ("/id-reader-cli/probe", test_probe);
  return g_test_run ();
}
