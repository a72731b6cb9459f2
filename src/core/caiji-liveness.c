/* caiji-liveness.c: the head-turn challenge, frame by frame */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "caiji-liveness.h"

struct _CaijiLiveness {
  CaijiLivenessChallenge challenge;
  CaijiLivenessStage     stage;
  gint64                 deadline_us;
  double                 baseline_sum;
  guint                  baseline_frames;
  guint                  turned_frames;   /* in a row */
  double                 peak;
};

CaijiLivenessChallenge
caiji_liveness_random_challenge (void)
{
  return g_random_boolean () ? CAIJI_LIVENESS_TURN_LEFT : CAIJI_LIVENESS_TURN_RIGHT;
}

CaijiLiveness *
caiji_liveness_new (CaijiLivenessChallenge challenge,
                    gint64                 started_us)
{
  CaijiLiveness *self = g_new0 (CaijiLiveness, 1);

  self->challenge = challenge;
  self->stage = CAIJI_LIVENESS_STAGE_BASELINE;
  self->deadline_us = started_us + CAIJI_LIVENESS_TIME_LIMIT_US;
  return self;
}

void
caiji_liveness_free (CaijiLiveness *self)
{
  g_free (self);
}

static double
baseline (const CaijiLiveness *self)
{
  return self->baseline_sum / self->baseline_frames;
}

/* Past the baseline, positive the asked way. */
static double
turn_of (const CaijiLiveness *self,
         double               yaw)
{
  double turn = yaw - baseline (self);

  return self->challenge == CAIJI_LIVENESS_TURN_LEFT ? turn : -turn;
}

static void
observe_face (CaijiLiveness *self,
              double         yaw)
{
  double turn;

  switch (self->stage)
    {
    case CAIJI_LIVENESS_STAGE_BASELINE:
      if (fabs (yaw) > CAIJI_LIVENESS_FRONTAL_YAW)
        return;
      self->baseline_sum += yaw;
      if (++self->baseline_frames >= CAIJI_LIVENESS_BASELINE_FRAMES)
        self->stage = CAIJI_LIVENESS_STAGE_TURN;
      return;
    case CAIJI_LIVENESS_STAGE_TURN:
      turn = turn_of (self, yaw);
      self->peak = MAX (self->peak, turn);
      self->turned_frames = turn >= CAIJI_LIVENESS_TURN ? self->turned_frames + 1 : 0;
      if (self->turned_frames >= CAIJI_LIVENESS_TURN_FRAMES)
        self->stage = CAIJI_LIVENESS_STAGE_RETURN;
      return;
    case CAIJI_LIVENESS_STAGE_RETURN:
      self->peak = MAX (self->peak, turn_of (self, yaw));
      if (fabs (yaw - baseline (self)) <= CAIJI_LIVENESS_RETURN)
        self->stage = CAIJI_LIVENESS_STAGE_PASSED;
      return;
    case CAIJI_LIVENESS_STAGE_PASSED:
    case CAIJI_LIVENESS_STAGE_FAILED:
    default:
      return;
    }
}

CaijiLivenessStage
caiji_liveness_observe (CaijiLiveness *self,
                        gboolean       has_face,
                        double         yaw,
                        gint64         now_us)
{
  g_return_val_if_fail (self != NULL, CAIJI_LIVENESS_STAGE_FAILED);

  if (self->stage == CAIJI_LIVENESS_STAGE_PASSED || self->stage == CAIJI_LIVENESS_STAGE_FAILED)
    return self->stage;
  if (now_us > self->deadline_us)
    self->stage = CAIJI_LIVENESS_STAGE_FAILED;
  else if (has_face && isfinite (yaw))
    observe_face (self, yaw);
  return self->stage;
}

void
caiji_liveness_restart (CaijiLiveness *self)
{
  g_return_if_fail (self != NULL);

  if (self->stage == CAIJI_LIVENESS_STAGE_FAILED)
    return;
  self->stage = CAIJI_LIVENESS_STAGE_BASELINE;
  self->baseline_sum = 0;
  self->baseline_frames = 0;
  self->turned_frames = 0;
}

CaijiLivenessStage
caiji_liveness_get_stage (const CaijiLiveness *self)
{
  g_return_val_if_fail (self != NULL, CAIJI_LIVENESS_STAGE_FAILED);
  return self->stage;
}

CaijiLivenessChallenge
caiji_liveness_get_challenge (const CaijiLiveness *self)
{
  g_return_val_if_fail (self != NULL, CAIJI_LIVENESS_TURN_LEFT);
  return self->challenge;
}

double
caiji_liveness_get_peak (const CaijiLiveness *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->peak;
}

/* 请向左转头 / 请向右转头 */
const char *
caiji_liveness_challenge_text (CaijiLivenessChallenge challenge)
{
  return challenge == CAIJI_LIVENESS_TURN_LEFT ? _("Please turn your head to the left")
                                               : _("Please turn your head to the right");
}

const char *
caiji_liveness_get_prompt (const CaijiLiveness *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->stage)
    {
    case CAIJI_LIVENESS_STAGE_BASELINE:
      return _("Please look straight at the camera");
    case CAIJI_LIVENESS_STAGE_TURN:
      return caiji_liveness_challenge_text (self->challenge);
    case CAIJI_LIVENESS_STAGE_RETURN:
      return _("Now look straight at the camera again");
    case CAIJI_LIVENESS_STAGE_PASSED:
    case CAIJI_LIVENESS_STAGE_FAILED:
    default:
      return NULL;
    }
}
