/* card-synth.cpp: draw synthetic cards and place them in camera-like scenes
 *
 * The card face follows the resident ID card's printed layout at 10 px/mm
 * (856×540): blue labels, black values in a CJK sans, the number in OCR-B.
 * The camera then rotates, tilts, shades, blurs and adds noise.
 */
#include "card-synth.h"

#include <cmath>
#include <string>
#include <vector>

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include "caiji-image-private.h"
#include "card-synth-identity.h"

#define CARD_W 856
#define CARD_H 540
#define SCENE_W 1280
#define SCENE_H 960

#define CJK_FONT "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
#define CJK_BOLD_FONT "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
#define CJK_SC_INDEX 2   /* Noto Sans CJK SC inside the collection */
#define OCRB_FONT "/usr/share/fonts/opentype/ocr-b/OCRB.otf"

namespace {

struct Fonts {
  cv::Ptr<cv::freetype::FreeType2> cjk, bold, ocrb;
};

/* Loading a CJK collection takes a while; the tests draw hundreds of cards. */
Fonts &
fonts ()
{
  static Fonts loaded = [] {
    Fonts f;
    f.cjk = cv::freetype::createFreeType2 ();
    f.cjk->loadFontData (CJK_FONT, CJK_SC_INDEX);
    f.bold = cv::freetype::createFreeType2 ();
    f.bold->loadFontData (CJK_BOLD_FONT, CJK_SC_INDEX);
    f.ocrb = cv::freetype::createFreeType2 ();
    f.ocrb->loadFontData (OCRB_FONT, 0);
    return f;
  } ();
  return loaded;
}

const cv::Scalar ink (20, 20, 20);
const cv::Scalar label_blue (170, 110, 20);

double
uniform (GRand *rand, double lo, double hi)
{
  return g_rand_double_range (rand, lo, hi);
}

/* Draws UTF-8 text with its baseline at (x, y), with extra space between
 * characters as the card prints its labels and title. */
int
draw_text (cv::Mat &img, cv::freetype::FreeType2 &font, const std::string &text,
           int x, int y, int height, const cv::Scalar &colour, int spacing = 0)
{
  int baseline = 0;

  if (spacing == 0)
    {
      font.putText (img, text, cv::Point (x, y), height, colour, -1, cv::LINE_AA, true);
      return x + font.getTextSize (text, height, -1, &baseline).width;
    }
  for (const char *p = text.c_str (); *p != '\0'; p = g_utf8_next_char (p))
    {
      std::string one (p, g_utf8_next_char (p) - p);

      font.putText (img, one, cv::Point (x, y), height, colour, -1, cv::LINE_AA, true);
      x += font.getTextSize (one, height, -1, &baseline).width + spacing;
    }
  return x;
}

/* A faint guilloche-like pattern, as the real card has under its print. */
cv::Mat
card_background (GRand *rand, const cv::Scalar &base, const cv::Scalar &tint)
{
  cv::Mat card (CARD_H, CARD_W, CV_8UC3, base);
  double phase = uniform (rand, 0, 6.28);

  for (int i = 0; i < 14; i++)
    {
      std::vector<cv::Point> wave;

      for (int x = 0; x <= CARD_W; x += 8)
        wave.emplace_back (x, (int) (i * 40 + 12 * std::sin (x / 45.0 + phase + i)));
      cv::polylines (card, wave, false, tint, 1, cv::LINE_AA);
    }
  return card;
}

void
draw_portrait (cv::Mat &card, GRand *rand)
{
  cv::Rect box (580, 70, 220, 280);
  cv::Scalar skin (uniform (rand, 150, 190), uniform (rand, 170, 200), uniform (rand, 200, 230));
  cv::Point centre (box.x + box.width / 2, box.y + 120);

  cv::rectangle (card, box, cv::Scalar (235, 225, 215), cv::FILLED);
  cv::ellipse (card, cv::Point (centre.x, box.y + box.height), cv::Size (100, 70), 0, 180, 360,
               cv::Scalar (60, 50, 40), cv::FILLED);
  cv::ellipse (card, centre, cv::Size (58, 76), 0, 0, 360, skin, cv::FILLED);
  cv::ellipse (card, cv::Point (centre.x, centre.y - 40), cv::Size (62, 45), 0, 180, 360,
               cv::Scalar (30, 30, 30), cv::FILLED);
  cv::circle (card, cv::Point (centre.x - 22, centre.y - 5), 6, cv::Scalar (40, 40, 40), cv::FILLED);
  cv::circle (card, cv::Point (centre.x + 22, centre.y - 5), 6, cv::Scalar (40, 40, 40), cv::FILLED);
  cv::ellipse (card, cv::Point (centre.x, centre.y + 35), cv::Size (18, 6), 0, 0, 180,
               cv::Scalar (80, 80, 160), 3, cv::LINE_AA);
}

std::vector<std::string>
wrap_utf8 (const char *text, guint per_line)
{
  std::vector<std::string> lines;
  std::string line;
  guint count = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      line.append (p, g_utf8_next_char (p) - p);
      if (++count == per_line)
        {
          lines.push_back (line);
          line.clear ();
          count = 0;
        }
    }
  if (!line.empty ())
    lines.push_back (line);
  return lines;
}

