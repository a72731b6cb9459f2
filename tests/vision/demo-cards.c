/* demo-cards.c: the demo candidate's ID card, both sides, for the kiosk's demo
 *
 * demo-cards DIR SEED writes DIR/人像面.jpg and DIR/国徽面.jpg, camera-like
 * pictures of one synthetic person's card, and prints that person as a
 * roster CSV line, so scripts/run-kiosk.sh can put them in the demo roster
 * and a visitor can walk step 1 by choosing the two files.  Synthetic
 * identity, valid checksum: no real personal data.
 */
#include <stdio.h>
#include <stdlib.h>

#include "card-synth.h"

static gboolean
write_side (const char    *dir,
            const char    *file,
            guint32        seed,
            CardSynthKind  kind,
            char         **csv_line)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed, kind, CARD_SYNTH_CLEAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (sample->scene, 92, &error);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  if (jpeg == NULL || !g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return FALSE;
    }
  if (csv_line != NULL)
    *csv_line = g_strdup_printf ("23039901,%s,%s,%s,13800009901,网梯测试大学,英语,2023", sample->truth->name,
                                 sample->truth->sex, sample->truth->id_number);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *line = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: demo-cards DIR SEED\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  if (!write_side (argv[1], "人像面.jpg", (guint32) strtoul (argv[2], NULL, 10), CARD_SYNTH_FRONT, &line) ||
      !write_side (argv[1], "国徽面.jpg", (guint32) strtoul (argv[2], NULL, 10), CARD_SYNTH_BACK, NULL))
    return 1;
  /* Not g_print: the CSV is UTF-8 whatever the locale. */
  printf ("%s\n", line);
  return 0;
}
