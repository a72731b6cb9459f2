/* caiji-card-tuning.h: every threshold and layout box of the card pipeline, with why
 *
 * Boxes are in rectified-card pixels (CAIJI_CARD_WIDTH × CAIJI_CARD_HEIGHT,
 * 10 px per mm), from the printed layout of the resident ID card.  They are
 * deliberately looser than the text: Tesseract reads worse on crops
 * trimmed tight to the glyphs.
 */
#pragma once

typedef struct {
  int x, y, width, height;
} CaijiCardBox;

/* ---- finding the card ---- */
/* Frames are searched at this width; card edges survive, noise does not,
 * and a 1280-px frame costs a quarter of the time. */
#define CARD_FIND_WORK_WIDTH 640
/* ID-1 is 85.6 / 54 = 1.585.  ±15 % absorbed a tilt of ~30° but not the
 * strongest perspective the generator draws (a card foreshortened to
 * 1.33 was lost); ±22 % took that one, but not a card tilted the other
 * way to 1.98 (eval-card seed 16180490); ±28 % takes both, and the edge
 * support and the rim below still keep wrong shapes out. */
#define CARD_ASPECT 1.585
#define CARD_ASPECT_TOLERANCE 0.28
/* The card must span at least this share of the frame width (the issue's
 * 25 %, with margin for tilt). */
#define CARD_MIN_WIDTH_SHARE 0.20
/* Share of sample points on each side that must lie on a detected edge.
 * This is what removes quadrilaterals made of clutter.  Letting one faint
 * side through at 55 % when the other three were at 95 % found a few more
 * cards but also cropped wrong shapes (corner errors of 12-57 px), so no. */
#define CARD_EDGE_SUPPORT 0.80
/* A candidate with one side below that but above this has its sides
 * fitted to the edge pixels near them, and must then pass
 * CARD_EDGE_SUPPORT on all four like any other. */
#define CARD_EDGE_SUPPORT_BEFORE_REFINING 0.30
/* Points within this many work pixels of a side count as on it. */
#define CARD_EDGE_TOLERANCE 2
/* |cos| between an edge pixel's gradient and the side's normal: within
 * about 25°, so edges across the side (text, clutter) do not count. */
#define CARD_EDGE_ALIGNMENT 0.9
/* Colour difference (BGR distance) between the two sides of a card edge,
 * CARD_STEP_OFFSET work pixels either side: clears thin lines on the
 * desk, while a card differs from any desk it lies on. */
#define CARD_STEP_OFFSET 4
#define CARD_STEP_MIN 10
/* A quadrilateral made of three of the card's sides and a line on the
 * desk (or a rectangle's edge) beside the fourth passes the edge test and
 * is larger than the card, so the largest candidate used to win.  Just
 * inside a real card's outline lies its plain margin all the way round;
 * inside the wrong one, partly the desk.  The rim is the share of points
 * CARD_RIM_INSET of the short side inside the sides that lie within
 * CARD_RIM_COLOUR_DISTANCE (BGR) of their median colour; the inset keeps
 * clear of the labels (5 % in from the left) and the portrait (9 % in
 * from the right).  The best rim among the supported candidates wins,
 * and among those within CARD_RIM_TIE of it the largest: the card's own
 * outline and one a pixel or two larger tie. */
#define CARD_RIM_INSET 0.035
#define CARD_RIM_COLOUR_DISTANCE 60
#define CARD_RIM_TIE 0.05
/* A card's rim is nearly all margin: 0.97 and up on 720 synthetic cards
 * found (clean, blurred, glared), while a wrong outline inside a card
 * cut off by the frame (its portrait box, two desk patches joined) had
 * 0.80 and below in 8 of 10 cases.  Below this, a candidate is no card;
 * the margin left allows fingers over a few rim points. */
#define CARD_RIM_MIN 0.85
/* A card edge over a desk of nearly its own colour (cream on pale
 * lavender: 25 apart in BGR, 3 in grey) gives Canny nothing along that
 * side (eval-card seed 6000217: support 0.42).  Such a side still counts
 * when the colour steps across it (CARD_STEP_MIN) at
 * CARD_FAINT_SIDE_STEPS of its points and the other three lie on edges,
 * for a candidate whose rim is at least CARD_FAINT_SIDE_RIM: the card's
 * margin ends there.  A wrong outline across a card cut off by the frame
 * has card on both sides of that line and no step.  Where even the
 * colour barely changes along half the side (seeds 17320533, 52000043:
 * steps at 0.47-0.72 of the points) the card is still not found.
 * Accepting three sides without the step found wrong outlines inside 33
 * of 240 cards cut off by the frame. */
#define CARD_FAINT_SIDE_STEPS 0.9
#define CARD_FAINT_SIDE_RIM 0.97
/* Standard deviation of the rectified card's grey levels below which the
 * outline holds no print: an ID card's text and photo give 40-60, a plain
 * patch of colour on the desk its noise and lighting, under 10. */
