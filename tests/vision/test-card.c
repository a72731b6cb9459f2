/* test-card.c: the ID card pipeline on generated scenes, and its text rules
 *
 * The scenes come from card-synth with fixed seeds that the pipeline was
 * not tuned on.  Hard rules are asserted outright: a wrong ID number is
 * never accepted, every side is told right and a negative is never taken
 * for one, a different name is never confirmed.  Issue 7's rate targets
 * are asserted on this small set; eval-card prints the same figures on a
 * larger one.
 */
#include <math.h>
#include <string.h>

#include "caiji-card-text.h"
#include "caiji-card.h"
#include "card-synth.h"

/* Not the seeds the pipeline was tuned on (eval-card's 1000, bench-card's
 * default) nor eval-card's held-out seed. */
#define SEED_READ 20261125u
#define SEED_QUALITY 5150000u
/* A small fixed set, so the test stays near a minute and a half under
 * AddressSanitizer: eval-card measures the same figures on 360 images. */
#define N_PER_SIDE 12
#define N_NEGATIVES 12
#define N_STRANGERS 6
#define N_PER_LOOK 20   /* 19 of 20 is the tips' 95 % */

/* Issue 7's targets, in percent.  On 12 samples 95 % and 99 % mean every one. */
#define NUMBERS_TARGET 99.0
#define CONFIRMED_TARGET 99.0
#define OPEN_NAME_TARGET 95.0
#define TIP_TARGET 95.0
#define BACKS_FLOOR 90.0
#define FOUND_TARGET 100.0   /* side/non-card classification 100 % needs every clean card found */

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
  /* Spaces between the letter-spaced title's characters do not count. */
  g_assert_cmpuint (caiji_card_text_overlap ("中 华 人 民 共 和 国\n居 民 身 份 证", "中华人民共和国"), ==, 7);
  g_assert_cmpuint (caiji_card_text_overlap ("2020.12.13-长期", "长期"), ==, 2);
  /* A page of dense print does not spell a title out of scattered characters. */
  g_assert_cmpuint (caiji_card_text_overlap ("中国过沁环赣涛由华最济订人温演出民第有共过和沪污国", "中华人民共和国"), <=, 4);
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
  /* Digits the Chinese recogniser returns as look-alike characters. */
  g_assert_true (caiji_card_text_birth_matches ("1950年了月12日", 1950, 7, 12));
  g_assert_true (caiji_card_text_birth_matches ("2O0l 年 1〇 月 3 日", 2001, 10, 3));
  g_assert_true (caiji_card_text_birth_matches ("1983 年工月 10 日", 1983, 1, 10));
  g_assert_false (caiji_card_text_birth_matches ("1950年了月12日", 1950, 1, 12));
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

/* The true name with its last character replaced: the closest another
 * roster entry can come. */
static char *
near_miss_name (const char *name)
{
  const char *last = g_utf8_offset_to_pointer (name, g_utf8_strlen (name, -1) - 1);
  const char *other = g_str_has_prefix (last, "明") ? "亮" : "明";

  return g_strdup_printf ("%.*s%s", (int) (last - name), name, other);
}

static void
check_front (const CardSynthSample *sample, const CaijiCardResult *result, guint *numbers_right,
             guint *names_right, guint *confirmed)
{
  const CaijiCardReading *r = result->reading;

  g_assert_cmpint (result->side, ==, CAIJI_CARD_SIDE_FRONT);
  g_assert_nonnull (result->portrait);
  if (r == NULL)
    return;
  /* Hard: an accepted number is the printed number, and birth and sex agree with it. */
  g_assert_cmpstr (r->id_number, ==, sample->truth->id_number);
  g_assert_cmpstr (r->birth, ==, sample->truth->birth);
  g_assert_cmpstr (r->sex, ==, sample->truth->sex);
  (*numbers_right)++;
  *names_right += g_strcmp0 (r->name, sample->truth->name) == 0;
  *confirmed += result->name_confirmed;
}

/* Fronts read with their own name expected: number, open name and
 * confirmation from one read; the first few again with a stranger's name
 * and a one-character near miss, which must never be confirmed. */
static void
test_fronts (void)
{
  guint numbers_right = 0, names_right = 0, confirmed = 0;

  for (guint i = 0; i < N_PER_SIDE; i++)
    {
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (SEED_READ + i, CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
      g_autoptr(GError) error = NULL;
      g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE,
                                                           sample->truth->name, &error);

      g_assert_true ((error == NULL) == (result->reading != NULL));
      check_front (sample, result, &numbers_right, &names_right, &confirmed);
      if (i < N_STRANGERS)
        {
          g_autoptr(CardSynthSample) other = card_synth_sample_new (SEED_READ + 1000 + i, CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
          g_autofree char *near = near_miss_name (sample->truth->name);
          g_autoptr(CaijiCardResult) stranger = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, near, NULL);

          /* Hard: somebody else's name is never confirmed. */
          g_assert_false (stranger->name_confirmed);
          if (g_strcmp0 (other->truth->name, sample->truth->name) != 0)
            {
              g_autoptr(CaijiCardResult) again = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT,
                                                                  other->truth->name, NULL);
              g_assert_false (again->name_confirmed);
            }
        }
    }
  g_test_message ("ID numbers read: %u/%u (%.1f %%), 0 wrong; names exact: %u/%u (%.1f %%, target %.0f %%); "
                  "expected names confirmed: %u/%u (%.1f %%)",
                  numbers_right, N_PER_SIDE, percent (numbers_right, N_PER_SIDE), names_right, N_PER_SIDE,
                  percent (names_right, N_PER_SIDE), OPEN_NAME_TARGET, confirmed, N_PER_SIDE, percent (confirmed, N_PER_SIDE));
  g_assert_cmpfloat (percent (numbers_right, N_PER_SIDE), >=, NUMBERS_TARGET);
  g_assert_cmpfloat (percent (confirmed, N_PER_SIDE), >=, CONFIRMED_TARGET);
  g_assert_cmpfloat (percent (names_right, N_PER_SIDE), >=, OPEN_NAME_TARGET);
}

