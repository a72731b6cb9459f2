/* caiji-cli-db.c: `caiji db check`
 *
 * The first thing to run when the kiosk misbehaves after a power cut: it
 * says whether SQLite finds the file intact and what it holds.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"

static void
print_check_json (CaijiStore            *store,
                  const CaijiStoreCheck *check)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  caiji_cli_json_string (builder, "path", caiji_store_get_path (store));
  caiji_cli_json_string (builder, "integrity", check->integrity);
  caiji_cli_json_int (builder, "schema_version", check->schema_version);
  caiji_cli_json_int (builder, "roster", check->roster);
  caiji_cli_json_int (builder, "records", check->records);
  json_builder_set_member_name (builder, "records_by_status");
  json_builder_begin_object (builder);
  for (guint i = 0; i < CAIJI_RECORD_N_STATUSES; i++)
    caiji_cli_json_int (builder, caiji_record_status_to_string (i), check->records_by_status[i]);
  json_builder_end_object (builder);
  caiji_cli_json_int (builder, "images", check->images);
  caiji_cli_json_int (builder, "corrections", check->corrections);
  caiji_cli_json_int (builder, "audit", check->audit);
  caiji_cli_json_int (builder, "outbox_pending", check->outbox_pending);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

static void
print_count (const char *label,
             gint64      count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  caiji_cli_print_field (label, text);
}

static void
print_check_text (CaijiStore            *store,
                  const CaijiStoreCheck *check)
{
  caiji_cli_print_field (_("Database"), caiji_store_get_path (store));
  caiji_cli_print_field (_("Integrity"), check->integrity);
  print_count (_("Schema version"), check->schema_version);
  print_count (_("Candidates"), check->roster);
  print_count (_("Records"), check->records);
  for (guint i = 0; i < CAIJI_RECORD_N_STATUSES; i++)
    {
      g_autofree char *label = g_strdup_printf ("  %s", caiji_record_status_display_name (i));

      print_count (label, check->records_by_status[i]);
    }
  print_count (_("Images"), check->images);
  print_count (_("Correction requests"), check->corrections);
  print_count (_("Audit log entries"), check->audit);
  print_count (_("Waiting to sync"), check->outbox_pending);
}

CaijiCliExit
caiji_cli_db_check (CaijiCli              *cli,
                    const CaijiCliCommand *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  CaijiStoreCheck check = { 0 };
  gboolean healthy;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !caiji_store_check (store, &check, &error))
    return caiji_cli_fail (cli, error);
  if (cli->json)
    print_check_json (store, &check);
  else
    print_check_text (store, &check);
  healthy = g_strcmp0 (check.integrity, "ok") == 0;
  if (!healthy)
    caiji_cli_print_error (_("%s is damaged: SQLite reports “%s”. Copy the file somewhere safe before anything else writes to it."),
                           caiji_store_get_path (store), check.integrity);
  caiji_store_check_clear (&check);
  return healthy ? CAIJI_CLI_EXIT_OK : CAIJI_CLI_EXIT_FAILED;
}
