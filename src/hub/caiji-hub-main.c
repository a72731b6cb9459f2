/* caiji-hub-main.c: the caiji-hub command
 *
 *   caiji-hub serve --db URI [--listen 127.0.0.1:8443] [--max-body-mb 64] [--tls-cert FILE --tls-key FILE]
 *   caiji-hub device add NAME | device list | device revoke ID   (--db URI)
 *   caiji-hub roster import FILE.csv                              (--db URI)
 *   caiji-hub export DIR                                          (--db URI)
 *   caiji-hub review list | review decide UUID approved|rejected --reviewer NAME [--reason TEXT]
 *   caiji-hub reviewer add NAME (password twice on stdin) | reviewer list | reviewer remove NAME
 *
 * --db defaults to $CAIJI_HUB_DB.  Exit status: 0 done, 1 refused or
 * failed (with the reason on stderr), 2 usage error.
 */
#include "caiji-config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "caiji-hub-devices.h"
#include "caiji-hub-export.h"
#include "caiji-hub-prompt.h"
#include "caiji-hub-review.h"
#include "caiji-hub-reviewers.h"
#include "caiji-hub-roster.h"
#include "caiji-roster-csv.h"
#include "caiji-hub-server.h"

static char *opt_db;
static char *opt_listen;
static int opt_max_body_mb = CAIJI_HUB_DEFAULT_MAX_BODY / (1024 * 1024);
static char *opt_reviewer;
static char *opt_reason;
static char *opt_tls_cert;
static char *opt_tls_key;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_STRING, &opt_db, N_("PostgreSQL connection URI (default: $CAIJI_HUB_DB)"), "URI" },
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen, N_("Address and port to serve on (default 127.0.0.1:8443)"), "ADDR:PORT" },
  { "max-body-mb", 0, 0, G_OPTION_ARG_INT, &opt_max_body_mb, N_("Largest request body accepted, in MiB (default 64)"), "MB" },
  { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_cert, N_("Serve HTTPS with this PEM certificate (chain)"), "FILE" },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_key, N_("The PEM private key of --tls-cert"), "FILE" },
  { "reviewer", 0, 0, G_OPTION_ARG_STRING, &opt_reviewer, N_("Who decides (review decide)"), "NAME" },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why, for a rejection (review decide)"), "TEXT" },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("caiji-hub: %s\n", error->message);
  return 1;
}

static gboolean
quit_on_signal (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* *certificate stays NULL without --tls-cert: plain HTTP. */
static gboolean
load_tls_certificate (GTlsCertificate **certificate,
                      GError          **error)
{
  *certificate = NULL;
  if (opt_tls_cert == NULL && opt_tls_key == NULL)
    return TRUE;
  if (opt_tls_cert == NULL || opt_tls_key == NULL)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
                   _("--tls-cert and --tls-key go together: give both, or neither for plain HTTP."));
      return FALSE;
    }
  *certificate = g_tls_certificate_new_from_files (opt_tls_cert, opt_tls_key, error);
  if (*certificate == NULL)
    g_prefix_error (error, _("Cannot use the TLS certificate %s with key %s: "), opt_tls_cert, opt_tls_key);
  return *certificate != NULL;
}

static int
serve (CaijiHubDb *db)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CaijiHubServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (opt_max_body_mb < 1 || opt_max_body_mb > 1024)
    {
      g_printerr ("caiji-hub: %s\n", _("--max-body-mb must be between 1 and 1024."));
      return 2;
    }
  if (!load_tls_certificate (&certificate, &error))
    return fail (error);
  server = caiji_hub_server_new (db, (gsize) opt_max_body_mb * 1024 * 1024, certificate);
  if (!caiji_hub_server_listen (server, opt_listen != NULL ? opt_listen : "127.0.0.1:8443", &url, &error))
    return fail (error);
  /* Tests and scripts read this line to learn the port. */
  printf ("caiji-hub: listening on %s\n", url);
  fflush (stdout);
  g_unix_signal_add (SIGTERM, quit_on_signal, loop);
  g_unix_signal_add (SIGINT, quit_on_signal, loop);
  g_main_loop_run (loop);
  return 0;
}

static int
device_add (CaijiHubDb *db,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *token = NULL;

  if (!caiji_hub_device_add (db, name, &id, &token, &error))
    return fail (error);
  printf ("device %s\ntoken %s\n", id, token);
  g_printerr ("%s\n", _("Store the token in the kiosk now: the hub keeps only its hash and cannot show it again."));
  return 0;
}

/* The lines a list command made, or its error. */
static int
print_lines (GPtrArray *lines,
             GError    *error)
{
  g_autoptr(GPtrArray) owned = lines;
  g_autoptr(GError) owned_error = error;

  if (owned == NULL)
    return fail (owned_error);
  for (guint i = 0; i < owned->len; i++)
    printf ("%s\n", (const char *) owned->pdata[i]);
  return 0;
}

static int
device_list (CaijiHubDb *db)
{
  GError *error = NULL;
  GPtrArray *lines = caiji_hub_device_list (db, &error);

  return print_lines (lines, error);
}

static int
device_revoke (CaijiHubDb *db,
               const char *id)
{
  g_autoptr(GError) error = NULL;

  if (!caiji_hub_device_revoke (db, id, &error))
    return fail (error);
  return 0;
}

