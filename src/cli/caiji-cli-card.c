/* caiji-cli-card.c: `caiji card read IMAGE [--side front|back] [--expect-name NAME]`
 *
 * Runs the kiosk's step-1 reader on a picture file, so desk staff can see
 * why a card is refused and scripts can check scans in bulk.  Prints what
 * was read, or the candidate's prompt (in the UI language) when the card
 * was refused or unreadable.
 */
#include "caiji-config.h"

#include "caiji-card.h"
#include "caiji-cli-output.h"
#include "caiji-cli.h"

static gboolean
parse_side (const char    *text,
            CaijiCardSide *side)
{
  if (text == NULL)
    *side = CAIJI_CARD_SIDE_NONE;
  else if (g_strcmp0 (text, "front") == 0)
    *side = CAIJI_CARD_SIDE_FRONT;
  else if (g_strcmp0 (text, "back") == 0)
    *side = CAIJI_CARD_SIDE_BACK;
  else
    return FALSE;
  return TRUE;
}

/* The fields of the side that was read, in the card's order; unread ones
 * are left out. */
static void
add_fields (JsonBuilder            *builder,
            const CaijiCardResult  *result,
            gboolean                name_asked)
{
  const CaijiCardReading *r = result->reading;

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  if (r != NULL)
    {
      caiji_cli_json_string (builder, "name", r->name);
      caiji_cli_json_string (builder, "sex", r->sex);
      caiji_cli_json_string (builder, "nation", r->nation);
      caiji_cli_json_string (builder, "birth", r->birth);
      caiji_cli_json_string (builder, "address", r->address);
      caiji_cli_json_string (builder, "id_number", r->id_number);
      caiji_cli_json_string (builder, "authority", r->authority);
      caiji_cli_json_string (builder, "valid_from", r->valid_from);
      caiji_cli_json_string (builder, "valid_to", r->valid_to);
    }
  if (name_asked)
    {
      json_builder_set_member_name (builder, "name_confirmed");
      json_builder_add_boolean_value (builder, result->name_confirmed);
    }
  json_builder_end_object (builder);
}

static void
print_json (const CaijiCardResult *result,
            const GError          *error,
            gboolean               name_asked,
            double                 ms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  caiji_cli_json_string (builder, "side", caiji_card_side_to_string (result->side));
  caiji_cli_json_string (builder, "quality", caiji_card_quality_to_string (result->quality));
  add_fields (builder, result, name_asked);
  caiji_cli_json_string (builder, "message", error != NULL ? error->message : "");
  if (result->problem != NULL)
    caiji_cli_json_string (builder, "reason", result->problem);
  caiji_cli_json_double (builder, "ms", ms);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

static void
print_text (const CaijiCardResult *result,
            gboolean               name_asked)
{
  const CaijiCardReading *r = result->reading;
  const struct { const char *key; const char *value; } fields[] = {
    { "side", caiji_card_side_to_string (result->side) },
    { "quality", caiji_card_quality_to_string (result->quality) },
    { "name", r ? r->name : NULL }, { "sex", r ? r->sex : NULL }, { "nation", r ? r->nation : NULL },
    { "birth", r ? r->birth : NULL }, { "address", r ? r->address : NULL },
    { "id_number", r ? r->id_number : NULL }, { "authority", r ? r->authority : NULL },
    { "valid_from", r ? r->valid_from : NULL }, { "valid_to", r ? r->valid_to : NULL },
    { "name_confirmed", name_asked ? (result->name_confirmed ? "true" : "false") : NULL },
  };

  /* The keys are the JSON members', so text and JSON read the same. */
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      g_print ("%s: %s\n", fields[i].key, fields[i].value);
}

CaijiCliExit
caiji_cli_card_read (CaijiCli              *cli,
                     const CaijiCliCommand *command,
                     int                    argc,
                     char                 **argv)
{
  CaijiCardSide wanted;
  g_autofree char *side_text = NULL;
  g_autofree char *expected_name = NULL;
  const GOptionEntry entries[] = {
    { "side", 0, 0, G_OPTION_ARG_STRING, &side_text, NULL, "front|back" },
    { "expect-name", 0, 0, G_OPTION_ARG_STRING, &expected_name, NULL, "NAME" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(CaijiCardResult) result = NULL;
  g_autoptr(CaijiCardOcr) ocr = NULL;
  CaijiCliExit status;
  gint64 start = g_get_monotonic_time ();

  status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);
  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (!parse_side (side_text, &wanted))
    return caiji_cli_unexpected_argument (command, side_text);
  image = caiji_image_load (argv[1], &error);
  if (image == NULL)
    return caiji_cli_fail (cli, error);
  ocr = caiji_card_ocr_new (&error);
  if (ocr == NULL)
    return caiji_cli_fail (cli, error);
  result = caiji_card_read (ocr, image, wanted, expected_name, &error);
  if (cli->json)
    print_json (result, error, expected_name != NULL, (double) (g_get_monotonic_time () - start) / 1000.0);
  else
    print_text (result, expected_name != NULL);
  if (error != NULL)
    {
      caiji_cli_print_error ("%s", error->message);
      return CAIJI_CLI_EXIT_FAILED;
    }
  return CAIJI_CLI_EXIT_OK;
}
