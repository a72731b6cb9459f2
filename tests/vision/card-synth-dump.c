/* card-synth-dump.c: write generated scenes as JPEG files, for a human to look at
 *
 * card-synth-dump DIR [COUNT] [SEED] [KIND LOOK]
 *
 * Without KIND and LOOK the scenes cycle through every kind and look;
 * with them (numbers of CardSynthKind and CardSynthLook) every scene is
 * of that kind and look, to look at one that eval-card reported.
 */
#include <stdlib.h>

#include "card-synth.h"

int
main (int argc, char **argv)
{
  guint count = argc > 2 ? (guint) atoi (argv[2]) : 12;
  guint32 seed = argc > 3 ? (guint32) strtoul (argv[3], NULL, 10) : 1;
  int fixed_kind = argc > 5 ? atoi (argv[4]) : -1;
  int fixed_look = argc > 5 ? atoi (argv[5]) : -1;

  if (argc < 2)
    {
      g_printerr ("usage: card-synth-dump DIR [COUNT] [SEED] [KIND LOOK]\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  for (guint i = 0; i < count; i++)
    {
      CardSynthKind kind = (CardSynthKind) (fixed_kind >= 0 ? fixed_kind : (int) (i % CARD_SYNTH_N_KINDS));
      CardSynthLook look = (CardSynthLook) (fixed_look >= 0 ? fixed_look : (int) ((i / CARD_SYNTH_N_KINDS) % CARD_SYNTH_N_LOOKS));
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed + i, kind, look);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (sample->scene, 92, &error);
      g_autofree char *path = g_strdup_printf ("%s/%u-%s-%d.jpg", argv[1], seed + i, card_synth_kind_name (kind), look);

      if (jpeg == NULL || !g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
    }
  return 0;
}
