/* caiji-cli.h: what the `caiji` commands share: options, dispatch, store */
#pragma once

#include <glib.h>

#include "caiji-store.h"

G_BEGIN_DECLS

typedef enum {
  CAIJI_CLI_EXIT_OK = 0,
  CAIJI_CLI_EXIT_FAILED = 1,   /* the input was rejected or the operation failed */
  CAIJI_CLI_EXIT_USAGE = 2,    /* unknown command or option, missing argument */
} CaijiCliExit;

/* Options every command accepts, before or after its name. */
typedef struct {
  char     *db_option;   /* --db PATH, NULL when not given */
  gboolean  json;        /* --json */
} CaijiCli;

typedef struct _CaijiCliCommand CaijiCliCommand;

/* argv[0] is the command's name; argv[1..] its options and arguments. */
typedef CaijiCliExit (*CaijiCliRunFunc) (CaijiCli              *cli,
                                         const CaijiCliCommand *command,
                                         int                    argc,
                                         char                 **argv);

struct _CaijiCliCommand {
  const char     *group;        /* "roster" */
  const char     *name;         /* "import" */
  const char     *parameters;   /* N_() msgid shown in usage, or NULL */
  const char     *summary;      /* N_() msgid */
  int             min_args;
  int             max_args;     /* -1: no limit */
  CaijiCliRunFunc run;
};

CaijiCliExit caiji_cli_parse_options (CaijiCli              *cli,
                                      const CaijiCliCommand *command,
                                      const GOptionEntry    *entries,
                                      int                   *argc,
                                      char                ***argv);
CaijiCliExit caiji_cli_usage_error   (const CaijiCliCommand *command,
                                      const char            *format,
                                      ...) G_GNUC_PRINTF (2, 3);
CaijiCliExit caiji_cli_unexpected_argument (const CaijiCliCommand *command,
                                           const char            *argument);
CaijiStore  *caiji_cli_open_store    (CaijiCli              *cli,
                                      gboolean               create,
                                      GError               **error);

/* The commands, one file each. */
CaijiCliExit caiji_cli_id_check       (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_roster_import  (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_roster_list    (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_records_list   (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_records_show   (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_card_read      (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_db_check       (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_db_rekey       (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_db_purge       (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_audit_list     (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_audit_verify   (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_face_detect    (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_face_verify    (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_sync_status    (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_sync_run       (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_reader_probe  (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_reader_read   (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_sync_retry     (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);
CaijiCliExit caiji_cli_sync_set_token (CaijiCli *cli, const CaijiCliCommand *command, int argc, char **argv);

G_END_DECLS
