/* caiji-face-guidance.c: step 3's live tip from one preview frame */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caiji-face-guidance.h"
#include "caiji-texts.h"

static CaijiFacePoint
midpoint (CaijiFacePoint a,
          CaijiFacePoint b)
{
  return (CaijiFacePoint) { (a.x + b.x) / 2, (a.y + b.y) / 2 };
}

/* The nose's sideways coordinate in the face's own frame: the eye line
 * (right eye to left eye) and the eyes-to-mouth line, so the head's
 * roll, size and the camera's angle on a flat picture all drop out.  A
 * real head turn swings the nose, which stands out of the face, sideways
 * past the eyes by about 0.6·tan(yaw) eye distances; a flat picture
 * turned or tilted is (nearly) an affine map of itself, which leaves this
 * coordinate where it was. */
double
caiji_face_yaw_signal (const CaijiFace *face)
{
  CaijiFacePoint right = face->landmarks[CAIJI_FACE_RIGHT_EYE];
  CaijiFacePoint left = face->landmarks[CAIJI_FACE_LEFT_EYE];
  CaijiFacePoint nose = face->landmarks[CAIJI_FACE_NOSE_TIP];
  CaijiFacePoint eyes = midpoint (right, left);
  CaijiFacePoint mouth = midpoint (face->landmarks[CAIJI_FACE_RIGHT_MOUTH_CORNER],
                                   face->landmarks[CAIJI_FACE_LEFT_MOUTH_CORNER]);
  double ux = left.x - right.x, uy = left.y - right.y;     /* across */
  double vx = mouth.x - eyes.x, vy = mouth.y - eyes.y;     /* down */
  double nx = nose.x - eyes.x, ny = nose.y - eyes.y;
  double determinant = ux * vy - uy * vx;

  /* Eyes and mouth on one line: no face frame to measure in. */
  if (fabs (determinant) < 1.0)
    return NAN;
  return (nx * vy - ny * vx) / determinant;
}

double
caiji_face_roll_degrees (const CaijiFace *face)
{
  CaijiFacePoint right = face->landmarks[CAIJI_FACE_RIGHT_EYE];
  CaijiFacePoint left = face->landmarks[CAIJI_FACE_LEFT_EYE];

  return atan2 (left.y - right.y, left.x - right.x) * 180.0 / G_PI;
}

/* Over the part of the box inside the frame; BT.601 luma. */
double
caiji_face_mean_luma (const CaijiImage *image,
                      const CaijiFace  *face)
{
  gsize stride;
  const guint8 *pixels = caiji_image_get_bgr (image, &stride);
  int x0 = MAX (0, (int) face->x);
  int y0 = MAX (0, (int) face->y);
  int x1 = MIN ((int) caiji_image_get_width (image), (int) (face->x + face->width));
  int y1 = MIN ((int) caiji_image_get_height (image), (int) (face->y + face->height));
  double sum = 0;
  guint64 count = 0;

  for (int y = y0; y < y1; y += 2)
    for (int x = x0; x < x1; x += 2)
      {
        const guint8 *bgr = pixels + (gsize) y * stride + (gsize) x * 3;

        sum += 0.114 * bgr[0] + 0.587 * bgr[1] + 0.299 * bgr[2];
        count++;
      }
  return count > 0 ? sum / count : NAN;
}

gboolean
caiji_face_is_cut_off (const CaijiFace  *face,
                       const CaijiImage *frame)
{
  return face->x < 0 || face->y < 0 ||
         face->x + face->width > caiji_image_get_width (frame) ||
         face->y + face->height > caiji_image_get_height (frame);
}

/* The candidate is the largest face; faces too small to be someone at
 * the kiosk (people passing behind) are not counted as "several". */
static const CaijiFace *
pick_candidate (GArray *faces,
                guint   frame_width,
                guint  *n_candidates)
{
  const CaijiFace *largest = NULL;

  *n_candidates = 0;
  for (guint i = 0; i < faces->len; i++)
    {
      const CaijiFace *face = &g_array_index (faces, CaijiFace, i);

      if (face->width >= CAIJI_GUIDANCE_MIN_FACE_FRACTION * frame_width)
        (*n_candidates)++;
      if (largest == NULL || face->width * face->height > largest->width * largest->height)
        largest = face;
    }
  return largest;
}