cv::Mat
draw_front (GRand *rand, const CaijiCardReading *truth)
{
  Fonts &f = fonts ();
  cv::Mat card = card_background (rand, cv::Scalar (232, 236, 238), cv::Scalar (222, 228, 226));
  int year, month, day, x;

  sscanf (truth->birth, "%d-%d-%d", &year, &month, &day);
  draw_text (card, *f.cjk, "姓名", 60, 110, 26, label_blue, 10);
  draw_text (card, *f.bold, truth->name, 150, 112, 34, ink);
  draw_text (card, *f.cjk, "性别", 60, 180, 26, label_blue, 10);
  draw_text (card, *f.cjk, truth->sex, 150, 181, 30, ink);
  draw_text (card, *f.cjk, "民族", 270, 180, 26, label_blue, 10);
  draw_text (card, *f.cjk, truth->nation, 360, 181, 30, ink);
  draw_text (card, *f.cjk, "出生", 60, 245, 26, label_blue, 10);
  x = draw_text (card, *f.cjk, std::to_string (year), 150, 246, 30, ink) + 14;
  x = draw_text (card, *f.cjk, "年", x, 245, 26, label_blue) + 14;
  x = draw_text (card, *f.cjk, std::to_string (month), x, 246, 30, ink) + 14;
  x = draw_text (card, *f.cjk, "月", x, 245, 26, label_blue) + 14;
  x = draw_text (card, *f.cjk, std::to_string (day), x, 246, 30, ink) + 14;
  draw_text (card, *f.cjk, "日", x, 245, 26, label_blue);
  draw_text (card, *f.cjk, "住址", 60, 310, 26, label_blue, 10);
  int y = 311;
  for (const std::string &line : wrap_utf8 (truth->address, 12))
    {
      draw_text (card, *f.cjk, line, 150, y, 30, ink);
      y += 40;
    }
  draw_text (card, *f.cjk, "公民身份号码", 60, 480, 26, label_blue, 6);
  draw_text (card, *f.ocrb, truth->id_number, 290, 482, 36, ink, 6);
  draw_portrait (card, rand);
  return card;
}

void
draw_emblem (cv::Mat &card)
{
  cv::Point centre (130, 135);

  cv::circle (card, centre, 78, cv::Scalar (40, 40, 200), cv::FILLED, cv::LINE_AA);
  cv::circle (card, centre, 60, cv::Scalar (60, 200, 230), 6, cv::LINE_AA);
  for (int i = 0; i < 5; i++)
    {
      double a = -CV_PI / 2 + i * 2 * CV_PI / 5;
      cv::circle (card, centre + cv::Point ((int) (32 * std::cos (a)), (int) (32 * std::sin (a))),
                  i == 0 ? 14 : 8, cv::Scalar (60, 200, 230), cv::FILLED, cv::LINE_AA);
    }
}

