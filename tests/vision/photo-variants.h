/* photo-variants.h: degraded versions of a face photo, drawn at test time
 *
 * Each variant adds one defect an ID photo check must catch, placed from
 * the face's box and landmarks; nothing generated is committed.
 */
#pragma once

#include "caiji-face.h"
#include "caiji-photo-check.h"

G_BEGIN_DECLS

typedef enum {
  PHOTO_VARIANT_BLUR,
  PHOTO_VARIANT_DARK,
  PHOTO_VARIANT_OVEREXPOSED,
  PHOTO_VARIANT_GLARE,
  PHOTO_VARIANT_SHADOW,
  PHOTO_VARIANT_CUT_TOP,
  PHOTO_VARIANT_CUT_SIDE,
  PHOTO_VARIANT_OFF_CENTRE,
  PHOTO_VARIANT_ROTATE_SMALL,
  PHOTO_VARIANT_ROTATE_LARGE,
  PHOTO_VARIANT_SMALL_FACE,
  PHOTO_VARIANT_CLUTTER,
  PHOTO_VARIANT_DARK_WALL,
  PHOTO_VARIANT_GLASSES,
  PHOTO_VARIANT_THIN_GLASSES,
  PHOTO_VARIANT_SUNGLASSES,
  PHOTO_VARIANT_HAT,
  PHOTO_VARIANT_CAP,
  PHOTO_VARIANT_EYES_COVERED,
  PHOTO_VARIANT_BEAUTY,
  PHOTO_VARIANT_BEAUTY_STRONG,
  PHOTO_N_VARIANTS
} PhotoVariant;

const char       *photo_variant_name     (PhotoVariant             variant);
/* The problem the variant must raise. */
CaijiPhotoProblem photo_variant_problem  (PhotoVariant             variant);
/* A new picture; @seed varies colours and clutter. */
CaijiImage       *photo_variant_new      (const CaijiImage        *image,
                                          const CaijiFace         *face,
                                          const CaijiPhotoProfile *profile,
                                          PhotoVariant             variant,
                                          guint32                  seed);

G_END_DECLS
