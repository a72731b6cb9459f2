/* eval-card.c: issue 7's "done when" figures on a fresh generated set
 *
 * eval-card SEED [ROUNDS]
 *
 * Each round draws, from consecutive seeds starting at SEED: one clean
 * front, one clean back, one clean negative (bank card, member card,
 * page, empty desk in turn) and one front or back in each degraded look
 * (blurry, glare, border missing).  The default 60 rounds make 360
 * images.  Every front is read three times: with its own name expected,
 * with a stranger's name and with its own name one character changed
 * (the roster's near miss), so confirmation and its refusals are counted
 * separately.  Prints figures with their counts and no verdict; speed is
 * measured on whatever core the process gets, so run it alone and niced.
 *
 * EVAL_VERBOSE=1 prints every miss to stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-figures.h"
#include "caiji-card.h"
#include "card-synth-identity.h"
#include "card-synth.h"

#define N_NEGATIVE_KINDS (CARD_SYNTH_N_KINDS - CARD_SYNTH_BANK_CARD)

typedef struct {
  guint fronts, backs, negatives;
  guint sides_right, negatives_refused;
  guint numbers_right, numbers_wrong, numbers_refused;
  guint names_right;
  guint confirmed, strangers, strangers_confirmed, near_misses, near_misses_confirmed;
  guint backs_right;
  guint looks[CARD_SYNTH_N_LOOKS], looks_tipped[CARD_SYNTH_N_LOOKS];
  GArray *front_ms, *back_ms;           /* wall clock, as caiji_card_read () reports it */
  GArray *front_cpu_ms, *back_cpu_ms;   /* CPU time of the process: one core's worth of work */
} Tally;

static gboolean verbose;

static double
percent (guint part, guint whole)
{
  return whole == 0 ? 0 : 100.0 * part / whole;
}

static CaijiCardQuality
expected_tip (CardSynthLook look)
{
  switch (look)
    {
    case CARD_SYNTH_BLURRY: return CAIJI_CARD_QUALITY_BLURRY;
    case CARD_SYNTH_GLARE: return CAIJI_CARD_QUALITY_GLARE;
    case CARD_SYNTH_BORDER_MISSING: return CAIJI_CARD_QUALITY_BORDER_MISSING;
    case CARD_SYNTH_CLEAN:
    case CARD_SYNTH_N_LOOKS:
    default: return CAIJI_CARD_QUALITY_OK;
    }
}

static double
total_ms (const CaijiCardResult *result)
{
  return result->find_ms + result->classify_ms + result->read_ms;
}

/* The true name with its last character swapped for another one: the
 * closest a different roster entry can get. */
static char *
near_miss_name (const char *name, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const char *last = g_utf8_offset_to_pointer (name, g_utf8_strlen (name, -1) - 1);

  for (;;)
    {
      g_autofree char *other = card_synth_random_hanzi (rand, 1);

      if (strcmp (other, last) != 0)
        return g_strdup_printf ("%.*s%s", (int) (last - name), name, other);
    }
}

static char *
stranger_name (const char *name, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (;;)
    {
      CaijiCardReading *front = NULL, *back = NULL;
      char *other;

      card_synth_identity_new (rand, &front, &back);
      other = g_steal_pointer (&front->name);
      caiji_card_reading_free (front);
      caiji_card_reading_free (back);
      if (strcmp (other, name) != 0)
        return other;
      g_free (other);
    }
}

static gboolean
confirms (CaijiCardOcr *ocr, const CardSynthSample *sample, const char *name)
{
  g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, name, NULL);

  return result->name_confirmed;
}

