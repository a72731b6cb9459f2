/* test-face-liveness.c: step 3's live guidance and the head-turn liveness check
 *
 * On the shared faces: a flat photo turned ±20–40° in perspective (what a
 * printed photo or a phone held up and turned looks like) must never give
 * the yaw change a head turn needs, and replaying it as a challenge must
 * fail; a real turn (the same person's turned photo after a frontal one)
 * gives the signal, and the strongest one in the set passes.  The figures
 * for docs/liveness.md are printed.
 */
#include <math.h>

#include "caiji-face-guidance.h"
#include "caiji-liveness.h"
#include "face-fixtures.h"
#include "face-tilt.h"

static const double tilts[] = { -40, -30, -20, 20, 30, 40 };

#define FRAME_US (G_USEC_PER_SEC / 10)

static CaijiFaceGuidance
guide (const CaijiImage *image)
{
  g_autoptr(GError) error = NULL;
  CaijiFaceGuidance guidance;

  g_assert_true (caiji_face_guide_frame (image, &guidance, &error));
  g_assert_no_error (error);
  return guidance;
}

/* A challenge replayed on frames' yaws, one every 100 ms. */
static gboolean
replay_passes (CaijiLivenessChallenge challenge,
               const double          *yaws,
               guint                  n_yaws)
{
  g_autoptr(CaijiLiveness) liveness = caiji_liveness_new (challenge, 0);
  gint64 now = 0;

  for (guint i = 0; i < n_yaws; i++, now += FRAME_US)
    caiji_liveness_observe (liveness, isfinite (yaws[i]), yaws[i], now);
  return caiji_liveness_get_stage (liveness) == CAIJI_LIVENESS_STAGE_PASSED;
}

/* Frontal, frontal, turned, turned, frontal: what the challenge wants. */
static gboolean
turn_passes (CaijiLivenessChallenge challenge,
             double                 frontal,
             double                 turned)
{
  const double yaws[] = { frontal, frontal, turned, turned, frontal };

  return replay_passes (challenge, yaws, G_N_ELEMENTS (yaws));
}

static gboolean
either_challenge_passes (double frontal,
                         double turned)
{
  return turn_passes (CAIJI_LIVENESS_TURN_LEFT, frontal, turned) ||
         turn_passes (CAIJI_LIVENESS_TURN_RIGHT, frontal, turned);
}

static void
test_state_machine (void)
{
  const double real_left[] = { 0.02, -0.01, 0.15, 0.31, 0.36, 0.20, 0.03 };
  const double still[] = { 0.02, 0.02, 0.03, 0.02, 0.01, 0.02, 0.02 };
  const double one_frame_jump[] = { 0.0, 0.0, 0.30, 0.0, 0.30, 0.0, 0.0 };
  g_autoptr(CaijiLiveness) late = caiji_liveness_new (CAIJI_LIVENESS_TURN_LEFT, 0);

  g_assert_true (replay_passes (CAIJI_LIVENESS_TURN_LEFT, real_left, G_N_ELEMENTS (real_left)));
  g_assert_false (replay_passes (CAIJI_LIVENESS_TURN_RIGHT, real_left, G_N_ELEMENTS (real_left)));
  g_assert_false (replay_passes (CAIJI_LIVENESS_TURN_LEFT, still, G_N_ELEMENTS (still)));
  g_assert_false (replay_passes (CAIJI_LIVENESS_TURN_LEFT, one_frame_jump, G_N_ELEMENTS (one_frame_jump)));

  /* Restarted after the turn (the face was lost): the turn must be done again. */
  {
    g_autoptr(CaijiLiveness) restarted = caiji_liveness_new (CAIJI_LIVENESS_TURN_LEFT, 0);

    for (guint i = 0; i < 5; i++)
      caiji_liveness_observe (restarted, TRUE, real_left[i], i);
    g_assert_cmpint (caiji_liveness_get_stage (restarted), ==, CAIJI_LIVENESS_STAGE_RETURN);
    caiji_liveness_restart (restarted);
    caiji_liveness_observe (restarted, TRUE, 0.02, 10);
    caiji_liveness_observe (restarted, TRUE, 0.03, 11);
    caiji_liveness_observe (restarted, TRUE, 0.02, 12);
    g_assert_cmpint (caiji_liveness_get_stage (restarted), ==, CAIJI_LIVENESS_STAGE_TURN);
  }

  /* A perfect turn after the time limit is too late. */
  caiji_liveness_observe (late, TRUE, 0, 0);
  caiji_liveness_observe (late, TRUE, 0, 1);
  caiji_liveness_observe (late, TRUE, 0.4, CAIJI_LIVENESS_TIME_LIMIT_US + 1);
  g_assert_cmpint (caiji_liveness_get_stage (late), ==, CAIJI_LIVENESS_STAGE_FAILED);
  g_assert_null (caiji_liveness_get_prompt (late));
}

