/* caiji-cli-face.c: `caiji face detect IMAGE` and `caiji face verify --photo A --live B`
 *
 * Lets desk staff and scripts see what the kiosk's face step sees: where
 * the faces are, and how a live picture scores against an ID photo at
 * the kiosk's own threshold.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-cli-output.h"
#include "caiji-cli.h"
#include "caiji-face.h"
#include "caiji-texts.h"

/* JSON names of the landmarks, in CaijiFaceLandmark order. */
static const char *const landmark_names[CAIJI_FACE_N_LANDMARKS] = {
  "right_eye", "left_eye", "nose_tip", "right_mouth_corner", "left_mouth_corner",
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The models are loaded before the clock starts, so "ms" is what one
 * call costs in a running kiosk. */
static CaijiImage *
load_for_face (const char  *path,
               GError     **error)
{
  g_autoptr(CaijiImage) image = caiji_image_load (path, error);

  if (image == NULL || !caiji_face_models_load (error))
    return NULL;
  return g_steal_pointer (&image);
}

static void
add_point_json (JsonBuilder          *builder,
                const CaijiFacePoint *point)
{
  caiji_cli_json_double (builder, "x", point->x);
  caiji_cli_json_double (builder, "y", point->y);
}

static void
add_face_json (JsonBuilder     *builder,
               const CaijiFace *face)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "box");
  json_builder_begin_object (builder);
  caiji_cli_json_double (builder, "x", face->x);
  caiji_cli_json_double (builder, "y", face->y);
  caiji_cli_json_double (builder, "width", face->width);
  caiji_cli_json_double (builder, "height", face->height);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "landmarks");
  json_builder_begin_object (builder);
  for (guint n = 0; n < CAIJI_FACE_N_LANDMARKS; n++)
    {
      json_builder_set_member_name (builder, landmark_names[n]);
      json_builder_begin_object (builder);
      add_point_json (builder, &face->landmarks[n]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  caiji_cli_json_double (builder, "score", face->score);
  json_builder_end_object (builder);
}

static void
print_detect_json (GArray *faces,
                   double  ms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "faces");
  json_builder_begin_array (builder);
  for (guint i = 0; i < faces->len; i++)
    add_face_json (builder, &g_array_index (faces, CaijiFace, i));
  json_builder_end_array (builder);
  caiji_cli_json_double (builder, "ms", ms);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

static void
print_detect_text (GArray *faces,
                   double  ms)
{
  for (guint i = 0; i < faces->len; i++)
    {
      const CaijiFace *face = &g_array_index (faces, CaijiFace, i);
      GString *points = g_string_new (NULL);

      for (guint n = 0; n < CAIJI_FACE_N_LANDMARKS; n++)
        g_string_append_printf (points, " %s=%.0f,%.0f", landmark_names[n], face->landmarks[n].x, face->landmarks[n].y);
      /* TRANSLATORS: one detected face: its box (x,y width×height), the detector's score, its landmarks */
      g_print (_("Face %u: box %.0f,%.0f %.0f×%.0f, score %.2f,%s\n"), i + 1,
               face->x, face->y, face->width, face->height, face->score, points->str);
      g_string_free (points, TRUE);
    }
  g_print (ngettext ("%u face found in %.1f ms\n", "%u faces found in %.1f ms\n", faces->len), faces->len, ms);
}

CaijiCliExit
caiji_cli_face_detect (CaijiCli              *cli,
                       const CaijiCliCommand *command,
                       int                    argc,
                       char                 **argv)
{
  CaijiCliExit status = caiji_cli_parse_options (cli, command, NULL, &argc, &argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(GArray) faces = NULL;
  gint64 start;
  double ms;

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  image = load_for_face (argv[1], &error);
  if (image == NULL)
    return caiji_cli_fail (cli, error);
  start = g_get_monotonic_time ();
  /* A file is a still: take the detector that also finds small faces. */
  faces = caiji_face_detect (image, CAIJI_FACE_DETECTOR_ACCURATE, &error);
  ms = elapsed_ms (start);
  if (faces == NULL)
    return caiji_cli_fail (cli, error);
  if (cli->json)
    print_detect_json (faces, ms);
  else
    print_detect_text (faces, ms);
  if (faces->len > 0)
    return CAIJI_CLI_EXIT_OK;
  caiji_cli_print_error ("%s", caiji_text (CAIJI_TEXT_NO_FACE));
  return CAIJI_CLI_EXIT_FAILED;
}

static void
print_verdict (CaijiCli               *cli,
               const CaijiFaceVerdict *verdict,
               double                  ms)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *score = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *time = NULL;

  if (!cli->json)
    {
      score = g_strdup_printf ("%.3f", verdict->score);
      threshold = g_strdup_printf ("%.2f", verdict->threshold);
      time = g_strdup_printf ("%.1f ms", ms);
      caiji_cli_print_field (_("Score"), score);
      caiji_cli_print_field (_("Threshold"), threshold);
      caiji_cli_print_field (_("Match"), verdict->match ? _("yes") : _("no"));
      caiji_cli_print_field (_("Time"), time);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  caiji_cli_json_double (builder, "score", verdict->score);
  caiji_cli_json_double (builder, "threshold", verdict->threshold);
  json_builder_set_member_name (builder, "match");
  json_builder_add_boolean_value (builder, verdict->match);
  caiji_cli_json_double (builder, "ms", ms);
  json_builder_end_object (builder);
  caiji_cli_print_json (builder);
}

CaijiCliExit
caiji_cli_face_verify (CaijiCli              *cli,
                       const CaijiCliCommand *command,
                       int                    argc,
                       char                 **argv)
{
  g_autofree char *photo_path = NULL;
  g_autofree char *live_path = NULL;
  const GOptionEntry entries[] = {
    { "photo", 0, 0, G_OPTION_ARG_FILENAME, &photo_path, N_("The standard ID photo"), N_("FILE") },
    { "live", 0, 0, G_OPTION_ARG_FILENAME, &live_path, N_("The live picture from the camera"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CaijiCliExit status = caiji_cli_parse_options (cli, command, entries, &argc, &argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) photo = NULL;
  g_autoptr(CaijiImage) live = NULL;
  CaijiFaceVerdict verdict;
  gint64 start;

  if (status != CAIJI_CLI_EXIT_OK)
    return status;
  if (photo_path == NULL || live_path == NULL)
    return caiji_cli_usage_error (command, _("both --photo and --live are needed"));
  photo = load_for_face (photo_path, &error);
  if (photo != NULL)
    live = load_for_face (live_path, &error);
  if (live == NULL)
    return caiji_cli_fail (cli, error);
  start = g_get_monotonic_time ();
  if (!caiji_face_verify (photo, live, &verdict, &error))
    return caiji_cli_fail (cli, error);
  print_verdict (cli, &verdict, elapsed_ms (start));
  if (verdict.match)
    return CAIJI_CLI_EXIT_OK;
  caiji_cli_print_error ("%s", caiji_text (CAIJI_TEXT_FACE_FAILED));
  return CAIJI_CLI_EXIT_FAILED;
}
