/* test-cli.c: runs the built `caiji` binary against temporary databases
 *
 * Usage: test-cli PATH-TO-caiji.  Checks exit codes (0 ok, 1 failed,
 * 2 usage), that --json output parses, and that listings mask ID numbers.
 * Identities are synthetic (caiji-test-utils).
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "caiji-models.h"
#include "caiji-store.h"
#include "caiji-test-utils.h"

static const char *caiji_path;

typedef struct {
  char *dir;
  char *db;
} Fixture;

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = caiji_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "caiji.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs caiji with @args (NULL-terminated) and fails the test if it died
 * from a signal: a crash is never an acceptable answer. */
static void
run_caiji (Fixture           *fixture,
           Run               *run,
           const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) caiji_path);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  /* English messages, and no chance of touching the user's own database. */
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "C", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", fixture->dir, TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("caiji %s → %d\nstdout: %s\nstderr: %s",
                  args[0] != NULL ? args[0] : "", wait_status, run->out, run->err);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_error_line (const Run *run)
{
  g_assert_true (g_str_has_prefix (run->err, "caiji: "));
  g_assert_cmpuint (strlen (run->err), >, strlen ("caiji: ") + 10);
}

static char *
write_roster_csv (Fixture *fixture,
                  guint    count,
                  gboolean with_bad_row)
{
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF学号,姓名,性别,证件号,手机号,所属高校,专业,年级\r\n");
  g_autofree char *path = g_build_filename (fixture->dir, "roster.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(CaijiCandidate) c = caiji_test_candidate (i);

      g_string_append_printf (csv, "%s,%s,%s,%s,%s,\"%s, 本部\",%s,%s\r\n", c->student_no, c->name,
                              c->sex == CAIJI_SEX_MALE ? "男" : "女", c->id_number, c->phone,
                              c->university, c->major, c->grade);
    }
  if (with_bad_row)
    g_string_append (csv, "99999999,坏行,男,110105194912310021,,,,\r\n");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
import_roster (Fixture *fixture,
               guint    count)
{
  g_autofree char *csv = write_roster_csv (fixture, count, FALSE);
  g_auto(Run) run = { 0 };

  run_caiji (fixture, &run, (const char *[]) { "--db", fixture->db, "roster", "import", csv, NULL });
  g_assert_cmpint (run.status, ==, 0);
}

/* ---- id check ---- */

static void
test_id_check_valid (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = caiji_test_synthetic_id (11, CAIJI_SEX_MALE);
  g_autofree char *spaced = g_strdup_printf ("%.6s %s", id, id + 6);
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *result;

  run_caiji (fixture, &text, (const char *[]) { "id", "check", spaced, NULL });
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, id));
  g_assert_cmpstr (text.err, ==, "");

  run_caiji (fixture, &json, (const char *[]) { "--json", "id", "check", id, NULL });
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  result = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (result, "valid"));
  g_assert_cmpstr (json_object_get_string_member (result, "normalized"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (result, "sex"), ==, "male");
  g_assert_cmpuint (strlen (json_object_get_string_member (result, "birth")), ==, 10);
  g_assert_nonnull (json_object_get_string_member (result, "province"));
}

static void
test_id_check_invalid (Fixture *fixture, gconstpointer data)
{
  g_autofree char *good = caiji_test_synthetic_id (12, CAIJI_SEX_FEMALE);
  g_autofree char *bad = g_strdup (good);
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) single = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonArray *results;

  bad[17] = bad[17] == '0' ? '1' : '0';
  run_caiji (fixture, &run, (const char *[]) { "id", "check", bad, NULL });
  g_assert_cmpint (run.status, ==, 1);
  assert_error_line (&run);
  g_assert_nonnull (strstr (run.err, "last character"));

  run_caiji (fixture, &single, (const char *[]) { "--json", "id", "check", bad, NULL });
  g_assert_cmpint (single.status, ==, 1);
  one = parse_json (single.out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (one), "valid"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (one), "reason"),
                            "last character"));

  /* One bad number among good ones still fails, and says which. */
  run_caiji (fixture, &json, (const char *[]) { "id", "check", "--json", good, "123", NULL });
  g_assert_cmpint (json.status, ==, 1);
  root = parse_json (json.out);
  results = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (results, 0), "valid"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (results, 1), "valid"));
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (results, 1), "reason"));
  g_assert_nonnull (strstr (json.err, "123"));
}