/* Good rows are imported even when others are bad, as `caiji roster
 * import` does; the bad ones are listed and the exit status is 1. */
static int
roster_import (CaijiHubDb *db,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = caiji_roster_csv_parse_file (path, &row_errors, &error);
  guint changed = 0;

  if (candidates == NULL)
    return fail (error);
  if (candidates->len > 0 && !caiji_hub_roster_import (db, candidates, &changed, &error))
    return fail (error);
  for (guint i = 0; i < row_errors->len; i++)
    g_printerr ("caiji-hub: %s: %s\n", path, (const char *) row_errors->pdata[i]);
  printf (_("%u candidates read, %u new or changed, %u rows refused.\n"),
          candidates->len, changed, row_errors->len);
  return row_errors->len == 0 ? 0 : 1;
}

static int
export (CaijiHubDb *db,
        const char *dir)
{
  g_autoptr(GError) error = NULL;
  guint exported;

  if (!caiji_hub_export (db, dir, &exported, &error))
    return fail (error);
  printf (_("%u approved records exported to %s.\n"), exported, dir);
  return 0;
}

static int
review_list (CaijiHubDb *db)
{
  GError *error = NULL;
  GPtrArray *lines = caiji_hub_review_list (db, &error);

  return print_lines (lines, error);
}

static int
review_decide (CaijiHubDb *db,
               const char *uuid,
               const char *decision)
{
  g_autoptr(GError) error = NULL;

  if (!caiji_hub_review_decide (db, uuid, decision, opt_reason, opt_reviewer, &error))
    return fail (error);
  return 0;
}

static int
reviewer_add (CaijiHubDb *db,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  gboolean added;

  if (!caiji_hub_reviewer_check_name (name, &error))
    return fail (error);
  password = caiji_hub_prompt_new_password (&error);
  if (password == NULL)
    return fail (error);
  added = caiji_hub_reviewer_add (db, name, password, &error);
  sodium_memzero (password, strlen (password));
  if (!added)
    return fail (error);
  printf (_("Reviewer %s can now log in to the review page.\n"), name);
  return 0;
}

static int
reviewer_list (CaijiHubDb *db)
{
  GError *error = NULL;
  GPtrArray *lines = caiji_hub_reviewer_list (db, &error);

  return print_lines (lines, error);
}

static int
reviewer_remove (CaijiHubDb *db,
                 const char *name)
{
  g_autoptr(GError) error = NULL;

  if (!caiji_hub_reviewer_remove (db, name, &error))
    return fail (error);
  return 0;
}

static int
usage (GOptionContext *context)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("%s", help);
  return 2;
}

static int
run_command (CaijiHubDb *db,
             int         argc,
             char      **argv)
{
  if (argc == 2 && g_str_equal (argv[1], "serve"))
    return serve (db);
  if (argc == 4 && g_str_equal (argv[1], "device") && g_str_equal (argv[2], "add"))
    return device_add (db, argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "device") && g_str_equal (argv[2], "list"))
    return device_list (db);
  if (argc == 4 && g_str_equal (argv[1], "device") && g_str_equal (argv[2], "revoke"))
    return device_revoke (db, argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "roster") && g_str_equal (argv[2], "import"))
    return roster_import (db, argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "review") && g_str_equal (argv[2], "list"))
    return review_list (db);
  if (argc == 5 && g_str_equal (argv[1], "review") && g_str_equal (argv[2], "decide"))
    return review_decide (db, argv[3], argv[4]);
  if (argc == 4 && g_str_equal (argv[1], "reviewer") && g_str_equal (argv[2], "add"))
    return reviewer_add (db, argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "reviewer") && g_str_equal (argv[2], "list"))
    return reviewer_list (db);
  if (argc == 4 && g_str_equal (argv[1], "reviewer") && g_str_equal (argv[2], "remove"))
    return reviewer_remove (db, argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "export"))
    return export (db, argv[2]);
  if (argc == 2 && g_str_equal (argv[1], "migrate"))
    return 0;  /* opening the database migrated it */
  return -1;
}

static gboolean
is_known_command (int    argc,
                  char **argv)
{
  return argc >= 2 && (g_str_equal (argv[1], "serve") || g_str_equal (argv[1], "device") ||
                       g_str_equal (argv[1], "roster") || g_str_equal (argv[1], "export") ||
                       g_str_equal (argv[1], "review") || g_str_equal (argv[1], "reviewer") ||
                       g_str_equal (argv[1], "migrate"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("serve | device add NAME | device list | device revoke ID | roster import FILE.csv | export DIR | review list | review decide UUID approved|rejected | reviewer add NAME | reviewer list | reviewer remove NAME | migrate"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiHubDb) db = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("The Caiji reference hub: receives kiosk records into PostgreSQL."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("caiji-hub: %s\n", error->message);
      return 2;
    }
  if (!is_known_command (argc, argv))
    return usage (context);
  if (opt_db == NULL)
    opt_db = g_strdup (g_getenv ("CAIJI_HUB_DB"));
  if (opt_db == NULL)
    {
      g_printerr ("caiji-hub: %s\n", _("Say which database to use with --db URI or $CAIJI_HUB_DB."));
      return 2;
    }
  db = caiji_hub_db_open (opt_db, &error);
  if (db == NULL)
    return fail (error);
  status = run_command (db, argc, argv);
  return status < 0 ? usage (context) : status;
}