std::string
dotted_date (const char *iso)
{
  std::string s (iso);

  for (char &c : s)
    if (c == '-')
      c = '.';
  return s;
}

cv::Mat
draw_back (GRand *rand, const CaijiCardReading *truth)
{
  Fonts &f = fonts ();
  cv::Mat card = card_background (rand, cv::Scalar (225, 235, 240), cv::Scalar (210, 226, 236));
  std::string validity = dotted_date (truth->valid_from) + "-" +
                         (g_strcmp0 (truth->valid_to, "长期") == 0 ? std::string ("长期") : dotted_date (truth->valid_to));

  draw_emblem (card);
  draw_text (card, *f.bold, "中华人民共和国", 270, 125, 46, ink, 18);
  draw_text (card, *f.bold, "居民身份证", 270, 225, 66, ink, 30);
  draw_text (card, *f.cjk, "签发机关", 170, 410, 26, ink, 8);
  draw_text (card, *f.cjk, truth->authority, 320, 411, 30, ink);
  draw_text (card, *f.cjk, "有效期限", 170, 475, 26, ink, 8);
  draw_text (card, *f.cjk, validity, 320, 476, 30, ink);
  return card;
}

std::string
random_digits (GRand *rand, int groups, int per_group)
{
  std::string s;

  for (int g = 0; g < groups; g++)
    {
      for (int i = 0; i < per_group; i++)
        s += (char) ('0' + g_rand_int_range (rand, 0, 10));
      if (g + 1 < groups)
        s += ' ';
    }
  return s;
}

/* A card of the same ID-1 shape with the kind of print a bank card has:
 * saturated colours, a chip, embossed digits, Chinese bank names. */
