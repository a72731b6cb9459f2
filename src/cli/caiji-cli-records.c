/* caiji-cli-records.c: `caiji records list [--status S]` and
 * `caiji records show ID|UUID`
 *
 * ID numbers are masked unless --no-mask, as in `caiji roster list`.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"

static void
add_summary_json (JsonBuilder  *builder,
                  gconstpointer item,
                  gboolean      mask)
{
  const CaijiRecord *record = item;
  g_autofree char *id_number = caiji_cli_masked (record->id_number, mask, caiji_id_number_mask);

  caiji_cli_json_int (builder, "id", record->id);
  caiji_cli_json_string (builder, "uuid", record->uuid);
  caiji_cli_json_string (builder, "student_no", record->student_no);
  caiji_cli_json_string (builder, "id_number", id_number);
  caiji_cli_json_string (builder, "status", caiji_record_status_to_string (record->status));
  caiji_cli_json_time (builder, "created_at", record->created_at);
  caiji_cli_json_time (builder, "updated_at", record->updated_at);
}

/* ---- list ---- */

static void
print_record_row (gconstpointer item,
                  gboolean      mask)
{
  const CaijiRecord *record = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
  g_autofree char *id_number = caiji_cli_masked (record->id_number, mask, caiji_id_number_mask);
  g_autofree char *updated = caiji_cli_format_time (record->updated_at);
  const char *cells[] = {
    id, record->uuid, record->student_no, id_number,
    caiji_record_status_to_string (record->status), updated,
  };

  caiji_cli_print_row (cells, G_N_ELEMENTS (cells));
}

static void
print_records (CaijiCli  *cli,
               GPtrArray *records,
               gboolean   mask)
{
  const char *header[] = { _("ID"), _("UUID"), _("Student no."), _("ID number"), _("Status"), _("Updated") };
  const CaijiCliListFormat format = {
    header, G_N_ELEMENTS (header), _("No records."), print_record_row, add_summary_json,
  };

  caiji_cli_print_list (cli, records, &format, mask);
}

static char *
status_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < CAIJI_RECORD_N_STATUSES; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", caiji_record_status_to_string (i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

CaijiCliExit
caiji_cli_records_list (CaijiCli              *cli,
                        const CaijiCliCommand *command,
                        int                    argc,
                        char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autofree char *status_text = NULL;
  gboolean no_mask = FALSE;
  CaijiRecordStatus status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only records in this status (draft, captured, pending_review, approved, rejected, synced)"), N_("STATUS") },
    { "no-mask", 0, 0, G_OPTION_ARG_NONE, &no_mask, N_("Show ID numbers in full"), NULL },
    G_OPTION_ENTRY_NULL
  };
  CaijiCliExit exit_status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);

  if (exit_status != CAIJI_CLI_EXIT_OK)
    return exit_status;
  if (status_text != NULL && !caiji_record_status_from_string (status_text, &status))
    {
      g_autofree char *names = status_names ();

      return caiji_cli_usage_error (command, _("unknown status “%s”; use one of: %s"), status_text, names);
    }
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    records = caiji_store_record_list (store, status_text != NULL ? &status : NULL, &error);
  if (records == NULL)
    return caiji_cli_fail (cli, error);
  print_records (cli, records, !no_mask);
  return CAIJI_CLI_EXIT_OK;
}

/* ---- show ---- */

