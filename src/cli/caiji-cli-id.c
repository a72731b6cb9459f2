/* caiji-cli-id.c: `caiji id check NUMBER…`
 *
 * Lets desk staff see why the kiosk refuses a number a candidate swears
 * is right, without handling the candidate's card themselves.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-id-number.h"

static char *
birth_date_text (const CaijiIdInfo *info)
{
  return g_strdup_printf ("%04d-%02d-%02d", info->birth_year, info->birth_month, info->birth_day);
}

static void
add_info_json (JsonBuilder       *builder,
               const CaijiIdInfo *info)
{
  g_autofree char *birth = birth_date_text (info);

  caiji_cli_json_string (builder, "normalized", info->normalized);
  caiji_cli_json_string (builder, "area_code", info->area_code);
  caiji_cli_json_string (builder, "province", info->province);
  caiji_cli_json_string (builder, "birth", birth);
  caiji_cli_json_string (builder, "sex", caiji_sex_to_string (info->sex));
}

static void
print_info (const CaijiIdInfo *info)
{
  g_autofree char *birth = birth_date_text (info);

  caiji_cli_print_field (_("ID number"), info->normalized);
  caiji_cli_print_field (_("Province"), info->province);
  caiji_cli_print_field (_("Date of birth"), birth);
  caiji_cli_print_field (_("Sex"), caiji_sex_display_name (info->sex));
}

/* Adds one result object to @builder; prints it unless --json. */
static gboolean
check_one (CaijiCli    *cli,
           JsonBuilder *builder,
           const char  *text,
           gboolean     first)
{
  /* Arguments come from a terminal in any charset; JSON must stay UTF-8. */
  g_autofree char *input = g_utf8_make_valid (text, -1);
  g_autoptr(GError) error = NULL;
  CaijiIdInfo info;
  gboolean valid = caiji_id_number_parse (text, NULL, &info, &error);

  json_builder_begin_object (builder);
  caiji_cli_json_string (builder, "input", input);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, valid);
  if (valid)
    add_info_json (builder, &info);
  else
    caiji_cli_json_string (builder, "reason", error->message);
  json_builder_end_object (builder);

  if (!valid)
    caiji_cli_print_error ("%s: %s", input, error->message);
  else if (!cli->json)
    {
      if (!first)
        g_print ("\n");
      print_info (&info);
    }
  return valid;
}

CaijiCliExit
caiji_cli_id_check (CaijiCli              *cli,
                    const CaijiCliCommand *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);
  gboolean all_valid = TRUE;

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  /* One number gives one object, several an array of them. */
  if (argc > 2)
    json_builder_begin_array (builder);
  for (int i = 1; i < argc; i++)
    all_valid = check_one (cli, builder, argv[i], i == 1) && all_valid;
  if (argc > 2)
    json_builder_end_array (builder);
  if (cli->json)
    caiji_cli_print_json (builder);
  return all_valid ? CAIJI_CLI_EXIT_OK : CAIJI_CLI_EXIT_FAILED;
}
