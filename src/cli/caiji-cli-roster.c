/* caiji-cli-roster.c: `caiji roster import FILE.csv` and `caiji roster list`
 *
 * ID numbers and phone numbers are masked in listings by default: the
 * output ends up in terminals, logs and chat screenshots.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-roster-csv.h"

/* ---- import ---- */

static void
print_import_json (const char *path,
                   guint       imported,
                   GPtrArray  *row_errors)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  caiji_cli_json_string (builder, "file", path);
  caiji_cli_json_int (builder, "imported", imported);
  caiji_cli_json_int (builder, "skipped", row_errors->len);
  json_builder_set_member_name (builder, "row_errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < row_errors->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (row_errors, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

static void
report_import (CaijiCli   *cli,
               const char *path,
               guint       imported,
               GPtrArray  *row_errors)
{
  for (guint i = 0; i < row_errors->len; i++)
    caiji_cli_print_error ("%s: %s", path, (const char *) g_ptr_array_index (row_errors, i));
  if (row_errors->len > 0)
    caiji_cli_print_error (ngettext ("%u row was skipped; correct it and import the file again.",
                                     "%u rows were skipped; correct them and import the file again.",
                                     row_errors->len),
                           row_errors->len);
  if (cli->json)
    print_import_json (path, imported, row_errors);
  else
    g_print (ngettext ("Imported %u candidate from %s.\n", "Imported %u candidates from %s.\n", imported),
             imported, path);
}

CaijiCliExit
caiji_cli_roster_import (CaijiCli              *cli,
                         const CaijiCliCommand *command,
                         int                    argc,
                         char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(CaijiStore) store = NULL;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  candidates = caiji_roster_csv_parse_file (argv[1], &row_errors, &error);
  if (candidates == NULL)
    return caiji_cli_fail (cli, error);
  /* Good rows are imported even when others are not: the office fixes
   * the few bad lines and imports again. */
  if (candidates->len > 0)
    {
      store = caiji_cli_open_store (cli, TRUE, &error);
      if (store == NULL || !caiji_store_roster_put (store, candidates, &error))
        return caiji_cli_fail (cli, error);
    }
  report_import (cli, argv[1], candidates->len, row_errors);
  return row_errors->len == 0 ? CAIJI_CLI_EXIT_OK : CAIJI_CLI_EXIT_FAILED;
}

/* ---- list ---- */

static void
add_candidate_json (JsonBuilder  *builder,
                    gconstpointer item,
                    gboolean      mask)
{
  const CaijiCandidate *candidate = item;
  g_autofree char *id_number = caiji_cli_masked (candidate->id_number, mask, caiji_id_number_mask);
  g_autofree char *phone = caiji_cli_masked (candidate->phone, mask, caiji_phone_mask);

  caiji_cli_json_string (builder, "student_no", candidate->student_no);
  caiji_cli_json_string (builder, "name", candidate->name);
  caiji_cli_json_string (builder, "sex", caiji_sex_to_string (candidate->sex));
  caiji_cli_json_string (builder, "id_number", id_number);
  caiji_cli_json_string (builder, "phone", phone);
  caiji_cli_json_string (builder, "university", candidate->university);
  caiji_cli_json_string (builder, "major", candidate->major);
  caiji_cli_json_string (builder, "grade", candidate->grade);
}

static void
print_candidate_row (gconstpointer item,
                     gboolean      mask)
{
  const CaijiCandidate *candidate = item;
  g_autofree char *id_number = caiji_cli_masked (candidate->id_number, mask, caiji_id_number_mask);
  g_autofree char *phone = caiji_cli_masked (candidate->phone, mask, caiji_phone_mask);
  const char *cells[] = {
    candidate->student_no, candidate->name, caiji_sex_display_name (candidate->sex), id_number,
    phone, candidate->university, candidate->major, candidate->grade,
  };

  caiji_cli_print_row (cells, G_N_ELEMENTS (cells));
}

static void
print_candidates (CaijiCli  *cli,
                  GPtrArray *candidates,
                  gboolean   mask)
{
  const char *header[] = {
    _("Student no."), _("Name"), _("Sex"), _("ID number"),
    _("Phone"), _("University"), _("Major"), _("Grade"),
  };
  const CaijiCliListFormat format = {
    header, G_N_ELEMENTS (header), _("The roster is empty."), print_candidate_row, add_candidate_json,
  };

  caiji_cli_print_list (cli, candidates, &format, mask);
}

CaijiCliExit
caiji_cli_roster_list (CaijiCli              *cli,
                       const CaijiCliCommand *command,
                       int                    argc,
                       char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(CaijiStore) store = NULL;
  gboolean no_mask = FALSE;
  const GOptionEntry entries[] = {
    { "no-mask", 0, 0, G_OPTION_ARG_NONE, &no_mask,
      N_("Show ID and phone numbers in full"), NULL },
    G_OPTION_ENTRY_NULL
  };
  CaijiCliExit status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    candidates = caiji_store_roster_list (store, &error);
  if (candidates == NULL)
    return caiji_cli_fail (cli, error);
  print_candidates (cli, candidates, !no_mask);
  return CAIJI_CLI_EXIT_OK;
}
