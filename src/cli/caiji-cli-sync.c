/* caiji-cli-sync.c: `caiji sync status`, `caiji sync run [--once]` and
 * `caiji sync retry RECORD`
 *
 * status reads only the store, so it works with the hub unreachable, and
 * lists the records the hub refused with its reasons; retry sends one of
 * them again once the operator has sorted out why.  run
 * delivers from the command line through the same worker code as the
 * kiosk; on a terminal it draws a progress bar on stderr.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <unistd.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-sync-config.h"
#include "caiji-sync-decisions.h"
#include "caiji-sync-roster.h"
#include "caiji-sync-status.h"
#include "caiji-sync-worker.h"

#define PROGRESS_WIDTH 30

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
add_held_json (JsonBuilder *builder,
               GPtrArray   *held)
{
  json_builder_set_member_name (builder, "held_records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < held->len; i++)
    {
      const CaijiOutboxEntry *entry = held->pdata[i];

      json_builder_begin_object (builder);
      caiji_cli_json_int (builder, "record_id", entry->record_id);
      caiji_cli_json_string (builder, "uuid", entry->uuid);
      caiji_cli_json_time (builder, "held_at", entry->held_at);
      caiji_cli_json_string (builder, "reason", entry->last_error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_status_json (const CaijiSyncStatus *status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const CaijiSyncCounts *counts = &status->counts;

  json_builder_begin_object (builder);
  caiji_cli_json_string (builder, "roster_cursor", status->roster_cursor);
  caiji_cli_json_string (builder, "roster_error", status->roster_error);
  caiji_cli_json_string (builder, "decisions_error", status->decisions_error);
  caiji_cli_json_int (builder, "waiting", counts->waiting);
  caiji_cli_json_int (builder, "due", counts->due);
  caiji_cli_json_int (builder, "held", counts->held);
  caiji_cli_json_int (builder, "delivered", counts->delivered);
  if (counts->next_attempt_at > 0)
    caiji_cli_json_time (builder, "next_attempt_at", counts->next_attempt_at);
  caiji_cli_json_string (builder, "last_error", counts->last_error);
  add_held_json (builder, status->held);
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
print_held_text (GPtrArray *held)
{
  for (guint i = 0; i < held->len; i++)
    {
      const CaijiOutboxEntry *entry = held->pdata[i];
      g_autofree char *label = g_strdup_printf (_("Refused record %lld"), (long long) entry->record_id);

      caiji_cli_print_field (label, entry->last_error);
    }
  if (held->len > 0)
    g_print ("%s\n", _("Once the reason is sorted out, send a record again with “caiji sync retry RECORD”."));
}

static void
print_status_text (const CaijiSyncStatus *status)
{
  const CaijiSyncCounts *counts = &status->counts;

  if (status->roster_error != NULL)
    caiji_cli_print_field (_("Roster update failed"), status->roster_error);
  if (status->decisions_error != NULL)
    caiji_cli_print_field (_("Review decisions failed"), status->decisions_error);
  print_count (_("Waiting to sync"), counts->waiting);
  print_count (_("Due now"), counts->due);
  print_count (_("Refused by the hub (needs an operator)"), counts->held);
  print_count (_("Delivered"), counts->delivered);
  if (counts->waiting > 0 && counts->next_attempt_at > 0)
    {
      g_autofree char *when = caiji_cli_format_time (counts->next_attempt_at);

      caiji_cli_print_field (_("Next attempt"), when);
    }
  if (counts->last_error != NULL)
    caiji_cli_print_field (_("Last error"), counts->last_error);
}

CaijiCliExit
caiji_cli_sync_status (CaijiCli              *cli,
                       const CaijiCliCommand *command,
                       int                    argc,
                       char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autoptr(CaijiSyncStatus) sync_status = NULL;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    sync_status = caiji_sync_status_load (store, now_seconds (), &error);
  if (sync_status == NULL)
    return caiji_cli_fail (cli, error);
  if (cli->json)
    print_status_json (sync_status);
  else
    {
      print_status_text (sync_status);
      print_held_text (sync_status->held);
    }
  return CAIJI_CLI_EXIT_OK;
}

/* run */

/* Called after each record: also the moment to notice Ctrl-C, since the
 * pass itself does not run the main loop. */
static void
after_record (guint    done,
              guint    total,
              gpointer data)
{
  const gboolean *draw = data;
  guint filled;
  g_autofree char *bar = NULL;
  g_autofree char *rest = NULL;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (!*draw)
    return;
  filled = total > 0 ? done * PROGRESS_WIDTH / total : PROGRESS_WIDTH;
  bar = g_strnfill (filled, '#');
  rest = g_strnfill (PROGRESS_WIDTH - filled, ' ');
  g_printerr ("\r[%s%s] %u/%u", bar, rest, done, total);
  if (done == total)
    g_printerr ("\n");
}

static gboolean
cancel_on_signal (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_CONTINUE;
}

/* Why the last pass could not update the roster or the decisions, from
 * the store; NULL when it could. */
static char *
feed_problem (CaijiStore *store,
              gboolean    failed,
              const char *key)
{
  return failed ? caiji_store_sync_state_get (store, key, NULL) : NULL;
}

