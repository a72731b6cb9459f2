/* caiji-card.h: find a resident ID card in a frame, tell its side and read it
 *
 * Three stages, each usable alone so the kiosk can run the cheap one on
 * every camera frame and the expensive ones once the card is steady:
 *
 *   caiji_card_view_find ()  card quadrilateral, rectified card, quality tip
 *   caiji_card_classify ()   人像面 / 国徽面 / not a card, by OCR of the layout
 *   caiji_card_read ()       all of it, plus the fields, cross-checked
 *
 * The OCR stages need a CaijiCardOcr, which holds the loaded Tesseract
 * models.  A handle may be used by one thread at a time;
 * caiji_card_ocr_get_for_thread () keeps one per thread.
 */
#pragma once

#include <glib.h>

#include "caiji-card-reading.h"
#include "caiji-image.h"

G_BEGIN_DECLS

/* The rectified card: ID-1 (85.6 × 54 mm) at 10 px per mm. */
#define CAIJI_CARD_WIDTH  856
#define CAIJI_CARD_HEIGHT 540

#define CAIJI_CARD_ERROR (caiji_card_error_quark ())

typedef enum {
  CAIJI_CARD_ERROR_OCR_UNAVAILABLE,  /* Tesseract or its chi_sim/eng data is missing */
  CAIJI_CARD_ERROR_NOT_A_CARD,       /* no ID card side found: the seed's 请上传身份证…面 */
  CAIJI_CARD_ERROR_WRONG_SIDE,       /* the other side than the one asked for */
  CAIJI_CARD_ERROR_UNREADABLE,       /* a side, but its fields did not read or did not agree */
} CaijiCardError;

/* The seed's four live tips. */
typedef enum {
  CAIJI_CARD_QUALITY_OK,              /* 标准 */
  CAIJI_CARD_QUALITY_BORDER_MISSING,  /* 边框缺失: no complete card outline in view */
  CAIJI_CARD_QUALITY_BLURRY,          /* 照片模糊 */
  CAIJI_CARD_QUALITY_GLARE,           /* 闪光强烈 */
} CaijiCardQuality;

typedef struct {
  gboolean          found;
  double            corners[8];   /* frame pixels, x y, top-left first, clockwise */
  CaijiCardQuality  quality;
  double            focus;        /* sharpness measure on the rectified card */
  double            glare;        /* fraction of the card that is blown out */
  CaijiImage       *card;         /* CAIJI_CARD_WIDTH × CAIJI_CARD_HEIGHT, NULL if not found */
} CaijiCardView;

typedef struct _CaijiCardOcr CaijiCardOcr;

typedef struct {
  CaijiCardSide     side;
  CaijiCardQuality  quality;
  CaijiCardReading *reading;          /* the fields; NULL unless fully read and consistent */
  gboolean          name_confirmed;   /* the card shows the expected name */
  CaijiImage       *portrait;         /* the front's photo box, for the operator */
  const char       *problem;          /* for logs: what did not read or did not agree */
  double            find_ms;
  double            classify_ms;
  double            read_ms;
} CaijiCardResult;

GQuark            caiji_card_error_quark        (void);
const char       *caiji_card_quality_to_string  (CaijiCardQuality  quality);
const char       *caiji_card_side_to_string     (CaijiCardSide     side);

CaijiCardView    *caiji_card_view_find          (const CaijiImage *frame);
void              caiji_card_view_free          (CaijiCardView    *view);

CaijiCardOcr     *caiji_card_ocr_new            (GError          **error);
CaijiCardOcr     *caiji_card_ocr_get_for_thread (GError          **error);
void              caiji_card_ocr_free           (CaijiCardOcr     *ocr);

/* card: a rectified card (CaijiCardView.card); turned upright in place
 * when it was upside down. */
CaijiCardSide     caiji_card_classify           (CaijiCardOcr     *ocr,
                                                 CaijiImage       *card);
/* wanted: the side the caller needs, or CAIJI_CARD_SIDE_NONE for either.
 * Always returns a result (side, quality, timings); sets error when the
 * card was refused or could not be read completely and consistently. */
CaijiCardResult  *caiji_card_read               (CaijiCardOcr     *ocr,
                                                 const CaijiImage *frame,
                                                 CaijiCardSide     wanted,
                                                 const char       *expected_name,
                                                 GError          **error);
void              caiji_card_result_free        (CaijiCardResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCardView, caiji_card_view_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCardOcr, caiji_card_ocr_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCardResult, caiji_card_result_free)

G_END_DECLS
