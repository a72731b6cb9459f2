/* card-synth-dump.c: write generated scenes as JPEG files, for a human to look at
 *
 * card-synth-dump DIR [COUNT] [SEED]
 */
#include <stdlib.h>

#include "card-synth.h"

int
main (int argc, char **argv)
{
  guint count = argc > 2 ? (guint) atoi (argv[2]) : 12;
  guint32 seed = argc > 3 ? (guint32) strtoul (argv[3], NULL, 10) : 1;

  if (argc < 2)
    {
      g_printerr ("usage: card-synth-dump DIR [COUNT] [SEED]\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  for (guint i = 0; i < count; i++)
    {
      CardSynthKind kind = (CardSynthKind) (i % CARD_SYNTH_N_KINDS);
      CardSynthLook look = (CardSynthLook) ((i / CARD_SYNTH_N_KINDS) % CARD_SYNTH_N_LOOKS);
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed + i, kind, look);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (sample->scene, 92, &error);
      g_autofree char *path = g_strdup_printf ("%s/%03u-%s-%d.jpg", argv[1], i, card_synth_kind_name (kind), look);

      if (jpeg == NULL || !g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
    }
  return 0;
}
