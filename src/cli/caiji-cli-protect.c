/* caiji-cli-protect.c: `caiji db rekey` and `caiji db purge`
 *
 * The two data-protection chores a desk supervisor runs: rotating the
 * data key (after staff changes, or on a schedule) and deleting images
 * the hub has had for longer than the retention period.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"

#define DEFAULT_RETENTION_DAYS 30

CaijiCliExit
caiji_cli_db_rekey (CaijiCli              *cli,
                    const CaijiCliCommand *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !caiji_store_rekey (store, &error))
    return caiji_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rekeyed");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      caiji_cli_print_json (builder);
    }
  else
    g_print (_("Every protected value is now sealed with a new data key.\n"));
  return CAIJI_CLI_EXIT_OK;
}

static void
print_purge (CaijiCli *cli,
             GArray   *ids,
             gboolean  dry_run,
             int       days)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!cli->json)
    {
      for (guint i = 0; i < ids->len; i++)
        g_print ("%" G_GINT64_FORMAT "\n", g_array_index (ids, gint64, i));
      g_print (dry_run ? _("%u records have images the hub confirmed more than %d days ago; nothing was deleted.\n")
                       : _("Deleted the images of %u records the hub confirmed more than %d days ago.\n"),
               ids->len, days);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  caiji_cli_json_int (builder, "days", days);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

CaijiCliExit
caiji_cli_db_purge (CaijiCli              *cli,
                    const CaijiCliCommand *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean dry_run = FALSE;
  int days = DEFAULT_RETENTION_DAYS;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Keep images this many days after the hub confirmed them (default 30)"),
      N_("DAYS") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only list the records whose images would be deleted"), NULL },
    G_OPTION_ENTRY_NULL
  };
  CaijiCliExit status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (days < 0)
    return caiji_cli_usage_error (command, _("--days cannot be negative"));
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    ids = caiji_store_purge_images (store, g_get_real_time () / G_USEC_PER_SEC - (gint64) days * 86400,
                                    dry_run, &error);
  if (ids == NULL)
    return caiji_cli_fail (cli, error);
  print_purge (cli, ids, dry_run, days);
  return CAIJI_CLI_EXIT_OK;
}