/* ---- usage errors ---- */

static void
assert_usage_error (Fixture           *fixture,
                    const char *const *args)
{
  g_auto(Run) run = { 0 };

  run_caiji (fixture, &run, args);
  g_assert_cmpint (run.status, ==, 2);
  assert_error_line (&run);
  g_assert_nonnull (strstr (run.err, "Usage"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_usage_errors (Fixture *fixture, gconstpointer data)
{
  assert_usage_error (fixture, (const char *[]) { "frobnicate", NULL });
  assert_usage_error (fixture, (const char *[]) { NULL });
  assert_usage_error (fixture, (const char *[]) { "id", "check", NULL });
  assert_usage_error (fixture, (const char *[]) { "--frob", "id", "check", "1", NULL });
  assert_usage_error (fixture, (const char *[]) { "roster", "list", "--frob", NULL });
  assert_usage_error (fixture, (const char *[]) { "roster", "import", "a.csv", "b.csv", NULL });
  assert_usage_error (fixture, (const char *[]) { "records", "list", "--status", "lost", NULL });
}

static void
test_unknown_subcommand (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };

  run_caiji (fixture, &run, (const char *[]) { "roster", "delete", NULL });
  g_assert_cmpint (run.status, ==, 2);
  assert_error_line (&run);
  /* It lists what "roster" does offer. */
  g_assert_nonnull (strstr (run.err, "roster import"));
}

static void
test_help_and_version (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_caiji (fixture, &help, (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "records show"));
  run_caiji (fixture, &version, (const char *[]) { "--version", NULL });
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "caiji "));
}

/* ---- roster ---- */

static void
test_roster_import_and_list (Fixture *fixture, gconstpointer data)
{
  g_autofree char *csv = write_roster_csv (fixture, 5, FALSE);
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;

  run_caiji (fixture, &import, (const char *[]) { "--db", fixture->db, "roster", "import", csv, NULL });
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "5"));

  run_caiji (fixture, &list, (const char *[]) { "roster", "list", "--json", "--db", fixture->db, NULL });
  g_assert_cmpint (list.status, ==, 0);
  root = parse_json (list.out);
  rows = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (rows), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CaijiCandidate) expected = caiji_test_candidate (i);
      g_autofree char *masked_id = caiji_id_number_mask (expected->id_number);
      g_autofree char *masked_phone = caiji_phone_mask (expected->phone);
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_cmpstr (json_object_get_string_member (row, "student_no"), ==, expected->student_no);
      g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, expected->name);
      g_assert_cmpstr (json_object_get_string_member (row, "id_number"), ==, masked_id);
      g_assert_cmpstr (json_object_get_string_member (row, "id_number"), !=, expected->id_number);
      g_assert_cmpstr (json_object_get_string_member (row, "phone"), ==, masked_phone);
      g_assert_cmpstr (json_object_get_string_member (row, "university"), ==, "网梯测试大学, 本部");
    }
}

static void
test_roster_list_no_mask (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CaijiCandidate) first = caiji_test_candidate (0);
  g_auto(Run) masked = { 0 };
  g_auto(Run) full = { 0 };

  import_roster (fixture, 3);
  run_caiji (fixture, &masked, (const char *[]) { "--db", fixture->db, "roster", "list", NULL });
  g_assert_cmpint (masked.status, ==, 0);
  g_assert_null (strstr (masked.out, first->id_number));
  g_assert_nonnull (strstr (masked.out, first->student_no));

  run_caiji (fixture, &full, (const char *[]) { "--db", fixture->db, "roster", "list", "--no-mask", NULL });
  g_assert_cmpint (full.status, ==, 0);
  g_assert_nonnull (strstr (full.out, first->id_number));
}

static void
test_roster_import_bad_row (Fixture *fixture, gconstpointer data)
{
  g_autofree char *csv = write_roster_csv (fixture, 2, TRUE);
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) rows = NULL;
  JsonObject *summary;

  /* Good rows go in; the bad one is reported by line and the exit
   * status says not everything was imported. */
  run_caiji (fixture, &import, (const char *[]) { "--db", fixture->db, "--json", "roster", "import", csv, NULL });
  g_assert_cmpint (import.status, ==, 1);
  g_assert_nonnull (strstr (import.err, "line 4: "));
  report = parse_json (import.out);
  summary = json_node_get_object (report);
  g_assert_cmpint (json_object_get_int_member (summary, "imported"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "skipped"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (summary, "row_errors")), ==, 1);

  run_caiji (fixture, &list, (const char *[]) { "--db", fixture->db, "--json", "roster", "list", NULL });
  g_assert_cmpint (list.status, ==, 0);
  rows = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (rows)), ==, 2);
}