/* Every open reading of this card's name gives 李刚静 for 梁刚静, so only
 * the reading forced to the expected name's characters confirms it;
 * forced to a near miss or a stranger's name it does not (eval-card seed
 * 31000354). */
static void
test_confirm_when_forced (void)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (31000354, CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
  g_autofree char *near = near_miss_name (sample->truth->name);
  g_autoptr(CaijiCardResult) own = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, sample->truth->name, NULL);
  g_autoptr(CaijiCardResult) near_miss = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, near, NULL);
  g_autoptr(CaijiCardResult) stranger = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, "王芳", NULL);

  g_assert_nonnull (own->reading);
  g_assert_true (own->name_confirmed);
  g_assert_false (near_miss->name_confirmed);
  g_assert_false (stranger->name_confirmed);
}

/* The card at @seed reads, and its sex agrees with the number. */
static void
assert_sex_agrees (guint32 seed)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed, CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
  g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, NULL, NULL);

  g_assert_cmpstr (result->problem, ==, NULL);
  g_assert_nonnull (result->reading);
  g_assert_cmpstr (result->reading->id_number, ==, sample->truth->id_number);
  g_assert_cmpstr (result->reading->sex, ==, sample->truth->sex);
}

/* No open reading of this card's sex line starts with its 女 (a stray
 * character comes first), so the number was refused as not matching the
 * card; read with only 男 and 女 allowed, it agrees (eval-card seed
 * 14142405). */
static void
test_sex_when_forced (void)
{
  assert_sex_agrees (14142405);
}

/* Every unsharpened view of this card's sex line (男) came back empty,
 * and the number was refused as not matching the card; sharpened, the
 * line reads (eval-card seed 6000474). */
static void
test_sex_when_sharpened (void)
{
  assert_sex_agrees (6000474);
}

/* Names with characters Debian's chi_sim reads as others or not at all
 * (磊 as 舌, 萱 as 营, 蒋 left out): the name model reads them
 * (eval-card seeds 41000006, 41000216, 41000120). */
static void
test_names_debian_model_misreads (void)
{
  const guint32 seeds[] = { 41000006, 41000216, 41000120 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (seeds[i], CARD_SYNTH_FRONT, CARD_SYNTH_CLEAN);
      g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_FRONT, NULL, NULL);

      g_assert_nonnull (result->reading);
      g_assert_cmpstr (result->reading->name, ==, sample->truth->name);
    }
}

static void
test_backs (void)
{
  guint backs_right = 0;

  for (guint i = 0; i < N_PER_SIDE; i++)
    {
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (SEED_READ + 100 + i, CARD_SYNTH_BACK, CARD_SYNTH_CLEAN);
      g_autoptr(GError) error = NULL;
      g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE, NULL, &error);
      const CaijiCardReading *r = result->reading;

      g_assert_true ((error == NULL) == (r != NULL));
      g_assert_cmpint (result->side, ==, CAIJI_CARD_SIDE_BACK);
      if (r == NULL)
        continue;
      g_assert_cmpstr (r->valid_from, ==, sample->truth->valid_from);
      g_assert_cmpstr (r->valid_to, ==, sample->truth->valid_to);
      backs_right += g_strcmp0 (r->authority, sample->truth->authority) == 0;
    }
  g_test_message ("backs fully right: %u/%u (%.1f %%)", backs_right, N_PER_SIDE, percent (backs_right, N_PER_SIDE));
  g_assert_cmpfloat (percent (backs_right, N_PER_SIDE), >=, BACKS_FLOOR);
}

/* Hard: a bank card, a member card, a page or an empty desk is never a side. */
static void
test_negatives (void)
{
  for (guint i = 0; i < N_NEGATIVES; i++)
    {
      CardSynthKind kind = (CardSynthKind) (CARD_SYNTH_BANK_CARD + i % (CARD_SYNTH_N_KINDS - CARD_SYNTH_BANK_CARD));
      g_autoptr(CardSynthSample) sample = card_synth_sample_new (SEED_READ + 200 + i, kind, CARD_SYNTH_CLEAN);
      g_autoptr(GError) error = NULL;
      g_autoptr(CaijiCardResult) result = caiji_card_read (ocr, sample->scene, CAIJI_CARD_SIDE_NONE, NULL, &error);

      g_assert_cmpint (result->side, ==, CAIJI_CARD_SIDE_NONE);
      g_assert_error (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_NOT_A_CARD);
      g_assert_null (result->reading);
    }
}

