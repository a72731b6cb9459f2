/* caiji-liveness.h: step 3's active liveness check, a head-turn challenge
 *
 * The candidate is asked, at random, to turn their head left or right and
 * back.  Each analysed preview frame contributes its yaw signal (see
 * caiji-face-guidance.h: the nose's sideways position in the frame of the
 * eyes and mouth, in eye distances).  The check passes when, within the
 * time limit, the face is first seen frontal (the baseline), then turned
 * the asked way by at least TURN past the baseline in TURN_FRAMES frames
 * in a row, then frontal again.  A turn the other way does not count (and
 * does not fail: the time limit does).  A flat picture turned in front of
 * the camera keeps its nose where it was relative to eyes and mouth, so it
 * never reaches TURN; docs/liveness.md has the measurements and what this
 * does not stop.  GLib only: the widgets drive it, the tests replay it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Frontal: |yaw| at most this, as caiji-face-guidance's frontal limit. */
#define CAIJI_LIVENESS_FRONTAL_YAW    0.20
/* How far past the baseline a turn must go: about a 23° head turn by the
 * 0.6·tan(yaw) nose model; flat pictures turned ±20–40° stayed within
 * 0.16 of theirs on the shared faces. */
#define CAIJI_LIVENESS_TURN           0.25
#define CAIJI_LIVENESS_TURN_FRAMES    2
/* Back to frontal: within this of the baseline. */
#define CAIJI_LIVENESS_RETURN         0.12
#define CAIJI_LIVENESS_BASELINE_FRAMES 2
#define CAIJI_LIVENESS_TIME_LIMIT_US  (8 * G_USEC_PER_SEC)

typedef enum {
  CAIJI_LIVENESS_TURN_LEFT,    /* the person's left: the nose moves to the picture's right */
  CAIJI_LIVENESS_TURN_RIGHT,
} CaijiLivenessChallenge;

typedef enum {
  CAIJI_LIVENESS_STAGE_BASELINE,  /* waiting for a frontal face */
  CAIJI_LIVENESS_STAGE_TURN,      /* waiting for the turn */
  CAIJI_LIVENESS_STAGE_RETURN,    /* waiting for frontal again */
  CAIJI_LIVENESS_STAGE_PASSED,
  CAIJI_LIVENESS_STAGE_FAILED,    /* the time limit passed first */
} CaijiLivenessStage;

typedef struct _CaijiLiveness CaijiLiveness;

CaijiLivenessChallenge caiji_liveness_random_challenge (void);
CaijiLiveness     *caiji_liveness_new         (CaijiLivenessChallenge  challenge,
                                               gint64                  started_us);
void               caiji_liveness_free        (CaijiLiveness          *self);
/* has_face FALSE (or yaw NAN) for a frame without the candidate's face:
 * only the clock moves on. */
CaijiLivenessStage caiji_liveness_observe     (CaijiLiveness          *self,
                                               gboolean                has_face,
                                               double                  yaw,
                                               gint64                  now_us);
/* The face was lost, jumped, or another one appeared: the turn seen so
 * far may not be the face that will be compared, so it starts again from
 * the baseline, even once passed (the challenge and its time limit stay). */
void               caiji_liveness_restart     (CaijiLiveness          *self);
CaijiLivenessStage caiji_liveness_get_stage   (const CaijiLiveness    *self);
CaijiLivenessChallenge caiji_liveness_get_challenge (const CaijiLiveness *self);
/* The largest turn seen the asked way, past the baseline; 0 before one. */
double             caiji_liveness_get_peak    (const CaijiLiveness    *self);
const char        *caiji_liveness_challenge_text (CaijiLivenessChallenge challenge);
/* What to tell the candidate now; NULL once passed or failed. */
const char        *caiji_liveness_get_prompt  (const CaijiLiveness    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiLiveness, caiji_liveness_free)

G_END_DECLS
