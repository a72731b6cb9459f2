/* caiji-face-guidance.h: what step 3's preview tells the candidate, frame by frame
 *
 * One preview frame and its detected faces give one tip: no face, several
 * faces, too far, too close, not frontal, too dark, or fine.  The head
 * pose comes from YuNet's 5 landmarks alone (no extra model): yaw as the
 * nose's sideways offset from the eyes' midpoint along the eye line, in
 * inter-eye distances, and roll as the eye line's angle.  Every limit is
 * here, so the kiosk and the tests use the same numbers.
 */
#pragma once

#include <glib.h>

#include "caiji-face.h"

G_BEGIN_DECLS

/* The face's width as a fraction of the frame's: below MIN the candidate
 * is too far (or a passer-by behind them), above MAX too close for the
 * whole head to stay in the picture while turning. */
#define CAIJI_GUIDANCE_MIN_FACE_FRACTION  0.12
#define CAIJI_GUIDANCE_MAX_FACE_FRACTION  0.60
/* Frontal: |yaw signal| and |roll| at most these.  A frontal portrait
 * measures |yaw| ≤ 0.12 on the shared faces; a head turned ~30° about 0.4
 * (docs/liveness.md). */
#define CAIJI_GUIDANCE_MAX_FRONTAL_YAW    0.20
#define CAIJI_GUIDANCE_MAX_ROLL_DEGREES   15.0
/* Mean luma (0–255) of the face box below which the face is too dark to
 * compare reliably. */
#define CAIJI_GUIDANCE_MIN_FACE_LUMA      60.0

typedef enum {
  CAIJI_FACE_TIP_OK,
  CAIJI_FACE_TIP_NO_FACE,
  CAIJI_FACE_TIP_SEVERAL_FACES,
  CAIJI_FACE_TIP_TOO_FAR,
  CAIJI_FACE_TIP_TOO_CLOSE,
  CAIJI_FACE_TIP_CUT_OFF,
  CAIJI_FACE_TIP_NOT_FRONTAL,
  CAIJI_FACE_TIP_TOO_DARK,
} CaijiFaceTip;

typedef struct {
  CaijiFaceTip tip;
  guint        n_faces;     /* candidates: faces at least MIN_FACE_FRACTION wide */
  gboolean     has_face;    /* face is the candidate's (the largest) */
  CaijiFace    face;
  double       yaw;         /* yaw signal; + is the person's left, in the picture's right; NAN without a face */
  double       roll;        /* degrees; NAN without a face */
  double       luma;        /* mean of the face box; NAN without a face */
} CaijiFaceGuidance;

/* Part of the face box lies outside the frame. */
gboolean     caiji_face_is_cut_off     (const CaijiFace   *face,
                                        const CaijiImage  *frame);
double       caiji_face_yaw_signal     (const CaijiFace   *face);
double       caiji_face_roll_degrees   (const CaijiFace   *face);
double       caiji_face_mean_luma      (const CaijiImage  *image,
                                        const CaijiFace   *face);
void         caiji_face_guide          (const CaijiImage  *frame,
                                        GArray            *faces,
                                        CaijiFaceGuidance *guidance);
gboolean     caiji_face_guide_frame    (const CaijiImage  *frame,
                                        CaijiFaceGuidance *guidance,
                                        GError           **error);
const char  *caiji_face_tip_message    (CaijiFaceTip       tip);

G_END_DECLS
