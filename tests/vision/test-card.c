/* test-card.c: the ID card pipeline on generated scenes, and its text rules
 *
 * The scenes come from card-synth with fixed seeds that the pipeline was
 * not tuned on.  Hard rules are asserted outright: a wrong ID number is
 * never accepted, a negative is never taken for a side, a different name
 * is never confirmed.  Rates are printed and held at the floors measured
 * when the test was written, so a regression shows.
 */
#include <math.h>
#include <string.h>

#include "caiji-card-text.h"
#include "caiji-card.h"
#include "card-synth.h"

/* Not the seeds the thresholds were tuned on (bench-card's default). */
#define SEED_READ 20261125u
#define SEED_QUALITY 5150000u
#define SEED_NAMES 7300000u
#define N_PER_KIND 40
#define N_PER_LOOK 24

/* Floors in percent: measured on these seeds when the test was written
 * (the figure in the comment, optimised build), less one sample or so,
 * because the sanitizer build's floating point may tip a borderline card. */
#define SIDES_FLOOR 93.0       /* 77/80 */
#define NUMBERS_FLOOR 90.0     /* 38/40, none wrong */
#define NAMES_FLOOR 72.0       /* 31/40 */
#define BACKS_FLOOR 90.0       /* 38/40 */
#define CONFIRMED_FLOOR 87.0   /* 23/24 */
#define CLEAN_OK_FLOOR 91.0    /* 24/24 */
#define BLURRY_FLOOR 91.0      /* 23/24 */
#define GLARE_FLOOR 91.0       /* 24/24 */
#define BORDER_FLOOR 87.0      /* 22/24: a cut card can leave a card-shaped desk object in view */
#define FOUND_FLOOR 87.0       /* 23/24 */

static CaijiCardOcr *ocr;

/* ---- text rules ---- */

static void
test_overlap (void)
{
  g_assert_cmpuint (caiji_card_text_overlap ("居民身份证", "居民身份证"), ==, 5);
  g_assert_cmpuint (caiji_card_text_overlap ("居民身分证", "居民身份证"), ==, 4);
  g_assert_cmpuint (caiji_card_text_overlap ("证份身民居", "居民身份证"), ==, 1);
  g_assert_cmpuint (caiji_card_text_overlap ("中国工商银行", "中华人民共和国"), ==, 2);
  g_assert_cmpuint (caiji_card_text_overlap (NULL, "公民身份号码"), ==, 0);
}

static void
test_name_rules (void)
{
  g_autofree char *plain = caiji_card_text_name (" 张 三丰\n");
  g_autofree char *minority = caiji_card_text_name ("买买提·艾力");
  g_autofree char *one = caiji_card_text_name ("张");
  g_autofree char *latin = caiji_card_text_name ("ZHANG SAN");
  g_autofree char *dangling = caiji_card_text_name ("艾力·");
  g_autofree char *sixteen = caiji_card_text_name ("一二三四五六七八九十一二三四五六");

  g_assert_cmpstr (plain, ==, "张三丰");
  g_assert_cmpstr (minority, ==, "买买提·艾力");
  g_assert_null (one);
  g_assert_null (latin);
  g_assert_null (dangling);
  g_assert_null (sixteen);
}

static void
test_birth_rules (void)
{
  g_assert_true (caiji_card_text_birth_matches ("1990 年 1 月 5 日", 1990, 1, 5));
  g_assert_true (caiji_card_text_birth_matches ("1990年01月05日", 1990, 1, 5));
  g_assert_false (caiji_card_text_birth_matches ("1990 年 1 月 6 日", 1990, 1, 5));
  g_assert_false (caiji_card_text_birth_matches ("990 年 1 月 5 日", 990, 1, 5));
  g_assert_false (caiji_card_text_birth_matches ("1990 年 1 月", 1990, 1, 5));
  g_assert_false (caiji_card_text_birth_matches ("1990 1 5 7", 1990, 1, 5));
}

