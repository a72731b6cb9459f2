/* caiji-card-read.cpp: which side a rectified card shows, and its fields
 *
 * The side is decided by OCR of fixed layout boxes: the back's printed
 * title, the front's 公民身份号码 label, each tried upright and then upside
 * down.  A number is accepted only when it passes GB 11643 and the birth
 * date and sex printed on the card say the same; anything else is
 * "unreadable, please retake", never a guess.
 */
#include "caiji-config.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "caiji-card-private.h"
#include "caiji-card-text.h"
#include "caiji-id-number.h"
#include "caiji-image-private.h"
#include "caiji-texts.h"

#define ID_CHARS "0123456789X"

namespace {

/* CARD_SHARPEN_SIGMA in caiji-card-tuning.h says why. */
cv::Mat
sharpened (const cv::Mat &grey)
{
  cv::Mat blurred, out;

  cv::GaussianBlur (grey, blurred, cv::Size (0, 0), CARD_SHARPEN_SIGMA);
  cv::addWeighted (grey, 1 + CARD_SHARPEN_AMOUNT, blurred, -CARD_SHARPEN_AMOUNT, 0, out);
  return out;
}

cv::Mat
scaled (const cv::Mat &grey, double k)
{
  cv::Mat out;

  cv::resize (grey, out, cv::Size (), k, k, k < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  return out;
}

gboolean
front_label_found (CaijiCardOcr *ocr, const cv::Mat &card)
{
  cv::Mat grey = caiji_card_crop_grey (card, card_box_front_label);

  for (const cv::Mat &view : { grey, sharpened (grey) })
    {
      std::string text = caiji_card_ocr_text (ocr, CARD_OCR_CHINESE, view, CARD_PSM_LINE, NULL);

      if (caiji_card_text_overlap (text.c_str (), "公民身份号码") >= CARD_FRONT_LABEL_MIN_OVERLAP)
        return TRUE;
    }
  return FALSE;
}

gboolean
back_title_found (CaijiCardOcr *ocr, const cv::Mat &card)
{
  std::string text = caiji_card_ocr_text (ocr, CARD_OCR_CHINESE, caiji_card_crop_grey (card, card_box_back_title),
                                          CARD_PSM_BLOCK, NULL);

  return caiji_card_text_overlap (text.c_str (), "居民身份证") >= CARD_BACK_TITLE_MIN_OVERLAP ||
         caiji_card_text_overlap (text.c_str (), "中华人民共和国") >= CARD_BACK_COUNTRY_MIN_OVERLAP;
}

CaijiCardSide
classify_upright (CaijiCardOcr *ocr, const cv::Mat &card)
{
  if (front_label_found (ocr, card))
    return CAIJI_CARD_SIDE_FRONT;
  if (back_title_found (ocr, card))
    return CAIJI_CARD_SIDE_BACK;
  return CAIJI_CARD_SIDE_NONE;
}

/* The same crop as Tesseract may like it better: larger, smaller,
 * binarised, sharpened, sharpened and smaller. */
std::vector<cv::Mat>
variants (const cv::Mat &grey, std::initializer_list<int> heights)
{
  std::vector<cv::Mat> out = { grey };
  cv::Mat otsu;

  for (int height : heights)
    out.push_back (scaled (grey, (double) height / grey.rows));
  cv::threshold (grey, otsu, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  out.push_back (otsu);
  out.push_back (sharpened (grey));
  out.push_back (sharpened (scaled (grey, 0.7)));
  return out;
}

GDate *
today (void)
{
  GDate *date = g_date_new ();

  g_date_set_time_t (date, time (NULL));
  return date;
}

/* The checksum-driven retry: the first variant whose reading is a valid
 * GB 11643 number wins.  A random misreading passes the check digit about
 * one time in eleven, which is why the caller cross-checks birth and sex. */
gboolean
read_number (CaijiCardOcr *ocr, const cv::Mat &card, CaijiIdInfo *info)
{
  g_autoptr(GDate) now = today ();
  cv::Mat grey = caiji_card_crop_grey (card, card_box_number);

  for (const cv::Mat &variant : variants (grey, { 40, 48, 64, 80 }))
    {
      std::string text = caiji_card_ocr_text (ocr, CARD_OCR_LATIN, variant, CARD_PSM_LINE, ID_CHARS);
      g_autofree char *chars = caiji_card_text_keep_id_chars (text.c_str ());

      if (strlen (chars) == CAIJI_ID_NUMBER_LENGTH && caiji_id_number_parse (chars, now, info, NULL))
        return TRUE;
    }
  return FALSE;
}

gboolean
birth_agrees (CaijiCardOcr *ocr, const cv::Mat &card, const CaijiIdInfo *info)
{
  for (const cv::Mat &variant : variants (caiji_card_crop_grey (card, card_box_birth), { 36, 78 }))
    {
      std::string text = caiji_card_ocr_text (ocr, CARD_OCR_CHINESE, variant, CARD_PSM_LINE, NULL);

      if (caiji_card_text_birth_matches (text.c_str (), info->birth_year, info->birth_month, info->birth_day))
        return TRUE;
    }
  return FALSE;
}

/* What the card prints, whatever the UI language. */
const char *
printed_sex (CaijiSex sex)
{
  return sex == CAIJI_SEX_MALE ? "男" : sex == CAIJI_SEX_FEMALE ? "女" : "";
}

/* The nation after the 民族 label, from a reading of the sex line. */
char *
nation_of (const char *hanzi)
{
  const char *label_end = strstr (hanzi, "族");

  label_end = label_end != NULL ? g_utf8_next_char (label_end) : g_utf8_offset_to_pointer (hanzi, MIN (3, g_utf8_strlen (hanzi, -1)));
  return g_strdup (caiji_card_text_nation (label_end));
}

/* The sex line read with only 男 and 女 allowed: the first character
 * must then be the sex the number encodes, confidently.  A misread
 * number whose sex digit flipped still fails: 男 and 女 look nothing
 * alike, so the printed one wins. */
gboolean
sex_read_when_forced (CaijiCardOcr *ocr, const cv::Mat &card, const char *sex)
{
  std::vector<CardOcrSymbol> symbols =
    caiji_card_ocr_symbols (ocr, CARD_OCR_CHINESE, caiji_card_crop_grey (card, card_box_sex_nation), CARD_PSM_LINE, "男女");

  g_debug ("Sex forced to 男 or 女: %s, confidence %.1f", symbols.empty () ? "nothing" : symbols[0].text.c_str (),
           symbols.empty () ? 0.0 : symbols[0].confidence);
  return !symbols.empty () && symbols[0].text == sex && symbols[0].confidence >= CARD_FORCED_MIN_CONFIDENCE;
}

/* "女 民族 汉": the sex must be the one the number encodes; the nation is
 * whatever follows the 民族 label. */
gboolean
sex_agrees (CaijiCardOcr *ocr, const cv::Mat &card, const CaijiIdInfo *info, char **nation)
{
  const char *sex = printed_sex (info->sex);
  g_autofree char *last = NULL;

  if (*sex == '\0')
    return FALSE;
  for (const cv::Mat &variant : variants (caiji_card_crop_grey (card, card_box_sex_nation), {}))
    {
      std::string text = caiji_card_ocr_text (ocr, CARD_OCR_CHINESE, variant, CARD_PSM_LINE, NULL);

      g_free (last);
      last = caiji_card_text_keep_hanzi (text.c_str ());
      if (g_str_has_prefix (last, sex))
        {
          *nation = nation_of (last);
          return TRUE;
        }
    }
  if (!sex_read_when_forced (ocr, card, sex))
    return FALSE;
  *nation = last != NULL ? nation_of (last) : NULL;
  return TRUE;
}

/* The name model spaces every character ("冯 英 磊"), so the name is
 * the line's text with the spaces left out.  A view with the 姓名 label
 * loses the first two characters, the label, when one of them reads as
 * the label's; otherwise the label misread would pass for a surname. */
char *
clean_name (const char *text,
            gboolean    labelled)
{
  g_autofree char *name = caiji_card_text_name (text);
  const char *second;

  if (!labelled || name == NULL)
    return g_steal_pointer (&name);
  second = g_utf8_next_char (name);
  if (!g_str_has_prefix (name, "姓") && !g_str_has_prefix (second, "名"))
    return NULL;
  return caiji_card_text_name (g_utf8_next_char (second));
}

/* An open reading of a Chinese field: the first variant that cleans up
 * to something, since there is no check digit to pick between them. */
char *
read_chinese (CaijiCardOcr *ocr, const cv::Mat &card, const CaijiCardBox &box, int psm,
              char *(*clean) (const char *))
{
  for (const cv::Mat &variant : variants (caiji_card_crop_grey (card, box), {}))
    {
      std::string text = caiji_card_ocr_text (ocr, CARD_OCR_CHINESE, variant, psm, NULL);
      char *value = clean (text.c_str ());

      if (value != NULL && *value != '\0')
        return value;
      g_free (value);
    }
  return NULL;
}

char *
clean_address (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* One try's reading of the name, and how sure Tesseract was of it. */
struct NameRead {
  std::string name;
  int         confidence;
};

/* No check digit tells a right name from a wrong one, so several views
 * of the name vote.  The rectified card is enlarged and soft: the value
 * alone, sharpened (CARD_SHARPEN_SIGMA) and shrunk to 0.5-0.7, reads best;
 * the line with its 姓名 label gives the recogniser context where the
 * value alone comes back empty; the binarised view disagrees with the
 * others in different places.  The views were chosen with Debian's
 * chi_sim on 400 synthetic fronts (seeds 8000000, 9000000) and checked
 * on 199 others (9500000); read by the name model they give the exact
 * name on 390 of 400 other fronts (eval-card seeds 27700000, 31000000,
 * 41000000, 52000000).  Views chosen again for that model did no better
 * on fronts they were not chosen on (191-195 of 200 against 194-196). */
std::vector<NameRead>
read_name_tries (CaijiCardOcr *ocr, const cv::Mat &card)
{
  const struct { const CaijiCardBox *box; double scale; gboolean sharpen, binarise; } tries[] = {
    { &card_box_name_value, 0.5, TRUE, FALSE }, { &card_box_name_value, 0.6, TRUE, FALSE },
    { &card_box_name_value, 0.7, TRUE, FALSE }, { &card_box_name, 1.0, FALSE, FALSE },
    { &card_box_name_value, 1.0, TRUE, FALSE }, { &card_box_name_value, 1.0, FALSE, TRUE },
  };
  std::vector<NameRead> reads;

  for (const auto &attempt : tries)
    {
      cv::Mat grey = caiji_card_crop_grey (card, *attempt.box);
      int confidence = 0;
      std::string text;
      g_autofree char *name = NULL;

      grey = scaled (grey, attempt.scale);
      if (attempt.sharpen)
        grey = sharpened (grey);
      if (attempt.binarise)
        cv::threshold (grey, grey, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
      text = caiji_card_ocr_text_confidence (ocr, CARD_OCR_NAME, grey, CARD_PSM_LINE, &confidence);
      name = clean_name (text.c_str (), attempt.box == &card_box_name);
      if (name != NULL)
        reads.push_back ({ name, confidence });
    }
  return reads;
}

/* The name the tries agree on: the one with the most confidence summed
 * over the tries that read it, so two tries that agree outweigh one. */
char *
vote_name (const std::vector<NameRead> &reads)
{
  const std::string *best = NULL;
  int best_score = -1;

  for (const NameRead &candidate : reads)
    {
      int score = 0;

      for (const NameRead &other : reads)
        if (other.name == candidate.name)
          score += MAX (other.confidence, 1);
      if (score > best_score)
        best = &candidate.name, best_score = score;
    }
  return best != NULL ? g_strdup (best->c_str ()) : NULL;
}

/* A try that read exactly the expected name confirms it: a misreading
 * that lands on one particular other name is rare, and the near-miss
 * figure of eval-card watches it.  Tesseract's alternative characters
 * were tried as well and dropped: an unrelated character sits among the
 * alternatives often enough that one-character near misses were
 * confirmed (于婷 on a card showing 于强), even when only the second
 * choice at one position was allowed. */
gboolean
name_read_by_a_try (const std::vector<NameRead> &reads, const char *expected)
{
  for (const NameRead &read : reads)
    if (read.name == expected)
      return TRUE;
  return FALSE;
}

/* The views of the name value a forced reading looks at, best first: at
 * 0.7, then sharpened at 0.5 (which alone forced 赵杰萱 where the first
 * dropped 萱, seed 6000528). */
const struct { double scale; gboolean sharpen; } forced_views[] = { { 0.7, FALSE }, { 0.5, TRUE } };

cv::Mat
forced_view (const cv::Mat &card, guint n)
{
  cv::Mat view = scaled (caiji_card_crop_grey (card, card_box_name_value), forced_views[n].scale);

  return forced_views[n].sharpen ? sharpened (view) : view;
}

/* The view read with only @expected's characters allowed gives exactly
 * @expected, its weakest character at CARD_FORCED_MIN_CONFIDENCE or more.
 * Tesseract then places an allowed character where it sees one and
 * leaves out what it cannot place, and its confidence in a character
 * that is not printed there stays low. */
gboolean
forced_reading_is (CaijiCardOcr *ocr, const cv::Mat &view, const char *expected)
{
  std::string text;
  float weakest = 100;

  for (const CardOcrSymbol &symbol : caiji_card_ocr_symbols (ocr, CARD_OCR_CHINESE, view, CARD_PSM_LINE, expected))
    {
      text += symbol.text;
      weakest = std::min (weakest, symbol.confidence);
    }
  g_debug ("Name forced to the characters of %s: %s, weakest %.1f", expected, text.c_str (), weakest);
  return text == expected && weakest >= CARD_FORCED_MIN_CONFIDENCE;
}

/* The expected name read when forced to its own characters, in one of
 * the views.  Debian's chi_sim reads it here: CARD_FORCED_MIN_CONFIDENCE
 * was measured on it, and it sees differently from the name model:
 * forced, it confirms 梁刚静 where every open reading gave 李刚静
 * (eval-card seed 31000354), which the name model forced does not. */
gboolean
name_read_when_forced (CaijiCardOcr *ocr, const cv::Mat &card, const char *expected)
{
  for (guint n = 0; n < G_N_ELEMENTS (forced_views); n++)
    if (forced_reading_is (ocr, forced_view (card, n), expected))
      return TRUE;
  return FALSE;
}

const char *
read_front (CaijiCardOcr *ocr, const cv::Mat &card, const char *expected_name, CaijiCardResult *result)
{
  g_autoptr(CaijiCardReading) reading = caiji_card_reading_new (CAIJI_CARD_SIDE_FRONT);
  CaijiIdInfo info;

  result->portrait = caiji_image_wrap (card (cv::Rect (card_box_portrait.x, card_box_portrait.y,
                                                       card_box_portrait.width, card_box_portrait.height)).clone ());
  if (!read_number (ocr, card, &info))
    return "the ID number did not read as a valid number";
  if (!birth_agrees (ocr, card, &info))
    return "the birth date on the card does not match the ID number";
  if (!sex_agrees (ocr, card, &info, &reading->nation))
    return "the sex on the card does not match the ID number";
  reading->id_number = g_strdup (info.normalized);
  reading->birth = g_strdup_printf ("%04d-%02d-%02d", info.birth_year, info.birth_month, info.birth_day);
  reading->sex = g_strdup (printed_sex (info.sex));
  std::vector<NameRead> name_reads = read_name_tries (ocr, card);
  reading->name = vote_name (name_reads);
  reading->address = read_chinese (ocr, card, card_box_address, CARD_PSM_BLOCK, clean_address);
  if (expected_name != NULL)
    result->name_confirmed = name_read_by_a_try (name_reads, expected_name) ||
                             name_read_when_forced (ocr, card, expected_name);
  if (reading->name == NULL)
    return "the name did not read";
  result->reading = (CaijiCardReading *) g_steal_pointer (&reading);
  return NULL;
}

char *
clean_authority (const char *text)
{
  char *hanzi = caiji_card_text_keep_hanzi (text);

  /* Every issuing authority is a public security bureau or branch. */
  if (g_utf8_strlen (hanzi, -1) < 4 || !g_str_has_suffix (hanzi, "局"))
    g_clear_pointer (&hanzi, g_free);
  return hanzi;
}

const char *
read_back (CaijiCardOcr *ocr, const cv::Mat &card, CaijiCardResult *result)
{
  g_autoptr(CaijiCardReading) reading = caiji_card_reading_new (CAIJI_CARD_SIDE_BACK);
  gboolean valid = FALSE;

  for (const cv::Mat &variant : variants (caiji_card_crop_grey (card, card_box_validity), { 78 }))
    {
      std::string text = caiji_card_ocr_text (ocr, CARD_OCR_CHINESE, variant, CARD_PSM_LINE, NULL);

      if ((valid = caiji_card_text_validity (text.c_str (), &reading->valid_from, &reading->valid_to)))
        break;
    }
  if (!valid)
    return "the validity period did not read as two consistent dates";
  reading->authority = read_chinese (ocr, card, card_box_authority, CARD_PSM_LINE, clean_authority);
  if (reading->authority == NULL)
    return "the issuing authority did not read";
  result->reading = (CaijiCardReading *) g_steal_pointer (&reading);
  return NULL;
}

double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

void
refuse (GError **error, CaijiCardError code, CaijiCardSide wanted)
{
  CaijiText prompt = wanted == CAIJI_CARD_SIDE_BACK ? CAIJI_TEXT_BACK_REFUSED : CAIJI_TEXT_FRONT_REFUSED;

  g_set_error_literal (error, CAIJI_CARD_ERROR, code, caiji_text (prompt));
}

} /* namespace */

CaijiCardSide
caiji_card_classify (CaijiCardOcr *ocr,
                     CaijiImage   *card)
{
  CaijiCardSide side = classify_upright (ocr, card->bgr);

  if (side != CAIJI_CARD_SIDE_NONE)
    return side;
  /* The rectifier cannot tell top from bottom; the print can. */
  cv::rotate (card->bgr, card->bgr, cv::ROTATE_180);
  side = classify_upright (ocr, card->bgr);
  if (side == CAIJI_CARD_SIDE_NONE)
    cv::rotate (card->bgr, card->bgr, cv::ROTATE_180);
  return side;
}

CaijiCardResult *
caiji_card_read (CaijiCardOcr     *ocr,
                 const CaijiImage *frame,
                 CaijiCardSide     wanted,
                 const char       *expected_name,
                 GError          **error)
{
  CaijiCardResult *result = g_new0 (CaijiCardResult, 1);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(CaijiCardView) view = caiji_card_view_find (frame);

  result->quality = view->quality;
  result->find_ms = ms_since (start);
  if (!view->found)
    {
      result->problem = "no card outline in the picture";
      refuse (error, CAIJI_CARD_ERROR_NOT_A_CARD, wanted);
      return result;
    }
  start = g_get_monotonic_time ();
  result->side = caiji_card_classify (ocr, view->card);
  result->classify_ms = ms_since (start);
  if (result->side == CAIJI_CARD_SIDE_NONE)
    {
      result->problem = "the card is not a resident ID card";
      refuse (error, CAIJI_CARD_ERROR_NOT_A_CARD, wanted);
      return result;
    }
  if (wanted != CAIJI_CARD_SIDE_NONE && result->side != wanted)
    {
      result->problem = "the other side of the card";
      refuse (error, CAIJI_CARD_ERROR_WRONG_SIDE, wanted);
      return result;
    }
  start = g_get_monotonic_time ();
  result->problem = result->side == CAIJI_CARD_SIDE_FRONT ? read_front (ocr, view->card->bgr, expected_name, result)
                                                          : read_back (ocr, view->card->bgr, result);
  result->read_ms = ms_since (start);
  if (result->problem != NULL)
    g_set_error_literal (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_UNREADABLE, caiji_text (CAIJI_TEXT_CARD_UNREADABLE));
  return result;
}

void
caiji_card_result_free (CaijiCardResult *result)
{
  if (result == NULL)
    return;
  caiji_card_reading_free (result->reading);
  caiji_image_free (result->portrait);
  g_free (result);
}

const char *
caiji_card_quality_to_string (CaijiCardQuality quality)
{
  switch (quality)
    {
    case CAIJI_CARD_QUALITY_OK: return "ok";
    case CAIJI_CARD_QUALITY_BORDER_MISSING: return "border_missing";
    case CAIJI_CARD_QUALITY_BLURRY: return "blurry";
    case CAIJI_CARD_QUALITY_GLARE: return "glare";
    default: return "unknown";
    }
}

const char *
caiji_card_side_to_string (CaijiCardSide side)
{
  switch (side)
    {
    case CAIJI_CARD_SIDE_FRONT: return "front";
    case CAIJI_CARD_SIDE_BACK: return "back";
    case CAIJI_CARD_SIDE_NONE:
    default: return "none";
    }
}
