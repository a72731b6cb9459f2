/* caiji-cli-audit.c: `caiji audit list` and `caiji audit verify`
 *
 * The audit log is what a supervisor asks for after an incident; verify
 * tells whether it is still the log the kiosk wrote.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"

static void
add_entry_json (JsonBuilder   *builder,
                gconstpointer  item,
                gboolean       mask)
{
  const CaijiAuditEntry *entry = item;

  caiji_cli_json_int (builder, "id", entry->id);
  caiji_cli_json_time (builder, "at", entry->at);
  caiji_cli_json_string (builder, "actor", entry->actor);
  caiji_cli_json_string (builder, "action", entry->action);
  caiji_cli_json_int (builder, "record_id", entry->record_id);
  caiji_cli_json_string (builder, "detail", entry->detail);
  caiji_cli_json_string (builder, "hash", entry->hash);
}

static void
print_entry_row (gconstpointer item,
                 gboolean      mask)
{
  const CaijiAuditEntry *entry = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);
  g_autofree char *at = caiji_cli_format_time (entry->at);
  g_autofree char *record = entry->record_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->record_id)
                                                 : g_strdup ("");
  const char *cells[] = { id, at, entry->actor, entry->action, record, entry->detail != NULL ? entry->detail : "" };

  caiji_cli_print_row (cells, G_N_ELEMENTS (cells));
}

CaijiCliExit
caiji_cli_audit_list (CaijiCli              *cli,
                      const CaijiCliCommand *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *header[] = { _("ID"), _("Time"), _("Who"), _("What"), _("Record"), _("Detail") };
  const CaijiCliListFormat format = {
    header, G_N_ELEMENTS (header), _("The audit log is empty."), print_entry_row, add_entry_json,
  };
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    entries = caiji_store_audit_list (store, &error);
  if (entries == NULL)
    return caiji_cli_fail (cli, error);
  caiji_cli_print_list (cli, entries, &format, TRUE);
  return CAIJI_CLI_EXIT_OK;
}

static void
print_verdict_json (gint64      first_bad,
                    const char *problem)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "intact");
  json_builder_add_boolean_value (builder, problem == NULL);
  if (problem != NULL)
    {
      caiji_cli_json_int (builder, "first_bad_entry", first_bad);
      caiji_cli_json_string (builder, "problem", problem);
    }
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

CaijiCliExit
caiji_cli_audit_verify (CaijiCli              *cli,
                        const CaijiCliCommand *command,
                        int                    argc,
                        char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autofree char *problem = NULL;
  gint64 first_bad = 0;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !caiji_store_audit_verify (store, &first_bad, &problem, &error))
    return caiji_cli_fail (cli, error);
  if (cli->json)
    print_verdict_json (first_bad, problem);
  else if (problem == NULL)
    g_print (_("The audit log is intact.\n"));
  if (problem == NULL)
    return CAIJI_CLI_EXIT_OK;
  caiji_cli_print_error ("%s", problem);
  return CAIJI_CLI_EXIT_FAILED;
}