static void
test_roster_import_bad_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *gbk = g_build_filename (fixture->dir, "gbk.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_auto(Run) not_utf8 = { 0 };
  g_auto(Run) absent = { 0 };

  g_assert_true (g_file_set_contents (gbk, "\xD1\xA7\xBA\xC5\n1\n", -1, NULL));
  run_caiji (fixture, &not_utf8, (const char *[]) { "--db", fixture->db, "roster", "import", gbk, NULL });
  g_assert_cmpint (not_utf8.status, ==, 1);
  assert_error_line (&not_utf8);
  g_assert_nonnull (strstr (not_utf8.err, "UTF-8"));
  /* A rejected file must not leave an empty database behind. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  run_caiji (fixture, &absent, (const char *[]) { "--db", fixture->db, "roster", "import", missing, NULL });
  g_assert_cmpint (absent.status, ==, 1);
  assert_error_line (&absent);
}

static void
test_demo_roster_imports (Fixture *fixture, gconstpointer data)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "roster.csv", NULL);
  g_auto(Run) run = { 0 };

  /* What scripts/run-kiosk.sh does before starting the demo. */
  run_caiji (fixture, &run, (const char *[]) { "--db", fixture->db, "roster", "import", demo, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

/* ---- records ---- */

static void
test_records_list_empty (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  import_roster (fixture, 2);
  run_caiji (fixture, &run, (const char *[]) { "--db", fixture->db, "records", "list", "--json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
}

static void
test_records_show_missing (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) by_id = { 0 };
  g_auto(Run) by_uuid = { 0 };
  g_autoptr(JsonNode) root = NULL;

  import_roster (fixture, 1);
  run_caiji (fixture, &by_id, (const char *[]) { "--db", fixture->db, "records", "show", "999", NULL });
  g_assert_cmpint (by_id.status, ==, 1);
  assert_error_line (&by_id);

  run_caiji (fixture, &by_uuid, (const char *[]) { "--db", fixture->db, "--json", "records", "show",
                                                   "00000000-0000-4000-8000-000000000000", NULL });
  g_assert_cmpint (by_uuid.status, ==, 1);
  root = parse_json (by_uuid.out);
  g_assert_nonnull (json_object_get_string_member (json_node_get_object (root), "error"));
}

/* Creates a record through the store, as the kiosk would. */
static gint64
create_record (Fixture *fixture,
               char   **uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open (fixture->db, &error);
  g_autoptr(CaijiCandidate) candidate = caiji_test_candidate (0);
  g_autoptr(CaijiRecord) record = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = caiji_store_record_create (store, candidate->student_no, "candidate:test", &error);
  g_assert_no_error (error);
  record = caiji_store_record_load (store, id, &error);
  g_assert_no_error (error);
  *uuid = g_strdup (record->uuid);
  return id;
}

static void
test_records_show_and_filter (Fixture *fixture, gconstpointer data)
{
  g_autoptr(CaijiCandidate) candidate = caiji_test_candidate (0);
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;
  g_auto(Run) show = { 0 };
  g_auto(Run) by_uuid = { 0 };
  g_auto(Run) drafts = { 0 };
  g_auto(Run) approved = { 0 };
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) draft_list = NULL;
  g_autoptr(JsonNode) approved_list = NULL;
  JsonObject *object;

  import_roster (fixture, 1);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, create_record (fixture, &uuid));

  run_caiji (fixture, &show, (const char *[]) { "--db", fixture->db, "records", "show", id, "--json", NULL });
  g_assert_cmpint (show.status, ==, 0);
  record = parse_json (show.out);
  object = json_node_get_object (record);
  g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (object, "student_no"), ==, candidate->student_no);
  g_assert_cmpstr (json_object_get_string_member (object, "id_number"), !=, candidate->id_number);
  g_assert_true (json_object_get_null_member (object, "face_score"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "history")), >=, 1);

  run_caiji (fixture, &by_uuid, (const char *[]) { "--db", fixture->db, "records", "show", uuid, NULL });
  g_assert_cmpint (by_uuid.status, ==, 0);
  g_assert_nonnull (strstr (by_uuid.out, uuid));
  g_assert_null (strstr (by_uuid.out, candidate->id_number));

  run_caiji (fixture, &drafts, (const char *[]) { "--db", fixture->db, "--json", "records", "list", "--status", "draft", NULL });
  g_assert_cmpint (drafts.status, ==, 0);
  draft_list = parse_json (drafts.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (draft_list)), ==, 1);

  run_caiji (fixture, &approved, (const char *[]) { "--db", fixture->db, "--json", "records", "list", "--status", "approved", NULL });
  g_assert_cmpint (approved.status, ==, 0);
  approved_list = parse_json (approved.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (approved_list)), ==, 0);
}

