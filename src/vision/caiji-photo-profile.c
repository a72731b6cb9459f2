/* caiji-photo-profile.c: the photo profiles and what each problem is called
 *
 * 学信网 (xuexin) is the default: 480×640 (3:4), JPEG 20–40 KB, face width
 * 180–300 px, eyes 200–300 px from the top, as its upload page states.
 * GA 461-2004 (the resident ID card photo, ga461): 358×441 at 350 dpi,
 * face width 207 ± 14 px, hairline 7–21 px from the top, eyes at least
 * 207 px above the bottom (so at most 234 from the top).  GA 461 gives no
 * lower bound for the eyes: 140 px assumes the hairline about 1.1 eye
 * distances above the eyes and an eye distance of about face width / 2.1
 * (both measured on the shared faces), which puts the hairline near the
 * 7–21 px the standard asks for.  GA 461 sets no file size, and lets
 * people who always wear glasses keep them on.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-photo-check.h"
#include "caiji-texts.h"

static const CaijiPhotoProfile profiles[] = {
  { "xuexin", 480, 640, 180, 300, 200, 300, 20 * 1024, 40 * 1024, FALSE },
  { "ga461", 358, 441, 193, 221, 140, 234, 0, 0, TRUE },
};

static const char *const profile_names[] = { "xuexin", "ga461", NULL };

typedef struct {
  const char *code;
  const char *message;   /* N_() msgid, or NULL for a caiji_text () */
} ProblemText;

/* Indexed by CaijiPhotoProblem. */
static const ProblemText problem_texts[CAIJI_PHOTO_N_PROBLEMS] = {
  { "no_face", NULL },
  { "several_faces", NULL },
  { "cut_off", N_("The photo is incomplete: part of your head or shoulders is cut off. Please upload a photo that shows your whole head and shoulders.") },
  { "not_centred", N_("Your face is too close to the edge of this photo. Please upload a photo with your face in the middle.") },
  { "face_too_small", N_("The face in this photo is too small. Please upload a larger photo in which your face fills more of the picture.") },
  { "pose", N_("Please face the camera directly: your head is turned or tilted in this photo.") },
  { "eyes_hidden", N_("Your eyes must be open and clearly visible. Please upload a photo in which nothing covers your eyes.") },
  { "glasses", N_("Glasses are not allowed. Please upload a photo without glasses.") },
  { "hat", N_("Hats are not allowed. Please upload a photo without a hat or head covering.") },
  { "blurry", N_("The photo is blurry. Please upload a sharp photo.") },
  { "too_dark", N_("The lighting is too dark. Please upload a photo taken in good light.") },
  { "overexposed", N_("The photo is overexposed. Please upload a photo without strong light or flash on your face.") },
  { "uneven_light", N_("There is a shadow on your face. Please upload a photo with even light on both sides of your face.") },
  { "background", N_("The background must be plain and light. Please upload a photo taken in front of a plain white or light blue wall.") },
  { "beauty_filter", N_("This photo looks retouched with a beauty filter. Please upload an unedited photo.") },
};

const CaijiPhotoProfile *
caiji_photo_profile_default (void)
{
  return &profiles[0];
}

const CaijiPhotoProfile *
caiji_photo_profile_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    if (g_strcmp0 (name, profiles[i].name) == 0)
      return &profiles[i];
  return NULL;
}

const char *const *
caiji_photo_profile_names (void)
{
  return profile_names;
}

const char *
caiji_photo_problem_code (CaijiPhotoProblem problem)
{
  g_return_val_if_fail (problem < CAIJI_PHOTO_N_PROBLEMS, NULL);
  return problem_texts[problem].code;
}

const char *
caiji_photo_problem_message (CaijiPhotoProblem problem)
{
  g_return_val_if_fail (problem < CAIJI_PHOTO_N_PROBLEMS, NULL);
  if (problem == CAIJI_PHOTO_PROBLEM_NO_FACE)
    return caiji_text (CAIJI_TEXT_NO_FACE);
  if (problem == CAIJI_PHOTO_PROBLEM_SEVERAL_FACES)
    return caiji_text (CAIJI_TEXT_SEVERAL_FACES);
  return _(problem_texts[problem].message);
}

gboolean
caiji_photo_report_has (const CaijiPhotoReport *report,
                        CaijiPhotoProblem       problem)
{
  return (report->problems & (1u << problem)) != 0;
}

CaijiPhotoProblem
caiji_photo_report_first (const CaijiPhotoReport *report)
{
  for (guint problem = 0; problem < CAIJI_PHOTO_N_PROBLEMS; problem++)
    if (caiji_photo_report_has (report, problem))
      return problem;
  return CAIJI_PHOTO_N_PROBLEMS;
}

void
caiji_photo_report_free (CaijiPhotoReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->standard, caiji_image_free);
  g_clear_pointer (&report->standard_jpeg, g_bytes_unref);
  g_free (report);
}