static void
add_history_json (JsonBuilder *builder,
                  GPtrArray   *history)
{
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      const CaijiStatusChange *change = g_ptr_array_index (history, i);

      json_builder_begin_object (builder);
      caiji_cli_json_string (builder, "status", caiji_record_status_to_string (change->status));
      caiji_cli_json_time (builder, "at", change->at);
      caiji_cli_json_string (builder, "actor", change->actor);
      caiji_cli_json_string (builder, "reason", change->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_record_json (const CaijiRecord *record,
                   gboolean           mask)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *card_id_number = caiji_cli_masked (record->card_id_number, mask, caiji_id_number_mask);

  json_builder_begin_object (builder);
  add_summary_json (builder, record, mask);
  caiji_cli_json_string (builder, "card_name", record->card_name);
  caiji_cli_json_string (builder, "card_id_number", card_id_number);
  caiji_cli_json_double (builder, "face_score", record->face_score);
  caiji_cli_json_double (builder, "face_threshold", record->face_threshold);
  caiji_cli_json_string (builder, "reject_reason", record->reject_reason);
  caiji_cli_json_string (builder, "correction_note", record->correction_note);
  add_history_json (builder, record->history);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

static void
print_history_text (GPtrArray *history)
{
  g_print ("%s:\n", _("History"));
  for (guint i = 0; i < history->len; i++)
    {
      const CaijiStatusChange *change = g_ptr_array_index (history, i);
      g_autofree char *at = caiji_cli_format_time (change->at);

      g_print ("  %s  %s  %s%s%s\n", at, caiji_record_status_to_string (change->status),
               change->actor != NULL ? change->actor : "-",
               change->reason != NULL ? "  " : "", change->reason != NULL ? change->reason : "");
    }
}

static void
print_record_text (const CaijiRecord *record,
                   gboolean           mask)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
  g_autofree char *id_number = caiji_cli_masked (record->id_number, mask, caiji_id_number_mask);
  g_autofree char *card_id_number = caiji_cli_masked (record->card_id_number, mask, caiji_id_number_mask);
  g_autofree char *status = g_strdup_printf ("%s (%s)", caiji_record_status_display_name (record->status),
                                             caiji_record_status_to_string (record->status));
  g_autofree char *face = isnan (record->face_score) ? NULL
    : g_strdup_printf ("%.3f / %.3f", record->face_score, record->face_threshold);
  g_autofree char *created = caiji_cli_format_time (record->created_at);
  g_autofree char *updated = caiji_cli_format_time (record->updated_at);

  caiji_cli_print_field (_("ID"), id);
  caiji_cli_print_field (_("UUID"), record->uuid);
  caiji_cli_print_field (_("Student no."), record->student_no);
  caiji_cli_print_field (_("ID number"), id_number);
  caiji_cli_print_field (_("Status"), status);
  caiji_cli_print_field (_("Name on the card"), record->card_name);
  caiji_cli_print_field (_("ID number on the card"), card_id_number);
  caiji_cli_print_field (_("Face match (score / threshold)"), face);
  caiji_cli_print_field (_("Reason for rejection"), record->reject_reason);
  caiji_cli_print_field (_("Review request"), record->correction_note);
  caiji_cli_print_field (_("Created"), created);
  caiji_cli_print_field (_("Updated"), updated);
  print_history_text (record->history);
}

/* A number is the local row id; anything else is taken as the UUID the
 * hub and the kiosk's screens show. */
static CaijiRecord *
load_record (CaijiStore *store,
             const char *key,
             GError    **error)
{
  gint64 id = 0;

  if (g_ascii_string_to_signed (key, 10, 1, G_MAXINT64, &id, NULL))
    return caiji_store_record_load (store, id, error);
  return caiji_store_record_load_by_uuid (store, key, error);
}

CaijiCliExit
caiji_cli_records_show (CaijiCli              *cli,
                        const CaijiCliCommand *command,
                        int                    argc,
                        char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = NULL;
  g_autoptr(CaijiStore) store = NULL;
  gboolean no_mask = FALSE;
  const GOptionEntry entries[] = {
    { "no-mask", 0, 0, G_OPTION_ARG_NONE, &no_mask, N_("Show ID numbers in full"), NULL },
    G_OPTION_ENTRY_NULL
  };
  CaijiCliExit status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    record = load_record (store, argv[1], &error);
  if (record == NULL)
    return caiji_cli_fail (cli, error);
  if (cli->json)
    print_record_json (record, !no_mask);
  else
    print_record_text (record, !no_mask);
  return CAIJI_CLI_EXIT_OK;
}