/* ---- db ---- */

static void
test_db_check (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *check;

  import_roster (fixture, 4);
  run_caiji (fixture, &run, (const char *[]) { "--db", fixture->db, "db", "check", "--json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  check = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (check, "integrity"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (check, "schema_version"), ==, CAIJI_STORE_SCHEMA_VERSION);
  g_assert_cmpint (json_object_get_int_member (check, "roster"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (check, "records"), ==, 0);
}

/* ---- audit ---- */

static void
test_audit_verify (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) intact = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) broken = { 0 };
  g_autoptr(JsonNode) verdict = NULL;
  g_autoptr(JsonNode) entries = NULL;
  sqlite3 *db = NULL;

  import_roster (fixture, 2);
  run_caiji (fixture, &intact, (const char *[]) { "--db", fixture->db, "audit", "verify", NULL });
  g_assert_cmpint (intact.status, ==, 0);
  run_caiji (fixture, &listed, (const char *[]) { "--db", fixture->db, "--json", "audit", "list", NULL });
  g_assert_cmpint (listed.status, ==, 0);
  entries = parse_json (listed.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (entries)), ==, 1);

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_update;"
                                     "UPDATE audit_log SET detail = 'nothing happened' WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  run_caiji (fixture, &broken, (const char *[]) { "--db", fixture->db, "--json", "audit", "verify", NULL });
  g_assert_cmpint (broken.status, ==, 1);
  assert_error_line (&broken);
  verdict = parse_json (broken.out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (verdict), "intact"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (verdict), "first_bad_entry"), ==, 1);
}

/* ---- data protection ---- */

static void
test_rekey_and_purge (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) before = { 0 };
  g_auto(Run) rekey = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) negative = { 0 };
  g_autoptr(JsonNode) purge = NULL;

  import_roster (fixture, 3);
  run_caiji (fixture, &before, (const char *[]) { "--db", fixture->db, "roster", "list", "--no-mask", NULL });
  run_caiji (fixture, &rekey, (const char *[]) { "--db", fixture->db, "db", "rekey", NULL });
  g_assert_cmpint (rekey.status, ==, 0);
  run_caiji (fixture, &after, (const char *[]) { "--db", fixture->db, "roster", "list", "--no-mask", NULL });
  g_assert_cmpstr (after.out, ==, before.out);

  run_caiji (fixture, &dry, (const char *[]) { "--db", fixture->db, "--json", "db", "purge", "--dry-run", NULL });
  g_assert_cmpint (dry.status, ==, 0);
  purge = parse_json (dry.out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (purge), "dry_run"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (purge), "records")),
                    ==, 0);
  run_caiji (fixture, &negative, (const char *[]) { "--db", fixture->db, "db", "purge", "--days", "-1", NULL });
  g_assert_cmpint (negative.status, ==, 2);
}