cv::Mat
draw_bank_card (GRand *rand)
{
  static const char *const banks[] = { "中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "招商银行" };
  Fonts &f = fonts ();
  cv::Scalar top (uniform (rand, 60, 200), uniform (rand, 30, 120), uniform (rand, 20, 200));
  cv::Mat card (CARD_H, CARD_W, CV_8UC3);

  for (int y = 0; y < CARD_H; y++)
    card.row (y).setTo (top * (0.6 + 0.6 * y / CARD_H));
  draw_text (card, *f.bold, banks[g_rand_int_range (rand, 0, G_N_ELEMENTS (banks))], 60, 100, 48,
             cv::Scalar (240, 240, 240));
  cv::rectangle (card, cv::Rect (90, 180, 110, 85), cv::Scalar (90, 190, 220), cv::FILLED);
  draw_text (card, *f.ocrb, random_digits (rand, 4, 4), 80, 380, 52, cv::Scalar (235, 235, 235), 4);
  draw_text (card, *f.ocrb, "ZHANG SAN", 80, 460, 32, cv::Scalar (235, 235, 235));
  draw_text (card, *f.bold, "银联", 680, 470, 40, cv::Scalar (255, 255, 255));
  return card;
}

cv::Mat
draw_member_card (GRand *rand)
{
  Fonts &f = fonts ();
  cv::Mat card = card_background (rand, cv::Scalar (240, 240, 245), cv::Scalar (220, 220, 240));
  g_autofree char *shop = card_synth_random_hanzi (rand, 4);

  cv::rectangle (card, cv::Rect (0, 0, CARD_W, 150), cv::Scalar (60, 60, 180), cv::FILLED);
  draw_text (card, *f.bold, std::string (shop) + "会员卡", 60, 100, 50, cv::Scalar (255, 255, 255));
  draw_text (card, *f.cjk, "姓名", 60, 250, 28, ink, 10);
  draw_text (card, *f.cjk, "卡号", 60, 330, 28, ink, 10);
  draw_text (card, *f.ocrb, random_digits (rand, 3, 6), 170, 332, 36, ink, 4);
  draw_text (card, *f.cjk, "本卡仅限本人使用 号码", 60, 470, 26, ink);
  return card;
}

/* An A4-proportioned printed page: lines of Chinese text. */
cv::Mat
draw_paper (GRand *rand)
{
  Fonts &f = fonts ();
  cv::Mat page (1131, 800, CV_8UC3, cv::Scalar (245, 245, 245));

  for (int y = 90; y < 1080; y += 48)
    {
      g_autofree char *line = card_synth_random_hanzi (rand, 22);

      draw_text (page, *f.cjk, line, 60, y, 30, ink);
    }
  return page;
}

cv::Mat
cluttered_scene (GRand *rand)
{
  cv::Mat scene (SCENE_H, SCENE_W, CV_8UC3);
  cv::Scalar base (uniform (rand, 40, 160), uniform (rand, 40, 160), uniform (rand, 40, 160));

  for (int y = 0; y < SCENE_H; y++)
    scene.row (y).setTo (base * (0.8 + 0.4 * y / SCENE_H));
  for (int i = 0; i < 25; i++)
    {
      cv::Scalar colour (uniform (rand, 0, 255), uniform (rand, 0, 255), uniform (rand, 0, 255));
      cv::Point a (g_rand_int_range (rand, 0, SCENE_W), g_rand_int_range (rand, 0, SCENE_H));
      cv::Point b (g_rand_int_range (rand, 0, SCENE_W), g_rand_int_range (rand, 0, SCENE_H));

      if (i % 3 == 0)
        cv::line (scene, a, b, colour, g_rand_int_range (rand, 1, 6), cv::LINE_AA);
      else if (i % 3 == 1)
        cv::circle (scene, a, g_rand_int_range (rand, 10, 120), colour, cv::FILLED, cv::LINE_AA);
      else
        cv::rectangle (scene, a, a + (b - a) / 4, colour, cv::FILLED);
    }
  return scene;
}

/* Where the card lands: size 25-90 % of the frame width, rotated by up to
 * ±30°, each corner pushed by up to 6 % of the width for perspective. */
std::vector<cv::Point2f>
place_card (GRand *rand, const cv::Size &face, CardSynthLook look)
{
  double width = SCENE_W * uniform (rand, 0.30, 0.80);
  double height = width * face.height / face.width;
  double angle = uniform (rand, -30, 30) * CV_PI / 180;
  double c = std::cos (angle), s = std::sin (angle);
  std::vector<cv::Point2f> quad;
  cv::Point2f lo (1e9, 1e9), hi (-1e9, -1e9), shift;

  if (look == CARD_SYNTH_BORDER_MISSING)
    width = SCENE_W * uniform (rand, 0.4, 0.7), height = width * face.height / face.width;
  for (const cv::Point2f &p : { cv::Point2f (-1, -1), cv::Point2f (1, -1), cv::Point2f (1, 1), cv::Point2f (-1, 1) })
    {
      double x = p.x * width / 2 + uniform (rand, -0.06, 0.06) * width;
      double y = p.y * height / 2 + uniform (rand, -0.06, 0.06) * width;
      cv::Point2f q ((float) (x * c - y * s), (float) (x * s + y * c));

      quad.push_back (q);
      lo = cv::Point2f (std::min (lo.x, q.x), std::min (lo.y, q.y));
      hi = cv::Point2f (std::max (hi.x, q.x), std::max (hi.y, q.y));
    }
  /* A large card turned by 30° may not fit the frame: shrink it until it
   * does, so that a clean card is never cut. */
  {
    float fit = std::min (1.0f, std::min ((SCENE_W - 20) / (hi.x - lo.x), (SCENE_H - 20) / (hi.y - lo.y)));

    for (cv::Point2f &q : quad)
      q *= fit;
    lo *= fit;
    hi *= fit;
  }
  /* Keep the whole card at least 8 px inside, unless it is meant to be cut. */
  shift.x = (float) uniform (rand, 8 - lo.x, std::max (9 - lo.x, SCENE_W - 8 - hi.x));
  shift.y = (float) uniform (rand, 8 - lo.y, std::max (9 - lo.y, SCENE_H - 8 - hi.y));
  if (look == CARD_SYNTH_BORDER_MISSING)
    {
      /* Push one side out of the frame by 5-20 % of the card's width. */
      float out = (float) (uniform (rand, 0.05, 0.20) * width);
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0: shift.x = -lo.x - out; break;
        case 1: shift.x = SCENE_W - hi.x + out; break;
        case 2: shift.y = -lo.y - out; break;
        default: shift.y = SCENE_H - hi.y + out; break;
        }
    }
  for (cv::Point2f &q : quad)
    q += shift;
  return quad;
}

