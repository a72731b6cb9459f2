/* caiji-cli-sync-token.c: caiji sync set-token [--token-file FILE]
 *
 * Reads the device token `caiji-hub device add` printed from standard
 * input (so it never shows in the shell history or the process list) and
 * keeps it sealed with the kiosk's key; see caiji-sync-token.c.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-sync-config.h"
#include "caiji-sync-token.h"

/* A token is 68 characters; anything far longer is a wrong paste. */
#define TOKEN_LINE_MAX 512

static char *
read_token_line (void)
{
  char line[TOKEN_LINE_MAX];

  if (isatty (STDIN_FILENO))
    g_printerr ("%s", _("Paste the device token and press Enter: "));
  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  return g_strstrip (g_strdup (line));
}

CaijiCliExit
caiji_cli_sync_set_token (CaijiCli              *cli,
                          const CaijiCliCommand *command,
                          int                    argc,
                          char                 **argv)
{
  g_autofree char *token_file = NULL;
  const GOptionEntry entries[] = {
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file, N_("File holding this kiosk’s device token"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  CaijiCliExit status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  path = token_file != NULL ? g_strdup (token_file) : caiji_sync_default_token_file ();
  token = read_token_line ();
  if (token == NULL || *token == '\0')
    return caiji_cli_usage_error (command, _("No token was given on standard input"));
  if (!caiji_sync_token_save (path, token, &error))
    return caiji_cli_fail (cli, error);
  if (!cli->json)
    g_print (_("The device token is saved, sealed with this kiosk’s key, in %s.\n"), path);
  return CAIJI_CLI_EXIT_OK;
}
