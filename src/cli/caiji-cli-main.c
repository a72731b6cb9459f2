/* caiji-cli-main.c: `caiji`, the desk's command-line tool: global options
 * and dispatch to the commands
 *
 * Usage: caiji [--db PATH] [--json] GROUP COMMAND [ARGUMENT…].  Global
 * options may also follow the command, because that is where people type
 * them (`caiji roster list --json`).
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-paths.h"

static const CaijiCliCommand commands[] = {
  { "id", "check", N_("NUMBER…"), N_("Check resident ID numbers and show what they encode"),
    1, -1, caiji_cli_id_check },
  { "roster", "import", N_("FILE.csv"), N_("Import candidates from a roster CSV file"),
    1, 1, caiji_cli_roster_import },
  { "roster", "list", NULL, N_("List the candidates in the roster"),
    0, 0, caiji_cli_roster_list },
  { "records", "list", NULL, N_("List capture records"),
    0, 0, caiji_cli_records_list },
  { "records", "show", N_("ID|UUID"), N_("Show one capture record with its status history"),
    1, 1, caiji_cli_records_show },
  { "card", "read", N_("PATH"), N_("Read a picture of an ID card: which side, its quality and its fields"),
    1, 1, caiji_cli_card_read },
  { "db", "check", NULL, N_("Check the database’s integrity and count what it holds"),
    0, 0, caiji_cli_db_check },
  { "db", "rekey", NULL, N_("Seal every protected value with a new data key"),
    0, 0, caiji_cli_db_rekey },
  { "db", "purge", NULL, N_("Delete images the hub confirmed longer ago than the retention period"),
    0, 0, caiji_cli_db_purge },
  { "audit", "list", NULL, N_("List the audit log: who did what, and when"),
    0, 0, caiji_cli_audit_list },
  { "audit", "verify", NULL, N_("Check that no audit log entry was changed, removed or reordered"),
    0, 0, caiji_cli_audit_verify },
  { "face", "detect", N_("IMAGE"), N_("Find the faces in a picture, with their landmarks and scores"),
    1, 1, caiji_cli_face_detect },
  { "face", "verify", NULL, N_("Compare a live picture with an ID photo (--photo FILE --live FILE)"),
    0, 0, caiji_cli_face_verify },
  { "sync", "status", NULL, N_("Show how many records wait for the central server, and the last error"),
    0, 0, caiji_cli_sync_status },
  { "sync", "run", NULL, N_("Deliver waiting records to the central server now"),
    0, 0, caiji_cli_sync_run },
  { "sync", "retry", N_("RECORD"), N_("Send a record the central server refused again"),
    1, 1, caiji_cli_sync_retry },
  { "sync", "set-token", NULL, N_("Keep the device token read from standard input, sealed with this kiosk’s key"),
    0, 0, caiji_cli_sync_set_token },
  { "reader", "probe", NULL, N_("Check the ID card chip reader on --port DEVICE and its security module"),
    0, 0, caiji_cli_reader_probe },
  { "reader", "read", NULL, N_("Read the ID card lying on the chip reader on --port DEVICE"),
    0, 0, caiji_cli_reader_read },
};

static void
caiji_cli_clear (CaijiCli *cli)
{
  g_clear_pointer (&cli->db_option, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaijiCli, caiji_cli_clear)

static void
add_global_options (GOptionContext *context,
                    CaijiCli       *target)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &target->db_option,
      N_("Use the database at PATH instead of the configured one"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &target->json,
      N_("Print machine-readable JSON on standard output"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static char *
command_usage (const CaijiCliCommand *command)
{
  if (command == NULL)
    return g_strdup (_("Usage: caiji [--db PATH] [--json] COMMAND [ARGUMENT…]; see “caiji --help”."));
  return g_strdup_printf (_("Usage: caiji %s %s [OPTION…] %s"), command->group, command->name,
                          command->parameters != NULL ? _(command->parameters) : "");
}

/* Exit status 2 with the reason and one usage line, all on stderr, so a
 * script's output is never mistaken for a result. */
CaijiCliExit
caiji_cli_usage_error (const CaijiCliCommand *command,
                       const char            *format,
                       ...)
{
  g_autofree char *message = NULL;
  g_autofree char *usage = command_usage (command);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  caiji_cli_print_error ("%s", message);
  g_printerr ("%s\n", g_strchomp (usage));
  return CAIJI_CLI_EXIT_USAGE;
}

CaijiCliExit
caiji_cli_unexpected_argument (const CaijiCliCommand *command,
                               const char            *argument)
{
  return caiji_cli_usage_error (command, _("unexpected argument “%s”"), argument);
}

static void
merge_options (CaijiCli *cli,
               CaijiCli *parsed)
{
  if (parsed->db_option != NULL)
    {
      g_free (cli->db_option);
      cli->db_option = g_steal_pointer (&parsed->db_option);
    }
  cli->json = cli->json || parsed->json;
}