/* A specular highlight: where the sensor saturates, so it is added after
 * the lighting, in scene coordinates. */
cv::Mat
glare_spot (GRand *rand, const cv::Size &face)
{
  cv::Mat spot (face, CV_32F, cv::Scalar (0));
  cv::Point centre (g_rand_int_range (rand, face.width / 6, face.width * 5 / 6),
                    g_rand_int_range (rand, face.height / 4, face.height * 3 / 4));

  cv::ellipse (spot, centre, cv::Size (face.width / g_rand_int_range (rand, 6, 10), face.height / g_rand_int_range (rand, 6, 10)),
               uniform (rand, 0, 180), 0, 360, cv::Scalar (1), cv::FILLED);
  cv::GaussianBlur (spot, spot, cv::Size (0, 0), face.width / 60.0);
  return cv::min (spot * 1.6, 1.0);
}

/* The camera: warp, uneven light, defocus, sensor noise. */
cv::Mat
photograph (GRand *rand, const cv::Mat &face, const std::vector<cv::Point2f> &quad, CardSynthLook look)
{
  cv::Mat scene = cluttered_scene (rand);
  std::vector<cv::Point2f> src = { { 0, 0 }, { (float) face.cols, 0 },
                                   { (float) face.cols, (float) face.rows }, { 0, (float) face.rows } };
  cv::Mat printed = face.clone (), mask (face.size (), CV_8U, cv::Scalar (255)), warped, warped_mask;
  double target = face.empty () ? SCENE_W / 2.0 : cv::norm (quad[1] - quad[0]);
  double sigma;

  cv::Mat spot, scene_spot;
  if (look == CARD_SYNTH_GLARE && !face.empty ())
    spot = glare_spot (rand, face.size ());
  /* Shrink with area averaging first, so the warp does not alias the print. */
  if (!face.empty () && target < printed.cols)
    {
      double k = target / printed.cols;
      cv::resize (printed, printed, cv::Size (), k, k, cv::INTER_AREA);
      cv::resize (mask, mask, printed.size (), 0, 0, cv::INTER_AREA);
      if (!spot.empty ())
        cv::resize (spot, spot, printed.size (), 0, 0, cv::INTER_AREA);
      for (cv::Point2f &p : src)
        p *= (float) k;
    }
  if (!face.empty ())
    {
      cv::Mat h = cv::getPerspectiveTransform (src, quad);
      cv::warpPerspective (printed, warped, h, scene.size (), cv::INTER_LINEAR);
      cv::warpPerspective (mask, warped_mask, h, scene.size (), cv::INTER_LINEAR);
      warped.copyTo (scene, warped_mask > 128);
      if (!spot.empty ())
        cv::warpPerspective (spot, scene_spot, h, scene.size (), cv::INTER_LINEAR);
    }

  cv::Mat light (scene.size (), CV_32F);
  /* Uneven but not overexposed: at most about 5 % above the printed colour. */
  double gx = uniform (rand, -0.2, 0.2), gy = uniform (rand, -0.2, 0.2);
  for (int y = 0; y < scene.rows; y++)
    for (int x = 0; x < scene.cols; x++)
      light.at<float> (y, x) = (float) (0.85 + gx * (x - SCENE_W / 2.0) / SCENE_W + gy * (y - SCENE_H / 2.0) / SCENE_H);
  cv::Mat scene_f, light3;
  cv::merge (std::vector<cv::Mat> { light, light, light }, light3);
  scene.convertTo (scene_f, CV_32FC3);
  cv::multiply (scene_f, light3, scene_f);
  if (!scene_spot.empty ())
    {
      cv::Mat spot3, white (scene_f.size (), CV_32FC3, cv::Scalar (255, 255, 255));
      cv::merge (std::vector<cv::Mat> { scene_spot, scene_spot, scene_spot }, spot3);
      scene_f = scene_f.mul (cv::Scalar::all (1) - spot3) + white.mul (spot3);
    }

  sigma = look == CARD_SYNTH_BLURRY ? uniform (rand, 0.006, 0.009) * target : uniform (rand, 0.3, 0.9);
  cv::GaussianBlur (scene_f, scene_f, cv::Size (0, 0), sigma);
  cv::Mat noise (scene.size (), CV_32FC3);
  cv::theRNG ().state = g_rand_int (rand);
  cv::randn (noise, 0, uniform (rand, 2, 6));
  scene_f += noise;
  scene_f.convertTo (scene, CV_8UC3);
  return scene;
}

