/* caiji-capture-analyzer.c: the interface between the screens and the vision */
#include "caiji-config.h"

#include <math.h>
#include <string.h>

#include "caiji-capture-analyzer.h"
#include "caiji-texts.h"

G_DEFINE_QUARK (caiji-capture-analyzer-error-quark, caiji_capture_analyzer_error)
G_DEFINE_INTERFACE (CaijiCaptureAnalyzer, caiji_capture_analyzer, G_TYPE_OBJECT)

static void
caiji_capture_analyzer_default_init (CaijiCaptureAnalyzerInterface *iface)
{
}

CaijiCardTip
caiji_capture_analyzer_card_tip (CaijiCaptureAnalyzer *self,
                                 const CaijiImage     *frame)
{
  g_return_val_if_fail (CAIJI_IS_CAPTURE_ANALYZER (self), CAIJI_CARD_TIP_UNKNOWN);
  return CAIJI_CAPTURE_ANALYZER_GET_IFACE (self)->card_tip (self, frame);
}

CaijiCardReading *
caiji_capture_analyzer_read_card (CaijiCaptureAnalyzer *self,
                                  const CaijiImage     *image,
                                  CaijiCardSide         wanted,
                                  const char           *expected_name,
                                  CaijiCardTip         *tip,
                                  GError              **error)
{
  CaijiCardTip ignored;

  g_return_val_if_fail (CAIJI_IS_CAPTURE_ANALYZER (self), NULL);
  return CAIJI_CAPTURE_ANALYZER_GET_IFACE (self)->read_card (self, image, wanted, expected_name,
                                                             tip != NULL ? tip : &ignored, error);
}

gboolean
caiji_capture_analyzer_check_photo (CaijiCaptureAnalyzer *self,
                                    const CaijiImage     *photo,
                                    gboolean              from_camera,
                                    CaijiPhotoCheck      *check,
                                    GError              **error)
{
  g_return_val_if_fail (CAIJI_IS_CAPTURE_ANALYZER (self), FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  check->faces = 0;
  check->problem = NULL;
  check->quality = NAN;
  return CAIJI_CAPTURE_ANALYZER_GET_IFACE (self)->check_photo (self, photo, from_camera, check, error);
}

gboolean
caiji_capture_analyzer_find_face (CaijiCaptureAnalyzer *self,
                                  const CaijiImage     *frame,
                                  gboolean             *has_face,
                                  graphene_rect_t      *box,
                                  GError              **error)
{
  g_return_val_if_fail (CAIJI_IS_CAPTURE_ANALYZER (self), FALSE);
  g_return_val_if_fail (has_face != NULL && box != NULL, FALSE);

  *has_face = FALSE;
  graphene_rect_init (box, 0, 0, 0, 0);
  return CAIJI_CAPTURE_ANALYZER_GET_IFACE (self)->find_face (self, frame, has_face, box, error);
}

CaijiFaceOutcome
caiji_capture_analyzer_match_face (CaijiCaptureAnalyzer *self,
                                   const CaijiImage     *live,
                                   GBytes               *id_photo,
                                   double               *score,
                                   double               *threshold)
{
  g_return_val_if_fail (CAIJI_IS_CAPTURE_ANALYZER (self), CAIJI_FACE_OUTCOME_UNAVAILABLE);
  g_return_val_if_fail (score != NULL && threshold != NULL, CAIJI_FACE_OUTCOME_UNAVAILABLE);

  *score = NAN;
  *threshold = NAN;
  return CAIJI_CAPTURE_ANALYZER_GET_IFACE (self)->match_face (self, live, id_photo, score, threshold);
}

gboolean
caiji_capture_analyzer_sight_face (CaijiCaptureAnalyzer *self,
                                   const CaijiImage     *frame,
                                   CaijiFaceSighting    *sighting,
                                   GError              **error)
{
  CaijiCaptureAnalyzerInterface *iface;

  g_return_val_if_fail (CAIJI_IS_CAPTURE_ANALYZER (self), FALSE);
  g_return_val_if_fail (sighting != NULL, FALSE);

  iface = CAIJI_CAPTURE_ANALYZER_GET_IFACE (self);
  memset (sighting, 0, sizeof *sighting);
  sighting->yaw = NAN;
  if (iface->sight_face != NULL)
    return iface->sight_face (self, frame, sighting, error);
  /* Only detection: a face is all the guidance there is. */
  if (!caiji_capture_analyzer_find_face (self, frame, &sighting->has_face, &sighting->box, error))
    return FALSE;
  sighting->good = sighting->has_face;
  sighting->faces = sighting->has_face ? 1 : 0;
  sighting->tip = sighting->has_face ? NULL : caiji_text (CAIJI_TEXT_NO_FACE);
  return TRUE;
}

/* NULL for UNKNOWN: there is nothing honest to say about an unanalysed frame. */
const char *
caiji_card_tip_text (CaijiCardTip tip)
{
  switch (tip)
    {
    case CAIJI_CARD_TIP_STANDARD:
      return caiji_text (CAIJI_TEXT_TIP_STANDARD);
    case CAIJI_CARD_TIP_BORDER_MISSING:
      return caiji_text (CAIJI_TEXT_TIP_BORDER_MISSING);
    case CAIJI_CARD_TIP_BLURRY:
      return caiji_text (CAIJI_TEXT_TIP_BLURRY);
    case CAIJI_CARD_TIP_GLARE:
      return caiji_text (CAIJI_TEXT_TIP_GLARE);
    case CAIJI_CARD_TIP_UNKNOWN:
    default:
      return NULL;
    }
}
