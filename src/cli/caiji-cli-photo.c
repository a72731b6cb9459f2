/* caiji-cli-photo.c: `caiji photo check IMAGE [--profile P] [--out FILE]`
 *
 * The kiosk's 照片识别 step on one file: every problem it would refuse the
 * photo for, with the candidate's message, and for an accepted photo the
 * standard photo of the profile.  Exit 0 when accepted, 1 when refused.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-photo-check.h"

static void
add_measures_json (JsonBuilder              *builder,
                   const CaijiPhotoMeasures *m)
{
  json_builder_set_member_name (builder, "measures");
  json_builder_begin_object (builder);
  caiji_cli_json_double (builder, "face_width", m->face_width);
  caiji_cli_json_double (builder, "eye_distance", m->eye_distance);
  caiji_cli_json_double (builder, "yaw", m->yaw);
  caiji_cli_json_double (builder, "pitch", m->pitch);
  caiji_cli_json_double (builder, "roll", m->roll);
  caiji_cli_json_double (builder, "sharpness", m->sharpness);
  caiji_cli_json_double (builder, "brightness", m->brightness);
  caiji_cli_json_double (builder, "highlights", m->highlights);
  caiji_cli_json_double (builder, "shadow", m->shadow);
  caiji_cli_json_double (builder, "background_luma", m->background_luma);
  caiji_cli_json_double (builder, "background_detail", m->background_detail);
  caiji_cli_json_double (builder, "eye_contrast", m->eye_contrast);
  caiji_cli_json_double (builder, "glasses", m->glasses);
  caiji_cli_json_double (builder, "forehead_skin", m->forehead_skin);
  caiji_cli_json_double (builder, "skin_texture", m->skin_texture);
  json_builder_end_object (builder);
}

static void
print_json (const CaijiPhotoReport *report,
            double                  ms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, report->problems == 0);
  caiji_cli_json_int (builder, "faces", report->faces);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint problem = 0; problem < CAIJI_PHOTO_N_PROBLEMS; problem++)
    if (caiji_photo_report_has (report, problem))
      {
        json_builder_begin_object (builder);
        caiji_cli_json_string (builder, "code", caiji_photo_problem_code (problem));
        caiji_cli_json_string (builder, "message", caiji_photo_problem_message (problem));
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  caiji_cli_json_string (builder, "profile", report->profile->name);
  caiji_cli_json_double (builder, "ms", ms);
  if (report->faces > 0)
    add_measures_json (builder, &report->measures);
  if (report->standard_jpeg != NULL)
    {
      caiji_cli_json_int (builder, "jpeg_bytes", g_bytes_get_size (report->standard_jpeg));
      caiji_cli_json_int (builder, "jpeg_quality", report->jpeg_quality);
    }
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

static void
print_text (const CaijiPhotoReport *report,
            double                  ms)
{
  g_autofree char *time = g_strdup_printf ("%.1f ms", ms);
  g_autofree char *faces = g_strdup_printf ("%u", report->faces);

  caiji_cli_print_field (_("Profile"), report->profile->name);
  caiji_cli_print_field (_("Faces"), faces);
  caiji_cli_print_field (_("Accepted"), report->problems == 0 ? _("yes") : _("no"));
  for (guint problem = 0; problem < CAIJI_PHOTO_N_PROBLEMS; problem++)
    if (caiji_photo_report_has (report, problem))
      caiji_cli_print_field (caiji_photo_problem_code (problem), caiji_photo_problem_message (problem));
  caiji_cli_print_field (_("Time"), time);
}

static gboolean
write_standard (const CaijiPhotoReport *report,
                const char             *path,
                GError                **error)
{
  return g_file_set_contents (path, g_bytes_get_data (report->standard_jpeg, NULL),
                              g_bytes_get_size (report->standard_jpeg), error);
}

CaijiCliExit
caiji_cli_photo_check (CaijiCli              *cli,
                       const CaijiCliCommand *command,
                       int                    argc,
                       char                 **argv)
{
  g_autofree char *profile_name = NULL;
  g_autofree char *out_path = NULL;
  const GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name, N_("The photo profile: xuexin (default) or ga461"), N_("NAME") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, N_("Where to write the standard photo when the photo is accepted"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CaijiCliExit status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);
  const CaijiPhotoProfile *profile = caiji_photo_profile_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(CaijiPhotoReport) report = NULL;
  gint64 start;
  double ms;

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (profile_name != NULL && (profile = caiji_photo_profile_find (profile_name)) == NULL)
    return caiji_cli_usage_error (command, _("unknown photo profile “%s”: use xuexin or ga461"), profile_name);
  /* The models are loaded before the clock starts, so "ms" is what one
   * check costs in a running kiosk. */
  image = caiji_image_load (argv[1], &error);
  if (image == NULL || !caiji_face_models_load (&error))
    return caiji_cli_fail (cli, error);
  start = g_get_monotonic_time ();
  report = caiji_photo_check (image, profile, CAIJI_PHOTO_SOURCE_FILE, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (report == NULL)
    return caiji_cli_fail (cli, error);
  if (cli->json)
    print_json (report, ms);
  else
    print_text (report, ms);
  if (report->problems != 0)
    {
      caiji_cli_print_error ("%s", caiji_photo_problem_message (caiji_photo_report_first (report)));
      return CAIJI_CLI_EXIT_FAILED;
    }
  if (out_path != NULL && !write_standard (report, out_path, &error))
    return caiji_cli_fail (cli, error);
  return CAIJI_CLI_EXIT_OK;
}
