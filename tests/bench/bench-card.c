/* bench-card.c: how fast and how well the card pipeline does on generated scenes
 *
 * bench-card [COUNT] [SEED]: COUNT scenes of each kind and look from SEED.
 * Prints the median milliseconds of find+rectify, classify and read, and
 * the rates behind them.  Figures only, no verdict: speed is not a test.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-figures.h"
#include "caiji-card.h"
#include "card-synth.h"

typedef struct {
  GArray *find_ms, *classify_ms, *read_ms;
  guint   cards, found, sides_right, negatives, negatives_refused;
  guint   fronts, numbers_right, numbers_wrong, names_right;
  guint   backs, backs_read;
  guint   degraded[CARD_SYNTH_N_LOOKS], degraded_tipped[CARD_SYNTH_N_LOOKS];
  double  corner_error;
} Tally;

static double
corner_error (const CardSynthSample *sample, const CaijiCardView *view)
{
  double best = G_MAXDOUBLE;

  /* The finder may start at any corner of the card; take the best cyclic match. */
  for (int shift = 0; shift < 4; shift++)
    {
      double sum = 0;

      for (int i = 0; i < 4; i++)
        {
          int j = (i + shift) % 4;
          double dx = view->corners[2 * i] - sample->corners[2 * j];
          double dy = view->corners[2 * i + 1] - sample->corners[2 * j + 1];

          sum += sqrt (dx * dx + dy * dy) / 4;
        }
      best = MIN (best, sum);
    }
  return best;
}

static void
score (Tally *t, const CardSynthSample *sample, const CaijiCardResult *result)
{
  CaijiCardSide truth = sample->kind == CARD_SYNTH_FRONT ? CAIJI_CARD_SIDE_FRONT
                      : sample->kind == CARD_SYNTH_BACK ? CAIJI_CARD_SIDE_BACK : CAIJI_CARD_SIDE_NONE;
  const CaijiCardReading *r = result->reading;

  if (truth == CAIJI_CARD_SIDE_NONE)
    {
      t->negatives++;
      t->negatives_refused += result->side == CAIJI_CARD_SIDE_NONE;
      return;
    }
  t->sides_right += result->side == truth;
  if (truth == CAIJI_CARD_SIDE_FRONT)
    {
      t->fronts++;
      if (r != NULL && r->id_number != NULL)
        {
          gboolean right = strcmp (r->id_number, sample->truth->id_number) == 0;

          t->numbers_right += right;
          t->numbers_wrong += !right;
        }
      t->names_right += r != NULL && g_strcmp0 (r->name, sample->truth->name) == 0;
    }
  else
    {
      t->backs++;
      t->backs_read += r != NULL && g_strcmp0 (r->valid_from, sample->truth->valid_from) == 0 &&
                       g_strcmp0 (r->valid_to, sample->truth->valid_to) == 0 &&
                       g_strcmp0 (r->authority, sample->truth->authority) == 0;
    }
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    fprintf (stderr, "%s side=%s quality=%s problem=%s number=%s/%s name=%s/%s\n", card_synth_kind_name (sample->kind),
                caiji_card_side_to_string (result->side), caiji_card_quality_to_string (result->quality),
                result->problem, r ? r->id_number : "-", sample->truth->id_number ? sample->truth->id_number : "-",
                r ? r->name : "-", sample->truth->name ? sample->truth->name : "-");
}

static void
run_clean (Tally *t, CaijiCardOcr *ocr, guint32 seed, CardSynthKind kind)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed, kind, CARD_SYNTH_CLEAN);
  g_autoptr(CaijiCardResult) result = NULL;
  g_autoptr(CaijiCardView) view = caiji_card_view_find (sample->scene);

  if (sample->flat != NULL && kind <= CARD_SYNTH_BACK)
    {
      t->cards++;
      if (view->found)
        {
          t->found++;
          t->corner_error += corner_error (sample, view);
        }
    }
  result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE, NULL, NULL);
  g_array_append_val (t->find_ms, result->find_ms);
  if (result->side != CAIJI_CARD_SIDE_NONE || result->classify_ms > 0)
    g_array_append_val (t->classify_ms, result->classify_ms);
  if (result->reading != NULL)
    g_array_append_val (t->read_ms, result->read_ms);
  score (t, sample, result);
}

static void
run_degraded (Tally *t, guint32 seed, CardSynthKind kind, CardSynthLook look)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed, kind, look);
  g_autoptr(CaijiCardView) view = caiji_card_view_find (sample->scene);
  CaijiCardQuality expected = look == CARD_SYNTH_BLURRY ? CAIJI_CARD_QUALITY_BLURRY
                            : look == CARD_SYNTH_GLARE ? CAIJI_CARD_QUALITY_GLARE : CAIJI_CARD_QUALITY_BORDER_MISSING;

  t->degraded[look]++;
  t->degraded_tipped[look] += view->quality == expected;
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    fprintf (stderr, "look %d: found=%d quality=%s focus=%.3f glare=%.4f\n", look, view->found,
                caiji_card_quality_to_string (view->quality), view->focus, view->glare);
}

int
main (int argc, char **argv)
{
  guint count = argc > 1 ? (guint) atoi (argv[1]) : 20;
  guint32 seed = argc > 2 ? (guint32) strtoul (argv[2], NULL, 10) : 424242;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCardOcr) ocr = caiji_card_ocr_new (&error);
  Tally t = { 0 };
  guint32 next = seed;

  if (ocr == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t.find_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t.classify_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t.read_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < count; i++)
    {
      for (int kind = 0; kind < CARD_SYNTH_N_KINDS; kind++)
        run_clean (&t, ocr, next++, (CardSynthKind) kind);
      for (int look = CARD_SYNTH_BLURRY; look < CARD_SYNTH_N_LOOKS; look++)
        run_degraded (&t, next++, (CardSynthKind) (i % 2), (CardSynthLook) look);
    }
  g_print ("card finding: %u/%u clean cards found, mean corner error %.1f px\n",
           t.found, t.cards, t.found ? t.corner_error / t.found : 0);
  g_print ("side: %u/%u cards right, %u/%u negatives refused\n",
           t.sides_right, t.fronts + t.backs, t.negatives_refused, t.negatives);
  g_print ("front: ID number %u/%u right, %u wrong accepted; name %u/%u exact\n",
           t.numbers_right, t.fronts, t.numbers_wrong, t.names_right, t.fronts);
  g_print ("back: %u/%u authority and validity exact\n", t.backs_read, t.backs);
  g_print ("tips: blurry %u/%u, glare %u/%u, border missing %u/%u\n",
           t.degraded_tipped[CARD_SYNTH_BLURRY], t.degraded[CARD_SYNTH_BLURRY],
           t.degraded_tipped[CARD_SYNTH_GLARE], t.degraded[CARD_SYNTH_GLARE],
           t.degraded_tipped[CARD_SYNTH_BORDER_MISSING], t.degraded[CARD_SYNTH_BORDER_MISSING]);
  g_print ("median ms: find+rectify %.1f, classify %.1f, read %.1f (one core)\n",
           bench_median (t.find_ms), bench_median (t.classify_ms), bench_median (t.read_ms));
  g_array_unref (t.find_ms);
  g_array_unref (t.classify_ms);
  g_array_unref (t.read_ms);
  return 0;
}