static void
test_validity_rules (void)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  char *bad_from = NULL, *bad_to = NULL;

  g_assert_true (caiji_card_text_validity ("2015.03.01-2035.03.01", &from, &to));
  g_assert_cmpstr (from, ==, "2015-03-01");
  g_assert_cmpstr (to, ==, "2035-03-01");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_assert_true (caiji_card_text_validity ("2008.11.30-长期", &from, &to));
  g_assert_cmpstr (to, ==, "长期");
  /* A misread digit breaks the 5/10/20-year term or the same day. */
  g_assert_false (caiji_card_text_validity ("2015.03.01-2036.03.01", &bad_from, &bad_to));
  g_assert_false (caiji_card_text_validity ("2015.03.01-2035.08.01", &bad_from, &bad_to));
  g_assert_false (caiji_card_text_validity ("2015.02.30-2035.02.30", &bad_from, &bad_to));
  g_assert_false (caiji_card_text_validity ("2015.03.01", &bad_from, &bad_to));
  g_assert_null (bad_from);
  g_assert_null (bad_to);
}

static void
test_nation_rules (void)
{
  g_assert_cmpstr (caiji_card_text_nation ("汉"), ==, "汉");
  g_assert_cmpstr (caiji_card_text_nation (" 维吾尔 "), ==, "维吾尔");
  g_assert_cmpstr (caiji_card_text_nation ("维吾"), ==, "维吾尔");
  g_assert_null (caiji_card_text_nation (""));
  g_assert_null (caiji_card_text_nation ("银行"));
}

/* ---- generated scenes ---- */

static CaijiCardSide
truth_side (CardSynthKind kind)
{
  return kind == CARD_SYNTH_FRONT ? CAIJI_CARD_SIDE_FRONT : kind == CARD_SYNTH_BACK ? CAIJI_CARD_SIDE_BACK : CAIJI_CARD_SIDE_NONE;
}

static double
percent (guint part, guint whole)
{
  return whole == 0 ? 0 : 100.0 * part / whole;
}

static void
test_refused_without_a_card (void)
{
  g_autoptr(CardSynthSample) empty = card_synth_sample_new (SEED_READ, CARD_SYNTH_EMPTY, CARD_SYNTH_CLEAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, empty->scene, CAIJI_CARD_SIDE_BACK, NULL, &error);

  g_assert_error (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_NOT_A_CARD);
  g_assert_cmpint (result->side, ==, CAIJI_CARD_SIDE_NONE);
  g_assert_cmpint (result->quality, ==, CAIJI_CARD_QUALITY_BORDER_MISSING);
  g_assert_null (result->reading);
}

static void
test_wrong_side_refused (void)
{
  g_autoptr(CardSynthSample) back = card_synth_sample_new (SEED_READ + 1, CARD_SYNTH_BACK, CARD_SYNTH_CLEAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, back->scene, CAIJI_CARD_SIDE_FRONT, NULL, &error);

  g_assert_error (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_WRONG_SIDE);
  g_assert_cmpint (result->side, ==, CAIJI_CARD_SIDE_BACK);
  g_assert_null (result->reading);
}

/* The card turned upside down: caiji_card_classify () finds the side on
 * its second try and leaves the card upright. */
static void
test_upside_down (void)
{
  for (int kind = CARD_SYNTH_FRONT; kind <= CARD_SYNTH_BACK; kind++)
    {
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (SEED_READ + 7, (CardSynthKind) kind, CARD_SYNTH_CLEAN);
      guint width = caiji_image_get_width (sample->flat), height = caiji_image_get_height (sample->flat);
      gsize stride = 0, turned_stride = 0;
      const guint8 *upright = caiji_image_get_bgr (sample->flat, &stride);
      g_autofree guint8 *pixels = g_malloc (width * height * 3);
      g_autoptr(CaijiImage) turned = NULL;
      const guint8 *after;

      for (guint y = 0; y < height; y++)
        for (guint x = 0; x < width; x++)
          memcpy (pixels + ((height - 1 - y) * width + (width - 1 - x)) * 3, upright + y * stride + x * 3, 3);
      turned = caiji_image_new_bgr (width, height, pixels, width * 3);
      g_assert_cmpint (caiji_card_classify (ocr, turned), ==, truth_side ((CardSynthKind) kind));
      after = caiji_image_get_bgr (turned, &turned_stride);
      for (guint y = 0; y < height; y++)
        g_assert_cmpmem (after + y * turned_stride, width * 3, upright + y * stride, width * 3);
    }
}