static void
test_missing_database (Fixture *fixture, gconstpointer data)
{
  const char *const commands[][3] = { { "db", "check", NULL }, { "roster", "list", NULL },
                                      { "records", "list", NULL } };

  /* Reading commands report the missing file and do not create it. */
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_caiji (fixture, &run, (const char *[]) { "--db", fixture->db, commands[i][0], commands[i][1], NULL });
      g_assert_cmpint (run.status, ==, 1);
      assert_error_line (&run);
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

static void
test_corrupt_database (Fixture *fixture, gconstpointer data)
{
  g_autofree char *csv = write_roster_csv (fixture, 1, FALSE);
  const char *const commands[][4] = { { "db", "check", NULL }, { "roster", "list", NULL },
                                      { "records", "list", NULL }, { "records", "show", "1", NULL },
                                      { "roster", "import", csv, NULL } };
  g_autoptr(GBytes) noise = caiji_test_fake_jpeg (8192, 42);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (fixture->db, g_bytes_get_data (noise, NULL),
                                      g_bytes_get_size (noise), &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(JsonNode) root = NULL;

      run_caiji (fixture, &run, (const char *[]) { "--db", fixture->db, "--json", commands[i][0],
                                                   commands[i][1], commands[i][2], NULL });
      g_assert_cmpint (run.status, ==, 1);
      assert_error_line (&run);
      g_assert_nonnull (strstr (run.err, fixture->db));
      root = parse_json (run.out);
      g_assert_nonnull (json_object_get_string_member (json_node_get_object (root), "error"));
    }
}

/* A plain grey 64×64 PNG (made with python's zlib and struct): a valid
 * picture with no face in it. */
static const guint8 plain_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x40, 0x08, 0x02, 0x00, 0x00, 0x00, 0x25, 0x0b, 0xe6,
  0x89, 0x00, 0x00, 0x00, 0x4f, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0xed, 0xcf, 0x41, 0x09, 0x00,
  0x00, 0x08, 0x04, 0xb0, 0x8b, 0x6e, 0x04, 0x23, 0x18, 0xd5, 0x08, 0xbe, 0x85, 0xc1, 0x0a, 0x2c,
  0xd5, 0xf3, 0x5a, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04,
  0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04,
  0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04,
  0x04, 0x04, 0x2e, 0x0b, 0x5c, 0xfc, 0x01, 0x96, 0x8a, 0x2f, 0xdc, 0x84, 0x00, 0x00, 0x00, 0x00,
  0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The face commands need the shared test faces and the models; without
 * them the test is skipped, as the vision tests are. */
static gboolean
face_commands_ready (void)
{
  g_autofree char *faces = caiji_test_shared_path ("testdata/faces");
  const char *const models[] = { "yunet_n_640_640.onnx", "yunet_n_320_320.onnx", "mobilefacenet_foamliu_opset10.onnx" };

  if (!g_file_test (faces, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared test faces are not installed (CAIJI_SHARED_DIR)");
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *model = caiji_model_path (models[i], &error);

      if (g_error_matches (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MISSING))
        {
          g_test_skip (error->message);
          return FALSE;
        }
      g_assert_no_error (error);
    }
  return TRUE;
}

static char *
shared_face (const char *relative)
{
  g_autofree char *faces = caiji_test_shared_path ("testdata/faces");

  return g_build_filename (faces, relative, NULL);
}

static char *
write_plain_png (Fixture *fixture)
{
  char *path = g_build_filename (fixture->dir, "plain.png", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) plain_png, sizeof plain_png, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_face_detect (Fixture *fixture, gconstpointer data)
{
  g_autofree char *single = shared_face ("obama/obama_1.jpg");
  g_autofree char *group = shared_face ("multi/two_people.jpg");
  g_auto(Run) run = { 0 };
  g_auto(Run) group_run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *faces;
  JsonObject *face;

  if (!face_commands_ready ())
    return;
  run_caiji (fixture, &run, (const char *[]) { "face", "detect", "--json", single, NULL });
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  faces = json_object_get_array_member (json_node_get_object (root), "faces");
  g_assert_cmpuint (json_array_get_length (faces), ==, 1);
  face = json_array_get_object_element (faces, 0);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (face, "box"), "width"), >, 100);
  g_assert_true (json_object_has_member (json_object_get_object_member (face, "landmarks"), "nose_tip"));
  g_assert_cmpfloat (json_object_get_double_member (face, "score"), >, 0.6);
  g_assert_true (json_object_has_member (json_node_get_object (root), "ms"));

  run_caiji (fixture, &group_run, (const char *[]) { "face", "detect", group, NULL });
  g_assert_cmpint (group_run.status, ==, 0);
  g_assert_nonnull (strstr (group_run.out, "Face 2:"));
  g_assert_null (strstr (group_run.out, "Face 3:"));
}

static void
test_face_detect_no_face (Fixture *fixture, gconstpointer data)
{
  g_autofree char *plain = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (!face_commands_ready ())
    return;
  plain = write_plain_png (fixture);
  run_caiji (fixture, &run, (const char *[]) { "face", "detect", "--json", plain, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No face detected"));
  root = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "faces")), ==, 0);
}

