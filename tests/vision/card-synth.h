/* card-synth.h: synthetic resident ID cards and look-alikes, as a camera sees them
 *
 * Everything is drawn at test time from a seed: random but valid identities
 * (GB 11643 numbers, names from common characters, no real person), the
 * card's printed layout in Noto CJK with the number in OCR-B, then placed in
 * a cluttered scene with rotation, perspective, uneven light, noise and one
 * degradation.  Negatives are card-shaped (bank and member cards) or not
 * (a printed page, an empty scene).
 */
#pragma once

#include <glib.h>

#include "caiji-card-reading.h"
#include "caiji-image.h"

G_BEGIN_DECLS

typedef enum {
  CARD_SYNTH_FRONT,         /* 人像面 */
  CARD_SYNTH_BACK,          /* 国徽面 */
  CARD_SYNTH_BANK_CARD,     /* same ID-1 shape, other print */
  CARD_SYNTH_MEMBER_CARD,
  CARD_SYNTH_PAPER,         /* a printed page with Chinese text */
  CARD_SYNTH_EMPTY,         /* the cluttered desk alone */
  CARD_SYNTH_N_KINDS
} CardSynthKind;

typedef enum {
  CARD_SYNTH_CLEAN,
  CARD_SYNTH_BLURRY,          /* strong defocus */
  CARD_SYNTH_GLARE,           /* a saturated highlight over the print */
  CARD_SYNTH_BORDER_MISSING,  /* a corner outside the frame */
  CARD_SYNTH_N_LOOKS
} CardSynthLook;

typedef struct {
  CardSynthKind     kind;
  CardSynthLook     look;
  CaijiCardReading *truth;       /* what is printed; NULL for negatives */
  CaijiImage       *flat;        /* the card face, 856×540, before the camera */
  CaijiImage       *scene;       /* what the camera delivers */
  double            corners[8];  /* card corners in the scene, x y from top-left clockwise */
} CardSynthSample;

CardSynthSample *card_synth_sample_new  (guint32          seed,
                                         CardSynthKind    kind,
                                         CardSynthLook    look);
void             card_synth_sample_free (CardSynthSample *sample);
const char      *card_synth_kind_name   (CardSynthKind    kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CardSynthSample, card_synth_sample_free)

G_END_DECLS