static void
test_generated_set (void)
{
  guint sides_right = 0, cards = 0, negatives = 0, fronts = 0, backs = 0;
  guint numbers_right = 0, names_right = 0, backs_right = 0, portraits = 0, fronts_seen = 0;
  guint32 seed = SEED_READ;

  for (guint i = 0; i < N_PER_KIND; i++)
    for (int kind = 0; kind < CARD_SYNTH_N_KINDS; kind++)
      {
        g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed++, (CardSynthKind) kind, CARD_SYNTH_CLEAN);
        g_autoptr(GError) error = NULL;
        g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE, NULL, &error);
        CaijiCardSide truth = truth_side (sample->kind);
        const CaijiCardReading *r = result->reading;

        g_assert_true ((error == NULL) == (r != NULL));
        if (truth == CAIJI_CARD_SIDE_NONE)
          {
            /* Hard: a bank card, a member card, a page or an empty desk is never a side. */
            negatives++;
            g_assert_cmpint (result->side, ==, CAIJI_CARD_SIDE_NONE);
            g_assert_error (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_NOT_A_CARD);
            continue;
          }
        cards++;
        sides_right += result->side == truth;
        /* A side read on this card can only be its own side. */
        g_assert_true (result->side == truth || result->side == CAIJI_CARD_SIDE_NONE);
        if (truth == CAIJI_CARD_SIDE_FRONT)
          {
            fronts++;
            if (r != NULL)
              {
                /* Hard: an accepted number is the printed number, and birth and sex agree with it. */
                g_assert_cmpstr (r->id_number, ==, sample->truth->id_number);
                g_assert_cmpstr (r->birth, ==, sample->truth->birth);
                g_assert_cmpstr (r->sex, ==, sample->truth->sex);
                numbers_right++;
                names_right += g_strcmp0 (r->name, sample->truth->name) == 0;
              }
            portraits += result->side == CAIJI_CARD_SIDE_FRONT && result->portrait != NULL;
            fronts_seen += result->side == CAIJI_CARD_SIDE_FRONT;
          }
        else
          {
            backs++;
            if (r != NULL)
              {
                g_assert_cmpstr (r->valid_from, ==, sample->truth->valid_from);
                g_assert_cmpstr (r->valid_to, ==, sample->truth->valid_to);
                backs_right += g_strcmp0 (r->authority, sample->truth->authority) == 0;
              }
          }
      }
  g_test_message ("sides right: %u/%u (%.1f %%), negatives refused: %u/%u",
                  sides_right, cards, percent (sides_right, cards), negatives, negatives);
  g_test_message ("ID numbers read: %u/%u (%.1f %%), 0 wrong; names exact: %u/%u (%.1f %%)",
                  numbers_right, fronts, percent (numbers_right, fronts), names_right, fronts, percent (names_right, fronts));
  g_test_message ("backs fully right: %u/%u (%.1f %%)", backs_right, backs, percent (backs_right, backs));
  /* Floors: measured when written (see the commit), less a margin. */
  g_assert_cmpfloat (percent (sides_right, cards), >=, SIDES_FLOOR);
  g_assert_cmpfloat (percent (numbers_right, fronts), >=, NUMBERS_FLOOR);
  g_assert_cmpfloat (percent (names_right, fronts), >=, NAMES_FLOOR);
  g_assert_cmpfloat (percent (backs_right, backs), >=, BACKS_FLOOR);
  g_assert_cmpuint (portraits, ==, fronts_seen);
}

static void
test_expected_name (void)
{
  guint confirmed = 0, trials = 0;

  for (guint i = 0; i < N_PER_LOOK; i++)
    {
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (SEED_NAMES + i, CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
      g_autoptr(CardSynthSample) other = card_synth_sample_new (SEED_NAMES + 1000 + i, CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
      g_autoptr(CaijiCardResult) own = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, sample->truth->name, NULL);
      g_autoptr(CaijiCardResult) stranger = NULL;

      trials++;
      confirmed += own->name_confirmed;
      if (g_strcmp0 (other->truth->name, sample->truth->name) == 0)
        continue;
      /* Hard: somebody else's name is never confirmed. */
      stranger = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, other->truth->name, NULL);
      g_assert_false (stranger->name_confirmed);
    }
  g_test_message ("expected names confirmed: %u/%u (%.1f %%)", confirmed, trials, percent (confirmed, trials));
  g_assert_cmpfloat (percent (confirmed, trials), >=, CONFIRMED_FLOOR);
}