static CaijiFaceTip
tip_for (const CaijiImage        *frame,
         const CaijiFaceGuidance *guidance)
{
  double fraction = guidance->face.width / caiji_image_get_width (frame);

  if (!guidance->has_face)
    return CAIJI_FACE_TIP_NO_FACE;
  if (guidance->n_faces > 1)
    return CAIJI_FACE_TIP_SEVERAL_FACES;
  if (fraction < CAIJI_GUIDANCE_MIN_FACE_FRACTION)
    return CAIJI_FACE_TIP_TOO_FAR;
  if (fraction > CAIJI_GUIDANCE_MAX_FACE_FRACTION)
    return CAIJI_FACE_TIP_TOO_CLOSE;
  if (caiji_face_is_cut_off (&guidance->face, frame))
    return CAIJI_FACE_TIP_CUT_OFF;
  if (guidance->luma < CAIJI_GUIDANCE_MIN_FACE_LUMA)
    return CAIJI_FACE_TIP_TOO_DARK;
  if (!(fabs (guidance->yaw) <= CAIJI_GUIDANCE_MAX_FRONTAL_YAW) ||
      fabs (guidance->roll) > CAIJI_GUIDANCE_MAX_ROLL_DEGREES)
    return CAIJI_FACE_TIP_NOT_FRONTAL;
  return CAIJI_FACE_TIP_OK;
}

/* faces: as caiji_face_detect() found them in frame. */
void
caiji_face_guide (const CaijiImage  *frame,
                  GArray            *faces,
                  CaijiFaceGuidance *guidance)
{
  const CaijiFace *candidate;

  g_return_if_fail (frame != NULL && faces != NULL && guidance != NULL);

  memset (guidance, 0, sizeof *guidance);
  guidance->yaw = guidance->roll = guidance->luma = NAN;
  candidate = pick_candidate (faces, caiji_image_get_width (frame), &guidance->n_faces);
  if (candidate != NULL)
    {
      guidance->has_face = TRUE;
      guidance->face = *candidate;
      guidance->yaw = caiji_face_yaw_signal (candidate);
      guidance->roll = caiji_face_roll_degrees (candidate);
      guidance->luma = caiji_face_mean_luma (frame, candidate);
    }
  guidance->tip = tip_for (frame, guidance);
}

/* With the FAST detector, as preview frames need. */
gboolean
caiji_face_guide_frame (const CaijiImage  *frame,
                        CaijiFaceGuidance *guidance,
                        GError           **error)
{
  g_autoptr(GArray) faces = caiji_face_detect (frame, CAIJI_FACE_DETECTOR_FAST, error);

  if (faces == NULL)
    return FALSE;
  caiji_face_guide (frame, faces, guidance);
  return TRUE;
}

/* What the candidate should do about it; NULL for OK. */
const char *
caiji_face_tip_message (CaijiFaceTip tip)
{
  switch (tip)
    {
    case CAIJI_FACE_TIP_NO_FACE:
      return caiji_text (CAIJI_TEXT_NO_FACE);
    case CAIJI_FACE_TIP_SEVERAL_FACES:
      return _("Only one person at a time, please");
    case CAIJI_FACE_TIP_TOO_FAR:
      return _("Please come closer");
    case CAIJI_FACE_TIP_TOO_CLOSE:
      return _("Please move back a little");
    case CAIJI_FACE_TIP_CUT_OFF:
      return _("Please keep your whole face inside the frame");
    case CAIJI_FACE_TIP_NOT_FRONTAL:
      return _("Please look straight at the camera");
    case CAIJI_FACE_TIP_TOO_DARK:
      return caiji_text (CAIJI_TEXT_TIP_TOO_DARK);
    case CAIJI_FACE_TIP_OK:
    default:
      return NULL;
    }
}