static void
test_tips (void)
{
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(CaijiImage) noise = NULL;
  FacePhoto *frontal;

  if (!face_fixtures_available ())
    return;
  photos = face_fixtures_load_folder ("rose_leslie");
  frontal = g_ptr_array_index (photos, 1);
  g_assert_cmpint (guide (frontal->image).tip, ==, CAIJI_FACE_TIP_OK);
  {
    g_autoptr(CaijiImage) dark = face_fixtures_darken (frontal->image, 0.25);
    /* Unscaled in a frame four times as wide: a quarter of the width. */
    g_autoptr(CaijiImage) far = face_fixtures_letterbox (frontal->image,
                                                         4 * caiji_image_get_width (frontal->image),
                                                         caiji_image_get_height (frontal->image));
    g_autoptr(CaijiImage) rolled = face_fixtures_rotate (frontal->image, 25);

    g_assert_cmpint (guide (dark).tip, ==, CAIJI_FACE_TIP_TOO_DARK);
    g_assert_cmpint (guide (far).tip, ==, CAIJI_FACE_TIP_TOO_FAR);
    g_assert_cmpint (guide (rolled).tip, ==, CAIJI_FACE_TIP_NOT_FRONTAL);
  }
  groups = face_fixtures_load_folder ("multi");
  g_assert_cmpint (guide (((FacePhoto *) g_ptr_array_index (groups, 0))->image).tip, ==,
                   CAIJI_FACE_TIP_SEVERAL_FACES);
  noise = face_fixtures_noise (640, 480, 7);
  g_assert_cmpint (guide (noise).tip, ==, CAIJI_FACE_TIP_NO_FACE);
  g_assert_nonnull (caiji_face_tip_message (CAIJI_FACE_TIP_NO_FACE));
  g_assert_null (caiji_face_tip_message (CAIJI_FACE_TIP_OK));
}

/* Each frontal photo against every tilt of itself. */
static void
test_flat_photo_fails (void)
{
  g_autoptr(GPtrArray) photos = NULL;
  double largest = 0;
  guint replays = 0, passed = 0;

  if (!face_fixtures_available ())
    return;
  photos = face_fixtures_load_photos ();
  for (guint i = 0; i < photos->len; i++)
    {
      FacePhoto *photo = g_ptr_array_index (photos, i);
      CaijiFaceGuidance flat = guide (photo->image);

      if (!flat.has_face || fabs (flat.yaw) > CAIJI_LIVENESS_FRONTAL_YAW)
        continue;
      g_test_message ("%s: frontal yaw %+.3f", photo->name, flat.yaw);
      for (guint t = 0; t < G_N_ELEMENTS (tilts); t++)
        {
          g_autoptr(CaijiImage) turned = face_tilt_flat (photo->image, tilts[t]);
          CaijiFaceGuidance seen = guide (turned);
          double change = seen.yaw - flat.yaw;

          if (!seen.has_face)
            continue;
          g_test_message ("  flat %+3.0f°: yaw %+.3f, change %+.3f", tilts[t], seen.yaw, change);
          largest = MAX (largest, fabs (change));
          replays++;
          passed += either_challenge_passes (flat.yaw, seen.yaw);
        }
    }
  g_test_message ("flat photos turned ±20–40°: %u replays, %u passed liveness, largest |yaw change| %.3f (turn needs %.2f)",
                  replays, passed, largest, CAIJI_LIVENESS_TURN);
  g_assert_cmpuint (replays, >=, 60);
  g_assert_cmpuint (passed, ==, 0);
  g_assert_cmpfloat (largest, <, CAIJI_LIVENESS_TURN);
}

/* The same person frontal, then in a turned photo: every pair whose
 * second photo is not frontal. */
static void
test_real_turns (void)
{
  g_autoptr(GPtrArray) photos = NULL;
  double strongest = 0;
  guint pairs = 0, passed = 0, wrong_way = 0;

  if (!face_fixtures_available ())
    return;
  photos = face_fixtures_load_photos ();
  for (guint i = 0; i < photos->len; i++)
    for (guint j = 0; j < photos->len; j++)
      {
        FacePhoto *a = g_ptr_array_index (photos, i), *b = g_ptr_array_index (photos, j);
        CaijiFaceGuidance frontal, turned;
        double change;
        CaijiLivenessChallenge asked;

        if (i == j || g_strcmp0 (a->identity, b->identity) != 0)
          continue;
        frontal = guide (a->image);
        turned = guide (b->image);
        if (!frontal.has_face || !turned.has_face || fabs (frontal.yaw) > 0.05 ||
            fabs (turned.yaw) <= 0.14)
          continue;
        change = turned.yaw - frontal.yaw;
        asked = change > 0 ? CAIJI_LIVENESS_TURN_LEFT : CAIJI_LIVENESS_TURN_RIGHT;
        pairs++;
        passed += turn_passes (asked, frontal.yaw, turned.yaw);
        wrong_way += turn_passes (!asked, frontal.yaw, turned.yaw);
        strongest = MAX (strongest, fabs (change));
        g_test_message ("real %s → %s: yaw %+.3f → %+.3f, change %+.3f%s", a->name, b->name,
                        frontal.yaw, turned.yaw, change,
                        fabs (change) >= CAIJI_LIVENESS_TURN ? " (a turn)" : "");
      }
  g_test_message ("real same-person turns: %u pairs, %u passed the challenge asked their way, %u the other way; strongest %.3f",
                  pairs, passed, wrong_way, strongest);
  g_assert_cmpuint (pairs, >=, 3);
  g_assert_cmpuint (passed, >=, 1);
  g_assert_cmpuint (wrong_way, ==, 0);
  g_assert_cmpfloat (strongest, >=, CAIJI_LIVENESS_TURN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/liveness/state-machine", test_state_machine);
  g_test_add_func ("/liveness/tips", test_tips);
  g_test_add_func ("/liveness/flat-photo-fails", test_flat_photo_fails);
  g_test_add_func ("/liveness/real-turns", test_real_turns);
  return g_test_run ();
}