cv::Mat
draw_face (GRand *rand, CardSynthKind kind, CaijiCardReading **truth)
{
  CaijiCardReading *front = NULL, *back = NULL;

  switch (kind)
    {
    case CARD_SYNTH_FRONT:
    case CARD_SYNTH_BACK:
      {
        card_synth_identity_new (rand, &front, &back);
        cv::Mat face = kind == CARD_SYNTH_FRONT ? draw_front (rand, front) : draw_back (rand, back);
        *truth = kind == CARD_SYNTH_FRONT ? front : back;
        caiji_card_reading_free (kind == CARD_SYNTH_FRONT ? back : front);
        return face;
      }
    case CARD_SYNTH_BANK_CARD:
      return draw_bank_card (rand);
    case CARD_SYNTH_MEMBER_CARD:
      return draw_member_card (rand);
    case CARD_SYNTH_PAPER:
      return draw_paper (rand);
    case CARD_SYNTH_EMPTY:
    case CARD_SYNTH_N_KINDS:
    default:
      return cv::Mat ();
    }
}

} /* namespace */

CardSynthSample *
card_synth_sample_new (guint32       seed,
                       CardSynthKind kind,
                       CardSynthLook look)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  CardSynthSample *sample = g_new0 (CardSynthSample, 1);
  cv::Mat face = draw_face (rand, kind, &sample->truth);

  sample->kind = kind;
  sample->look = look;
  if (face.empty ())
    {
      sample->scene = caiji_image_wrap (photograph (rand, face, {}, look));
      return sample;
    }
  std::vector<cv::Point2f> quad = place_card (rand, face.size (), look);
  sample->flat = caiji_image_wrap (face);
  sample->scene = caiji_image_wrap (photograph (rand, face, quad, look));
  for (int i = 0; i < 4; i++)
    {
      sample->corners[2 * i] = quad[i].x;
      sample->corners[2 * i + 1] = quad[i].y;
    }
  return sample;
}

void
card_synth_sample_free (CardSynthSample *sample)
{
  if (sample == NULL)
    return;
  caiji_card_reading_free (sample->truth);
  caiji_image_free (sample->flat);
  caiji_image_free (sample->scene);
  g_free (sample);
}

const char *
card_synth_kind_name (CardSynthKind kind)
{
  static const char *const names[CARD_SYNTH_N_KINDS] = { "front", "back", "bank-card", "member-card", "paper", "empty" };

  return kind < CARD_SYNTH_N_KINDS ? names[kind] : "?";
}