static void
print_pass (CaijiCli            *cli,
            CaijiStore          *store,
            const CaijiSyncPass *pass)
{
  g_autofree char *roster_error = feed_problem (store, pass->roster_failed, CAIJI_SYNC_ROSTER_ERROR);
  g_autofree char *decisions_error = feed_problem (store, pass->decisions_failed, CAIJI_SYNC_DECISIONS_ERROR);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      caiji_cli_json_int (builder, "attempted", pass->attempted);
      caiji_cli_json_int (builder, "delivered", pass->delivered);
      caiji_cli_json_int (builder, "retrying", pass->retrying);
      caiji_cli_json_int (builder, "held", pass->held);
      caiji_cli_json_int (builder, "roster_received", pass->roster_received);
      caiji_cli_json_int (builder, "decisions_applied", pass->decisions_applied);
      caiji_cli_json_string (builder, "roster_error", roster_error);
      caiji_cli_json_string (builder, "decisions_error", decisions_error);
      json_builder_end_object (builder);
      caiji_cli_print_json (builder);
      return;
    }
  /* An unreachable hub must not read as "nothing to do". */
  if (roster_error != NULL)
    caiji_cli_print_field (_("Roster update failed"), roster_error);
  if (decisions_error != NULL)
    caiji_cli_print_field (_("Review decisions failed"), decisions_error);
  g_print (_("Roster: %u candidates new or changed. Central review: %u decisions applied.\n"),
           pass->roster_received, pass->decisions_applied);
  g_print (_("%u sent: %u delivered, %u to retry, %u refused by the hub.\n"),
           pass->attempted, pass->delivered, pass->retrying, pass->held);
}

/* Without --once: passes until nothing is waiting, sleeping until the
 * next scheduled retry in between; Ctrl-C stops after the current record. */
static gboolean
run_passes (CaijiSyncWorker *worker,
            CaijiStore      *store,
            gboolean         once,
            gboolean         progress,
            CaijiSyncPass   *total,
            GCancellable    *cancellable,
            GError         **error)
{
  gboolean first = TRUE;

  while (!g_cancellable_is_cancelled (cancellable))
    {
      CaijiSyncPass pass;
      CaijiSyncCounts counts;
      gint64 wait;

      if (!caiji_sync_worker_run_once (worker, first, &pass, after_record, &progress, cancellable, error))
        return FALSE;
      total->attempted += pass.attempted;
      total->delivered += pass.delivered;
      total->held += pass.held;
      total->retrying = pass.retrying;
      total->roster_received += pass.roster_received;
      total->decisions_applied += pass.decisions_applied;
      total->roster_failed = pass.roster_failed;
      total->decisions_failed = pass.decisions_failed;
      first = FALSE;
      if (once || pass.stopped)
        return TRUE;
      if (!caiji_store_sync_counts (store, now_seconds (), &counts, error))
        return FALSE;
      wait = counts.waiting > 0 ? MAX (counts.next_attempt_at - now_seconds (), 1) : 0;
      caiji_sync_counts_clear (&counts);
      if (wait == 0)
        return TRUE;
      for (gint64 i = 0; i < wait && !g_cancellable_is_cancelled (cancellable); i++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (G_USEC_PER_SEC);
        }
    }
  return TRUE;
}

CaijiCliExit
caiji_cli_sync_run (CaijiCli              *cli,
                    const CaijiCliCommand *command,
                    int                    argc,
                    char                 **argv)
{
  g_autofree char *hub_option = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *ca_file_option = NULL;
  gboolean once = FALSE;
  int timeout = 30;
  const GOptionEntry entries[] = {
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, N_("Try every waiting record once, then stop"), NULL },
    { "hub", 0, 0, G_OPTION_ARG_STRING, &hub_option, N_("Central server address (default: the hub-url setting)"), N_("URL") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file, N_("File holding this kiosk’s device token"), N_("FILE") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file_option, N_("Trust only this CA for the hub’s certificate (default: the hub-ca-file setting)"), N_("FILE") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for the hub before retrying later (default 30)"), N_("SECONDS") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autoptr(CaijiSyncWorker) worker = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *hub_url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *ca_file = NULL;
  CaijiSyncPass total = { 0 };
  CaijiSyncConfig config = { 0 };
  guint sigint;
  gboolean ok;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (timeout < 1 || timeout > 3600)
    return caiji_cli_usage_error (command, _("--timeout must be between 1 and 3600 seconds"));
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !caiji_sync_config_resolve (hub_option, token_file, &hub_url, &token, &error))
    return caiji_cli_fail (cli, error);
  config.hub_url = hub_url;
  config.token = token;
  config.timeout_seconds = (guint) timeout;
  ca_file = caiji_sync_config_ca_file (ca_file_option);
  config.ca_file = ca_file;
  worker = caiji_sync_worker_new (store, &config);
  sigint = g_unix_signal_add (SIGINT, cancel_on_signal, cancellable);
  ok = run_passes (worker, store, once, !cli->json && isatty (STDERR_FILENO), &total, cancellable, &error);
  g_source_remove (sigint);
  if (!ok)
    return caiji_cli_fail (cli, error);
  print_pass (cli, store, &total);
  return total.retrying + total.held == 0 && !total.roster_failed && !total.decisions_failed
         ? CAIJI_CLI_EXIT_OK : CAIJI_CLI_EXIT_FAILED;
}

/* retry */

CaijiCliExit
caiji_cli_sync_retry (CaijiCli              *cli,
                      const CaijiCliCommand *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autofree char *actor = g_strconcat ("operator:", g_get_user_name (), NULL);
  gint64 record_id;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &record_id, NULL))
    return caiji_cli_usage_error (command, _("“%s” is not a record number"), argv[1]);
  store = caiji_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !caiji_store_outbox_release (store, record_id, actor, &error))
    return caiji_cli_fail (cli, error);
  if (!cli->json)
    g_print (_("Record %lld will be sent again on the next sync.\n"), (long long) record_id);
  return CAIJI_CLI_EXIT_OK;
}