static void
eval_front (Tally *t, CaijiCardOcr *ocr, const CardSynthSample *sample, guint32 seed)
{
  double cpu_start = bench_process_cpu_ms ();
  g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE, sample->truth->name, NULL);
  double cpu = bench_process_cpu_ms () - cpu_start;
  const CaijiCardReading *r = result->reading;
  g_autofree char *stranger = stranger_name (sample->truth->name, seed ^ 0x5eed);
  g_autofree char *near = near_miss_name (sample->truth->name, seed ^ 0xface);
  gboolean stranger_confirmed = confirms (ocr, sample, stranger);
  gboolean near_confirmed = confirms (ocr, sample, near);

  t->fronts++;
  t->sides_right += result->side == CAIJI_CARD_SIDE_FRONT;
  g_array_append_val (t->front_ms, (double) { total_ms (result) });
  g_array_append_val (t->front_cpu_ms, cpu);
  if (r == NULL)
    t->numbers_refused++;
  else if (strcmp (r->id_number, sample->truth->id_number) == 0)
    t->numbers_right++;
  else
    t->numbers_wrong++;
  t->names_right += r != NULL && g_strcmp0 (r->name, sample->truth->name) == 0;
  t->confirmed += result->name_confirmed;
  t->strangers++;
  t->strangers_confirmed += stranger_confirmed;
  t->near_misses++;
  t->near_misses_confirmed += near_confirmed;
  if (verbose && (r == NULL || g_strcmp0 (r->name, sample->truth->name) != 0 || !result->name_confirmed ||
                  stranger_confirmed || near_confirmed || strcmp (r->id_number, sample->truth->id_number) != 0))
    fprintf (stderr, "seed %u front: side=%s problem=%s number=%s/%s name=%s/%s confirmed=%d stranger %s=%d near %s=%d\n",
                seed, caiji_card_side_to_string (result->side), result->problem, r ? r->id_number : "-",
                sample->truth->id_number, r ? r->name : "-", sample->truth->name, result->name_confirmed,
                stranger, stranger_confirmed, near, near_confirmed);
}

static void
eval_back (Tally *t, CaijiCardOcr *ocr, const CardSynthSample *sample, guint32 seed)
{
  double cpu_start = bench_process_cpu_ms ();
  g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE, NULL, NULL);
  double cpu = bench_process_cpu_ms () - cpu_start;
  const CaijiCardReading *r = result->reading;
  gboolean right = r != NULL && g_strcmp0 (r->authority, sample->truth->authority) == 0 &&
                   g_strcmp0 (r->valid_from, sample->truth->valid_from) == 0 &&
                   g_strcmp0 (r->valid_to, sample->truth->valid_to) == 0;

  t->backs++;
  t->sides_right += result->side == CAIJI_CARD_SIDE_BACK;
  t->backs_right += right;
  g_array_append_val (t->back_ms, (double) { total_ms (result) });
  g_array_append_val (t->back_cpu_ms, cpu);
  if (verbose && !right)
    fprintf (stderr, "seed %u back: side=%s problem=%s authority=%s/%s valid=%s..%s/%s..%s\n", seed,
                caiji_card_side_to_string (result->side), result->problem, r ? r->authority : "-",
                sample->truth->authority, r ? r->valid_from : "-", r ? r->valid_to : "-",
                sample->truth->valid_from, sample->truth->valid_to);
}

static void
eval_negative (Tally *t, CaijiCardOcr *ocr, const CardSynthSample *sample, guint32 seed)
{
  g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE, NULL, NULL);

  t->negatives++;
  t->negatives_refused += result->side == CAIJI_CARD_SIDE_NONE;
  if (verbose && result->side != CAIJI_CARD_SIDE_NONE)
    fprintf (stderr, "seed %u %s taken for %s\n", seed, card_synth_kind_name (sample->kind),
                caiji_card_side_to_string (result->side));
}

/* The live tip on the preview frame, as the kiosk shows it. */
static void
eval_tip (Tally *t, const CardSynthSample *sample, guint32 seed)
{
  g_autoptr(CaijiCardView) view = caiji_card_view_find (sample->scene);
  gboolean right = view->quality == expected_tip (sample->look);

  t->looks[sample->look]++;
  t->looks_tipped[sample->look] += right;
  if (verbose && !right)
    fprintf (stderr, "seed %u %s look %d: tip %s, focus %.3f, glare %.4f\n", seed, card_synth_kind_name (sample->kind),
                sample->look, caiji_card_quality_to_string (view->quality), view->focus, view->glare);
}

