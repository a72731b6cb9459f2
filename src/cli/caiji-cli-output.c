/* caiji-cli-output.c: how the `caiji` commands print, as text or JSON
 *
 * Text goes through g_print so it follows the terminal's charset; JSON is
 * written as raw UTF-8 because scripts parse it whatever the locale.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "caiji-cli-output.h"

void
caiji_cli_print_error (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("caiji: %s\n", message);
}

/* Prints @error and, with --json, an {"error": …} object so a script
 * reading stdout always gets JSON.  Returns the exit status for it. */
CaijiCliExit
caiji_cli_fail (CaijiCli     *cli,
                const GError *error)
{
  caiji_cli_print_error ("%s", error->message);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      caiji_cli_json_string (builder, "error", error->message);
      json_builder_end_object (builder);
      caiji_cli_print_json (builder);
    }
  return CAIJI_CLI_EXIT_FAILED;
}

void
caiji_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize len = 0;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &len);
  fwrite (text, 1, len, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

void
caiji_cli_print_field (const char *label,
                       const char *value)
{
  g_print ("%s: %s\n", label, value != NULL && value[0] != '\0' ? value : "-");
}

/* One tab-separated line, so `cut` and spreadsheets can take it apart. */
void
caiji_cli_print_row (const char *const *cells,
                     gsize              n_cells)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (gsize i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (line, '\t');
      g_string_append (line, cells[i] != NULL && cells[i][0] != '\0' ? cells[i] : "-");
    }
  g_print ("%s\n", line->str);
}

void
caiji_cli_print_list (CaijiCli                 *cli,
                      GPtrArray                *items,
                      const CaijiCliListFormat *format,
                      gboolean                  mask)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      if (items->len == 0)
        g_print ("%s\n", format->empty_text);
      else
        caiji_cli_print_row (format->header, format->n_columns);
      for (guint i = 0; i < items->len; i++)
        format->print_row (g_ptr_array_index (items, i), mask);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (builder);
      format->add_json (builder, g_ptr_array_index (items, i), mask);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  caiji_cli_print_json (builder);
}

/* @value as listings show it: masked unless --no-mask; NULL stays NULL. */
char *
caiji_cli_masked (const char *value,
                  gboolean    mask,
                  char     *(*mask_func) (const char *text))
{
  if (value == NULL)
    return NULL;
  return mask ? mask_func (value) : g_strdup (value);
}

char *
caiji_cli_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_seconds);

  return when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M:%S") : g_strdup ("-");
}

void
caiji_cli_json_string (JsonBuilder *builder,
                       const char  *member,
                       const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
caiji_cli_json_int (JsonBuilder *builder,
                    const char  *member,
                    gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* NAN means "not measured"; JSON has no NaN, so it becomes null. */
void
caiji_cli_json_double (JsonBuilder *builder,
                       const char  *member,
                       double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

void
caiji_cli_json_time (JsonBuilder *builder,
                     const char  *member,
                     gint64       unix_seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_seconds);
  g_autofree char *text = when != NULL ? g_date_time_format_iso8601 (when) : NULL;

  caiji_cli_json_string (builder, member, text);
}