static JsonObject *
run_verify (Fixture    *fixture,
            Run        *run,
            const char *photo,
            const char *live,
            JsonNode  **root)
{
  run_caiji (fixture, run, (const char *[]) { "face", "verify", "--json", "--photo", photo, "--live", live, NULL });
  *root = parse_json (run->out);
  return json_node_get_object (*root);
}

static void
test_face_verify (Fixture *fixture, gconstpointer data)
{
  g_autofree char *photo = shared_face ("obama/obama_1.jpg");
  g_autofree char *same = shared_face ("obama/obama_2.jpg");
  g_autofree char *other = shared_face ("biden/biden_1.jpg");
  g_auto(Run) match_run = { 0 };
  g_auto(Run) other_run = { 0 };
  g_autoptr(JsonNode) match_root = NULL;
  g_autoptr(JsonNode) other_root = NULL;
  JsonObject *verdict;

  if (!face_commands_ready ())
    return;
  verdict = run_verify (fixture, &match_run, photo, same, &match_root);
  g_assert_cmpint (match_run.status, ==, 0);
  g_assert_true (json_object_get_boolean_member (verdict, "match"));
  g_assert_cmpfloat (json_object_get_double_member (verdict, "score"), >=,
                     json_object_get_double_member (verdict, "threshold"));
  g_assert_true (json_object_has_member (verdict, "ms"));

  verdict = run_verify (fixture, &other_run, photo, other, &other_root);
  g_assert_cmpint (other_run.status, ==, 1);
  g_assert_false (json_object_get_boolean_member (verdict, "match"));
  g_assert_cmpfloat (json_object_get_double_member (verdict, "score"), <,
                     json_object_get_double_member (verdict, "threshold"));
  assert_error_line (&other_run);
}

static void
test_face_verify_refusals (Fixture *fixture, gconstpointer data)
{
  g_autofree char *photo = shared_face ("obama/obama_1.jpg");
  g_autofree char *plain = NULL;
  g_auto(Run) no_face = { 0 };
  g_auto(Run) usage = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (!face_commands_ready ())
    return;
  plain = write_plain_png (fixture);
  run_verify (fixture, &no_face, photo, plain, &root);
  g_assert_cmpint (no_face.status, ==, 1);
  g_assert_nonnull (strstr (no_face.err, "No face detected"));
  g_assert_nonnull (json_object_get_string_member (json_node_get_object (root), "error"));

  run_caiji (fixture, &usage, (const char *[]) { "face", "verify", "--photo", photo, NULL });
  g_assert_cmpint (usage.status, ==, 2);
  assert_error_line (&usage);
}

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-caiji\n", argv[0]);
      return 2;
    }
  caiji_path = argv[1];

  add_test ("/cli/id-check/valid", test_id_check_valid);
  add_test ("/cli/audit/verify", test_audit_verify);
  add_test ("/cli/db/rekey-and-purge", test_rekey_and_purge);
  add_test ("/cli/id-check/invalid", test_id_check_invalid);
  add_test ("/cli/usage/errors", test_usage_errors);
  add_test ("/cli/usage/unknown-subcommand", test_unknown_subcommand);
  add_test ("/cli/usage/help-and-version", test_help_and_version);
  add_test ("/cli/roster/import-and-list", test_roster_import_and_list);
  add_test ("/cli/roster/list-no-mask", test_roster_list_no_mask);
  add_test ("/cli/roster/import-bad-row", test_roster_import_bad_row);
  add_test ("/cli/roster/import-bad-file", test_roster_import_bad_file);
  add_test ("/cli/roster/demo-roster", test_demo_roster_imports);
  add_test ("/cli/records/list-empty", test_records_list_empty);
  add_test ("/cli/records/show-missing", test_records_show_missing);
  add_test ("/cli/records/show-and-filter", test_records_show_and_filter);
  add_test ("/cli/db/check", test_db_check);
  add_test ("/cli/db/missing", test_missing_database);
  add_test ("/cli/db/corrupt", test_corrupt_database);
  add_test ("/cli/face/detect", test_face_detect);
  add_test ("/cli/face/detect-no-face", test_face_detect_no_face);
  add_test ("/cli/face/verify", test_face_verify);
  add_test ("/cli/face/verify-refusals", test_face_verify_refusals);
  return g_test_run ();
}