#define CARD_PRINT_MIN_STDDEV 15
/* A corner this close to the frame's edge (share of the frame's width,
 * about 6 px at 1280) is probably cut. */
#define CARD_BORDER_MARGIN 0.005

/* ---- quality tips ---- */
/* Focus is the variance of the Laplacian of the rectified card, scaled to
 * its size in the frame (at most half size), divided by the card's
 * intensity variance so that contrast and exposure do not count as
 * sharpness.  Measured on 40 + 40 synthetic cards (seeds 3000-3139):
 * sharp ones scored 0.10-0.82, defocused ones (σ = 0.6-0.9 % of the
 * card's width) 0.02-0.09.  The gap is narrow at the small end. */
#define CARD_FOCUS_MIN 0.095
/* Blown-out pixels: all channels at or above this after a light blur. */
#define CARD_GLARE_LEVEL 250
/* Share of the card blown out before the text or photo is lost. */
#define CARD_GLARE_MAX_SHARE 0.006

/* ---- OCR ---- */
/* Confirming the expected name when no open reading gave it: read again
 * with only its characters allowed.  On eval-card seed 7070 (60 fronts,
 * each with its own name, a stranger's and a one-character near miss)
 * the forced reading gave the exact expected name for 52 of the own
 * names, with the weakest character at 83.4-100, and for none of the 120
 * wrong ones: Tesseract leaves out a character it cannot place rather
 * than force it.  A forced reading with a character below this is not
 * trusted anyway; the same holds for the sex line forced to 男 or 女. */
#define CARD_FORCED_MIN_CONFIDENCE 70
/* The rectified card is enlarged from the camera frame and soft; an
 * unsharp mask (the crop plus this much of its difference from a blur of
 * this σ, in card pixels) gave Tesseract back lines it read as empty:
 * the sex line of 4 of 5 male cards refused on seeds 6000000, 7000000 and
 * 17320508 ("the sex on the card does not match"), and names. */
#define CARD_SHARPEN_SIGMA 1.5
#define CARD_SHARPEN_AMOUNT 0.8
/* One box of a card reads in 20-150 ms of CPU; a page of dense text in
 * seconds.  Counted in the reading thread's CPU time (caiji-card-ocr.cpp). */
#define CARD_OCR_BUDGET_MS 600

/* ---- side ---- */
static const CaijiCardBox card_box_back_title = { 240, 50, 600, 210 };   /* 中华人民共和国 居民身份证 */
static const CaijiCardBox card_box_front_label = { 40, 440, 250, 62 };   /* 公民身份号码 */
/* In-order characters that must be recognised.  Look-alike cards print
 * 中国…银行 (2 of 中华人民共和国) or …号码 (2 of 公民身份号码). */
#define CARD_BACK_TITLE_MIN_OVERLAP 3     /* of 居民身份证 */
#define CARD_BACK_COUNTRY_MIN_OVERLAP 5   /* of 中华人民共和国 */
#define CARD_FRONT_LABEL_MIN_OVERLAP 4    /* of 公民身份号码 */

/* ---- front fields ---- */
/* The name is read with its 姓名 label: the label's known shape gives the
 * recogniser context, where the two or three characters alone often
 * come back empty.  Sex and nation share one line for the same reason. */
static const CaijiCardBox card_box_name = { 40, 68, 520, 60 };
/* Without the label: alone it reads best at a smaller scale. */
static const CaijiCardBox card_box_name_value = { 140, 68, 420, 60 };
static const CaijiCardBox card_box_sex_nation = { 140, 142, 420, 52 };
static const CaijiCardBox card_box_birth = { 140, 207, 420, 52 };
static const CaijiCardBox card_box_address = { 140, 272, 420, 150 };
static const CaijiCardBox card_box_number = { 270, 438, 576, 62 };
static const CaijiCardBox card_box_portrait = { 560, 50, 260, 320 };

/* ---- back fields ---- */
static const CaijiCardBox card_box_authority = { 305, 372, 540, 52 };
static const CaijiCardBox card_box_validity = { 305, 437, 540, 52 };

/* ---- the kiosk's step 1: auto-capture and two-frame agreement ---- */
/* Preview frames in a row that must all be 标准 before step 1 takes the
 * picture by itself.  Only new frames are analysed, each in 20-60 ms
 * (find + rectify + tip) on the kiosk's core, so a kiosk camera gives
 * 8-15 analysed frames a second and 4 in a row are 0.3-0.5 s: a card
 * still moving into place flickers to 照片模糊 (motion blur) or 边框缺失
 * and restarts the run, while a held card is taken without the candidate
 * noticing a wait. */
#define CARD_AUTO_CAPTURE_STABLE_FRAMES 4
/* A camera read of the portrait side counts once two frames read the same
 * number and name.  A misread passes the check character about 1 time in
 * 11 and each frame is read in 0.3-0.5 s, so 4 frames (about 2 s) give
 * an honest card two chances to agree before asking for a retake. */
#define CARD_AGREEMENT_MAX_FRAMES 4
