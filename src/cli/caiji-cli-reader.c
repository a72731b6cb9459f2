/* caiji-cli-reader.c: `caiji reader probe|read --port DEVICE`
 *
 * Talks to the resident ID card chip reader the kiosk uses, so an operator
 * can check the cable, the SAM module and a card at the desk.  `read`
 * prints the chip's fields with the same keys as `caiji card read`; the
 * chip photo (WLT format) cannot be decoded here and is only counted.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-id-reader.h"

typedef struct {
  char *port;
  int   baud;
  int   timeout_ms;
} ReaderOptions;

static void
reader_options_clear (ReaderOptions *options)
{
  g_clear_pointer (&options->port, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReaderOptions, reader_options_clear)

static CaijiCliExit
parse_reader_options (CaijiCli              *cli,
                      const CaijiCliCommand *command,
                      ReaderOptions         *options,
                      int                   *argc,
                      char                ***argv)
{
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_FILENAME, &options->port, N_("Serial port of the reader"), "DEVICE" },
    { "baud", 0, 0, G_OPTION_ARG_INT, &options->baud, N_("Port speed (default 115200)"), "BAUD" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &options->timeout_ms, N_("Reply timeout in milliseconds"), "MS" },
    G_OPTION_ENTRY_NULL
  };
  CaijiCliExit status;

  options->baud = CAIJI_ID_READER_DEFAULT_BAUD;
  options->timeout_ms = CAIJI_ID_READER_DEFAULT_TIMEOUT_MS;
  status = caiji_cli_parse_options (cli, command, entries, argc, argv);
  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (options->port == NULL)
    return caiji_cli_usage_error (command, _("--port DEVICE is required"));
  if (options->baud <= 0 || options->timeout_ms <= 0)
    return caiji_cli_usage_error (command, _("--baud and --timeout must be positive"));
  return CAIJI_CLI_EXIT_OK;
}

static CaijiIdReader *
open_reader (const ReaderOptions *options,
             GError             **error)
{
  CaijiIdReader *reader = caiji_id_reader_open (options->port, (guint) options->baud, error);

  if (reader != NULL)
    caiji_id_reader_set_timeout (reader, (guint) options->timeout_ms);
  return reader;
}

CaijiCliExit
caiji_cli_reader_probe (CaijiCli              *cli,
                        const CaijiCliCommand *command,
                        int                    argc,
                        char                 **argv)
{
  g_auto(ReaderOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiIdReader) reader = NULL;
  g_autofree char *sam_id = NULL;
  CaijiCliExit status = parse_reader_options (cli, command, &options, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  reader = open_reader (&options, &error);
  if (reader != NULL)
    sam_id = caiji_id_reader_probe (reader, NULL, &error);
  if (sam_id == NULL)
    return caiji_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      caiji_cli_json_string (builder, "port", options.port);
      caiji_cli_json_string (builder, "sam_id", sam_id);
      caiji_cli_json_string (builder, "status", "ok");
      json_builder_end_object (builder);
      caiji_cli_print_json (builder);
    }
  else
    {
      caiji_cli_print_field (_("Port"), options.port);
      caiji_cli_print_field (_("SAM module"), sam_id);
      caiji_cli_print_field (_("Status"), _("ready"));
    }
  return CAIJI_CLI_EXIT_OK;
}

typedef struct {
  const char *key;
  const char *value;
} Field;

/* The chip's fields under `caiji card read`'s keys, in the card's order. */
static gsize
card_fields (const CaijiCardReading *card,
             Field                  *fields)
{
  const Field all[] = {
    { "name", card->name }, { "sex", card->sex }, { "nation", card->nation },
    { "birth", card->birth }, { "address", card->address }, { "id_number", card->id_number },
    { "authority", card->authority }, { "valid_from", card->valid_from }, { "valid_to", card->valid_to },
  };

  memcpy (fields, all, sizeof all);
  return G_N_ELEMENTS (all);
}

static void
print_read_json (const CaijiIdReaderCard *read,
                 const GError            *error,
                 double                   ms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Field fields[9];
  gsize n = read != NULL ? card_fields (read->card, fields) : 0;

  json_builder_begin_object (builder);
  caiji_cli_json_string (builder, "side", read != NULL ? "front" : "none");
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (gsize i = 0; i < n; i++)
    caiji_cli_json_string (builder, fields[i].key, fields[i].value);
  json_builder_end_object (builder);
  caiji_cli_json_int (builder, "photo_bytes", read != NULL ? (gint64) g_bytes_get_size (read->photo) : 0);
  caiji_cli_json_string (builder, "message", error != NULL ? error->message : "");
  caiji_cli_json_double (builder, "ms", ms);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

static void
print_read_text (const CaijiIdReaderCard *read)
{
  Field fields[9];
  gsize n = card_fields (read->card, fields);
  g_autofree char *photo = g_strdup_printf (_("%zu bytes in the chip’s WLT format, not shown"),
                                            g_bytes_get_size (read->photo));

  for (gsize i = 0; i < n; i++)
    if (fields[i].value != NULL)
      g_print ("%s: %s\n", fields[i].key, fields[i].value);
  g_print ("photo: %s\n", photo);
}

CaijiCliExit
caiji_cli_reader_read (CaijiCli              *cli,
                       const CaijiCliCommand *command,
                       int                    argc,
                       char                 **argv)
{
  g_auto(ReaderOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiIdReader) reader = NULL;
  g_autoptr(CaijiIdReaderCard) read = NULL;
  gint64 start = g_get_monotonic_time ();
  CaijiCliExit status = parse_reader_options (cli, command, &options, &argc, &argv);

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  reader = open_reader (&options, &error);
  if (reader != NULL)
    read = caiji_id_reader_read (reader, NULL, &error);
  if (cli->json)
    print_read_json (read, error, (double) (g_get_monotonic_time () - start) / 1000.0);
  else if (read != NULL)
    print_read_text (read);
  if (read == NULL)
    {
      caiji_cli_print_error ("%s", error->message);
      return CAIJI_CLI_EXIT_FAILED;
    }
  return CAIJI_CLI_EXIT_OK;
}