static void
test_quality_tips (void)
{
  static const CaijiCardQuality expected[CARD_SYNTH_N_LOOKS] = {
    CAIJI_CARD_QUALITY_OK, CAIJI_CARD_QUALITY_BLURRY, CAIJI_CARD_QUALITY_GLARE, CAIJI_CARD_QUALITY_BORDER_MISSING,
  };

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
      g_assert_cmpfloat (percent (tipped, N_PER_LOOK), >=, TIP_TARGET);
    }
}

/* Mean distance of the found corners from the true ones, whichever
 * corner the finder called the first. */
static double
corner_error (const CaijiCardView     *view,
              const CardSynthSample   *sample)
{
  double best = G_MAXDOUBLE;

  for (int shift = 0; shift < 4; shift++)
    {
      double sum = 0;

      for (int k = 0; k < 4; k++)
        sum += hypot (view->corners[2 * k] - sample->corners[2 * ((k + shift) % 4)],
                      view->corners[2 * k + 1] - sample->corners[2 * ((k + shift) % 4) + 1]) / 4;
      best = MIN (best, sum);
    }
  return best;
}

/* The clean card @kind at @seed is found, its corners within 8 px. */
static void
assert_found (guint32 seed, CardSynthKind kind)
{
  g_autoptr(CardSynthSample) sample = card_synth_sample_new (seed, kind, CARD_SYNTH_CLEAN);
  g_autoptr(CaijiCardView) view = caiji_card_view_find (sample->scene);

  g_assert_true (view->found);
  g_test_message ("seed %u: corner error %.1f px", seed, corner_error (view, sample));
  g_assert_cmpfloat (corner_error (view, sample), <, 8);
}

/* A line on the desk running beside one edge, past the card's corner,
 * made a larger quadrilateral than the card that also lay on edges all
 * round; it won, and the card was read as no card (eval-card seeds 5163
 * and 7106). */
static void
test_line_beside_edge (void)
{
  assert_found (5163, CARD_SYNTH_FRONT);
  assert_found (7106, CARD_SYNTH_FRONT);
}

/* A plain rectangle on the desk with about the card's proportions lay on
 * edges all round and won the first pass; the print check then refused
 * it, and the card itself, found only in a later pass, was never looked
 * at: "no card outline" for a clean card (eval-card seed 6000121). */
static void
test_plain_patch_beside_card (void)
{
  assert_found (6000121, CARD_SYNTH_BACK);
}

/* The card's right edge lies over a pale circle of nearly its own colour
 * (25 apart in BGR, 3 in grey): Canny found nothing along it, and the
 * card was not found (eval-card seed 6000217). */
static void
test_faint_side (void)
{
  assert_found (6000217, CARD_SYNTH_BACK);
}

/* A card tilted back so far that it shows as 1.98:1 instead of 1.585:1
 * fell outside the aspect tolerance and was not found (eval-card seed
 * 16180490). */
static void
test_strong_perspective (void)
{
  assert_found (16180490, CARD_SYNTH_BACK);
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
      double best;

      if (!view->found)
        continue;
      found++;
      best = corner_error (view, sample);
      /* Any found card is the card: never a wrong shape. */
      g_assert_cmpfloat (best, <, 20);
      error_sum += best;
    }
  g_test_message ("cards found: %u/%u, mean corner error %.1f px in 1280x960",
                  found, N_PER_LOOK, found ? error_sum / found : 0);
  g_assert_cmpfloat (percent (found, N_PER_LOOK), >=, FOUND_TARGET);
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
  g_test_add_func ("/card/find/line-beside-edge", test_line_beside_edge);
  g_test_add_func ("/card/find/strong-perspective", test_strong_perspective);
  g_test_add_func ("/card/find/plain-patch-beside-card", test_plain_patch_beside_card);
  g_test_add_func ("/card/find/faint-side", test_faint_side);
  g_test_add_func ("/card/find/quality-tips", test_quality_tips);
  g_test_add_func ("/card/read/no-card", test_refused_without_a_card);
  g_test_add_func ("/card/read/wrong-side", test_wrong_side_refused);
  g_test_add_func ("/card/read/upside-down", test_upside_down);
  g_test_add_func ("/card/read/fronts", test_fronts);
  g_test_add_func ("/card/read/confirm-when-forced", test_confirm_when_forced);
  g_test_add_func ("/card/read/sex-when-sharpened", test_sex_when_sharpened);
  g_test_add_func ("/card/read/names-debian-model-misreads", test_names_debian_model_misreads);
  g_test_add_func ("/card/read/sex-when-forced", test_sex_when_forced);
  g_test_add_func ("/card/read/backs", test_backs);
  g_test_add_func ("/card/read/negatives", test_negatives);
  status = g_test_run ();
  caiji_card_ocr_free (ocr);
  return status;
}