static void
eval_round (Tally *t, CaijiCardOcr *ocr, guint round, guint32 *next)
{
  CardSynthKind negative = (CardSynthKind) (CARD_SYNTH_BANK_CARD + round % N_NEGATIVE_KINDS);

  {
    g_autoptr(CardSynthSample) front = card_synth_sample_new (*next, CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
    eval_tip (t, front, *next);
    eval_front (t, ocr, front, (*next)++);
  }
  {
    g_autoptr(CardSynthSample) back = card_synth_sample_new (*next, CARD_SYNTH_BACK, CARD_SYNTH_CLEAN);
    eval_tip (t, back, *next);
    eval_back (t, ocr, back, (*next)++);
  }
  {
    g_autoptr(CardSynthSample) sample = card_synth_sample_new (*next, negative, CARD_SYNTH_CLEAN);
    eval_negative (t, ocr, sample, (*next)++);
  }
  for (int look = CARD_SYNTH_BLURRY; look < CARD_SYNTH_N_LOOKS; look++)
    {
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (*next, (CardSynthKind) ((round + look) % 2),
                                                                 (CardSynthLook) look);
      eval_tip (t, sample, (*next)++);
    }
}

static void
print_figures (const Tally *t, guint32 seed, guint rounds)
{
  guint images = t->fronts + t->backs + t->negatives + t->looks[CARD_SYNTH_BLURRY] + t->looks[CARD_SYNTH_GLARE] +
                 t->looks[CARD_SYNTH_BORDER_MISSING];
  static const char *const tips[CARD_SYNTH_N_LOOKS] = { "标准 (ok) on clean cards", "照片模糊 (blurry)",
                                                        "闪光强烈 (glare)", "边框缺失 (border missing)" };

  printf ("eval-card seed %u, %u rounds: %u images (%u fronts, %u backs, %u negatives, %u degraded)\n", seed, rounds,
           images, t->fronts, t->backs, t->negatives, images - t->fronts - t->backs - t->negatives);
  printf ("ID number exact: %u/%u (%.1f %%), wrong accepted: %u, refused: %u\n", t->numbers_right, t->fronts,
           percent (t->numbers_right, t->fronts), t->numbers_wrong, t->numbers_refused);
  printf ("open name exact: %u/%u (%.1f %%)\n", t->names_right, t->fronts, percent (t->names_right, t->fronts));
  printf ("expected name confirmed: %u/%u (%.1f %%); stranger's name confirmed: %u/%u; one-character near miss confirmed: %u/%u\n",
           t->confirmed, t->fronts, percent (t->confirmed, t->fronts), t->strangers_confirmed, t->strangers,
           t->near_misses_confirmed, t->near_misses);
  printf ("side/non-card: %u/%u (%.1f %%) (cards %u/%u right, negatives %u/%u refused)\n",
           t->sides_right + t->negatives_refused, t->fronts + t->backs + t->negatives,
           percent (t->sides_right + t->negatives_refused, t->fronts + t->backs + t->negatives),
           t->sides_right, t->fronts + t->backs, t->negatives_refused, t->negatives);
  printf ("back authority and validity exact: %u/%u (%.1f %%)\n", t->backs_right, t->backs,
           percent (t->backs_right, t->backs));
  for (int look = 0; look < CARD_SYNTH_N_LOOKS; look++)
    printf ("tip %s: %u/%u (%.1f %%)\n", tips[look], t->looks_tipped[look], t->looks[look],
             percent (t->looks_tipped[look], t->looks[look]));
  printf ("median ms per side (find + classify + read, one thread): CPU front %.0f, back %.0f; wall clock front %.0f, back %.0f\n",
          bench_median (t->front_cpu_ms), bench_median (t->back_cpu_ms), bench_median (t->front_ms), bench_median (t->back_ms));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCardOcr) ocr = NULL;
  guint32 seed, next;
  guint rounds;
  Tally t = { 0 };

  if (argc < 2)
    {
      g_printerr ("usage: eval-card SEED [ROUNDS]\n");
      return 2;
    }
  seed = (guint32) strtoul (argv[1], NULL, 10);
  rounds = argc > 2 ? (guint) atoi (argv[2]) : 60;
  verbose = g_getenv ("EVAL_VERBOSE") != NULL;
  ocr = caiji_card_ocr_new (&error);
  if (ocr == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t.front_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t.back_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t.front_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t.back_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  next = seed;
  for (guint round = 0; round < rounds; round++)
    eval_round (&t, ocr, round, &next);
  print_figures (&t, seed, rounds);
  g_array_unref (t.front_ms);
  g_array_unref (t.back_ms);
  g_array_unref (t.front_cpu_ms);
  g_array_unref (t.back_cpu_ms);
  return 0;
}