static void
test_quality_tips (void)
{
  static const CaijiCardQuality expected[CARD_SYNTH_N_LOOKS] = {
    CAIJI_CARD_QUALITY_OK, CAIJI_CARD_QUALITY_BLURRY, CAIJI_CARD_QUALITY_GLARE, CAIJI_CARD_QUALITY_BORDER_MISSING,
  };
  static const double floors[CARD_SYNTH_N_LOOKS] = { CLEAN_OK_FLOOR, BLURRY_FLOOR, GLARE_FLOOR, BORDER_FLOOR };

  for (int look = 0; look < CARD_SYNTH_N_LOOKS; look++)
    {
      guint tipped = 0;

      for (guint i = 0; i < N_PER_LOOK; i++)
        {
          g_autoptr(CardSynthSample) sample = card_synth_sample_new (SEED_QUALITY + 100 * look + i, (CardSynthKind) (i % 2),
                                                                     (CardSynthLook) look);
          g_autoptr(CaijiCardView) view = caiji_card_view_find (sample->scene);

          tipped += view->quality == expected[look];
          g_assert_true (view->found == (view->card != NULL));
        }
      g_test_message ("tip %s on its variant: %u/%u (%.1f %%)", caiji_card_quality_to_string (expected[look]),
                      tipped, N_PER_LOOK, percent (tipped, N_PER_LOOK));
      g_assert_cmpfloat (percent (tipped, N_PER_LOOK), >=, floors[look]);
    }
}

static void
test_corners (void)
{
  guint found = 0;
  double error_sum = 0;

  for (guint i = 0; i < N_PER_LOOK; i++)
    {
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (SEED_QUALITY + 9000 + i, (CardSynthKind) (i % 2), CARD_SYNTH_CLEAN);
      g_autoptr(CaijiCardView) view = caiji_card_view_find (sample->scene);
      double best = G_MAXDOUBLE;

      if (!view->found)
        continue;
      found++;
      for (int shift = 0; shift < 4; shift++)
        {
          double sum = 0;

          for (int k = 0; k < 4; k++)
            sum += hypot (view->corners[2 * k] - sample->corners[2 * ((k + shift) % 4)],
                          view->corners[2 * k + 1] - sample->corners[2 * ((k + shift) % 4) + 1]) / 4;
          best = MIN (best, sum);
        }
      /* Any found card is the card: never a wrong shape. */
      g_assert_cmpfloat (best, <, 20);
      error_sum += best;
    }
  g_test_message ("cards found: %u/%u, mean corner error %.1f px in 1280x960",
                  found, N_PER_LOOK, found ? error_sum / found : 0);
  g_assert_cmpfloat (percent (found, N_PER_LOOK), >=, FOUND_FLOOR);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/card/text/overlap", test_overlap);
  g_test_add_func ("/card/text/name", test_name_rules);
  g_test_add_func ("/card/text/birth", test_birth_rules);
  g_test_add_func ("/card/text/validity", test_validity_rules);
  g_test_add_func ("/card/text/nation", test_nation_rules);
  ocr = caiji_card_ocr_new (&error);
  g_assert_no_error (error);
  g_test_add_func ("/card/find/corners", test_corners);
  g_test_add_func ("/card/find/quality-tips", test_quality_tips);
  g_test_add_func ("/card/read/no-card", test_refused_without_a_card);
  g_test_add_func ("/card/read/wrong-side", test_wrong_side_refused);
  g_test_add_func ("/card/read/upside-down", test_upside_down);
  g_test_add_func ("/card/read/generated-set", test_generated_set);
  g_test_add_func ("/card/read/expected-name", test_expected_name);
  status = g_test_run ();
  caiji_card_ocr_free (ocr);
  return status;
}