static CaijiCliExit
check_argument_count (const CaijiCliCommand *command,
                      int                    argc,
                      char                 **argv)
{
  int n = argc - 1;

  if (n < command->min_args)
    return caiji_cli_usage_error (command, _("missing argument %s"), _(command->parameters));
  if (command->max_args >= 0 && n > command->max_args)
    return caiji_cli_unexpected_argument (command, argv[1 + command->max_args]);
  return CAIJI_CLI_EXIT_OK;
}

CaijiCliExit
caiji_cli_parse_options (CaijiCli              *cli,
                         const CaijiCliCommand *command,
                         const GOptionEntry    *entries,
                         int                   *argc,
                         char                ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("caiji %s %s", command->group, command->name);
  /* A separate target: GOption would leak a --db given both before and
   * after the command if both parses wrote the same pointer. */
  g_auto(CaijiCli) parsed = { 0 };

  context = g_option_context_new (command->parameters != NULL ? _(command->parameters) : NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  add_global_options (context, &parsed);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* --help prints "Usage: caiji roster import [OPTION…] FILE.csv". */
  g_set_prgname (prgname);
  if (!g_option_context_parse (context, argc, argv, &error))
    return caiji_cli_usage_error (command, "%s", error->message);
  merge_options (cli, &parsed);
  return check_argument_count (command, *argc, *argv);
}

CaijiStore *
caiji_cli_open_store (CaijiCli *cli,
                      gboolean  create,
                      GError  **error)
{
  g_autofree char *path = caiji_paths_resolve_database (cli->db_option);

  /* Reading commands must not leave an empty database behind a typo. */
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no database at %s. Import a roster first (caiji roster import FILE.csv) or name another database with --db."),
                   path);
      return NULL;
    }
  return caiji_store_open (path, error);
}

static char *
commands_description (const char *group)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *call = NULL;

      if (group != NULL && strcmp (group, commands[i].group) != 0)
        continue;
      call = g_strdup_printf ("%s %s %s", commands[i].group, commands[i].name,
                              commands[i].parameters != NULL ? _(commands[i].parameters) : "");
      /* Pad by characters, not bytes: "NUMBER…" is not 9 columns wide. */
      g_string_append_printf (text, "\n  %s%*s %s", call,
                              (int) MAX (0, 26 - (glong) g_utf8_strlen (call, -1)), "",
                              _(commands[i].summary));
    }
  g_string_append_c (text, '\n');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static CaijiCliExit
parse_global_options (CaijiCli  *cli,
                      gboolean  *version,
                      int       *argc,
                      char    ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = commands_description (NULL);
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Look after a Caiji kiosk’s roster and capture records."));
  g_option_context_set_description (context, description);
  /* Stop at the command: its own options are parsed by the command. */
  g_option_context_set_strict_posix (context, TRUE);
  add_global_options (context, cli);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    return caiji_cli_usage_error (NULL, "%s", error->message);
  return CAIJI_CLI_EXIT_OK;
}

static CaijiCliExit
print_version (CaijiCli *cli)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      caiji_cli_json_string (builder, "version", PACKAGE_VERSION);
      json_builder_end_object (builder);
      caiji_cli_print_json (builder);
    }
  else
    g_print ("caiji %s\n", PACKAGE_VERSION);
  return CAIJI_CLI_EXIT_OK;
}

static gboolean
is_group (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].group, name) == 0)
      return TRUE;
  return FALSE;
}

static const CaijiCliCommand *
find_command (const char *group,
              const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].group, group) == 0 && strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* `caiji roster` alone or with a wrong word: show what "roster" offers. */
static CaijiCliExit
group_usage (const char *group,
             const char *word)
{
  g_autofree char *description = commands_description (group);

  if (word != NULL && (strcmp (word, "--help") == 0 || strcmp (word, "-h") == 0))
    {
      g_print ("%s", description);
      return CAIJI_CLI_EXIT_OK;
    }
  if (word == NULL)
    caiji_cli_print_error (_("“%s” needs a command after it."), group);
  else
    caiji_cli_print_error (_("unknown command “%s %s”"), group, word);
  g_printerr ("%s", description);
  return CAIJI_CLI_EXIT_USAGE;
}

static CaijiCliExit
dispatch (CaijiCli *cli,
          int       argc,
          char    **argv)
{
  const CaijiCliCommand *command;

  if (argc < 2)
    return caiji_cli_usage_error (NULL, _("missing command"));
  if (!is_group (argv[1]))
    return caiji_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
  command = argc >= 3 ? find_command (argv[1], argv[2]) : NULL;
  if (command == NULL)
    return group_usage (argv[1], argc >= 3 ? argv[2] : NULL);
  return command->run (cli, command, argc - 2, argv + 2);
}

static void
setup_locale (void)
{
  const char *localedir = g_getenv ("CAIJI_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* CAIJI_LOCALEDIR lets an uninstalled build use its own catalogue. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  g_auto(CaijiCli) cli = { 0 };
  gboolean version = FALSE;
  CaijiCliExit status;

  setup_locale ();
  g_set_prgname ("caiji");
  status = parse_global_options (&cli, &version, &argc, &argv);
  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (version)
    return print_version (&cli);
  return dispatch (&cli, argc, argv);
}
