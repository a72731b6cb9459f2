/* caiji-capture-analyzer.h: what the capture screens ask of the vision
 *
 * The screens never call OpenCV themselves: they hand a camera frame, a
 * still or a file's picture to an analyzer on a worker thread and show
 * what comes back.  The kiosk's analyzer wraps src/vision; while a part of
 * the vision is not installed (a model, the OCR data), that part answers
 * CAIJI_CAPTURE_ANALYZER_ERROR_UNAVAILABLE (or CAIJI_FACE_OUTCOME_UNAVAILABLE
 * for the 1:1 comparison) and the screens say so instead of passing.  The
 * tests put a scripted analyzer here.
 *
 * Every method is called on a worker thread, possibly several at once.
 */
#pragma once

#include <gio/gio.h>
#include <graphene.h>

#include "caiji-card-reading.h"
#include "caiji-image.h"
#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_CAPTURE_ANALYZER_ERROR (caiji_capture_analyzer_error_quark ())

typedef enum {
  CAIJI_CAPTURE_ANALYZER_ERROR_UNAVAILABLE,  /* this kind of analysis is not installed */
} CaijiCaptureAnalyzerError;

/* Step 1's live tips: 标准 / 边框缺失 / 照片模糊 / 闪光强烈. */
typedef enum {
  CAIJI_CARD_TIP_UNKNOWN,        /* not analysed */
  CAIJI_CARD_TIP_STANDARD,
  CAIJI_CARD_TIP_BORDER_MISSING,
  CAIJI_CARD_TIP_BLURRY,
  CAIJI_CARD_TIP_GLARE,
} CaijiCardTip;

/* Step 2: what the ID photo check found. */
typedef struct {
  guint   faces;
  char   *problem;   /* a user-readable reason to refuse it, or NULL */
  double  quality;   /* 0 … 1 */
  GBytes *standard;  /* the standard photo (JPEG) to keep instead of the upload, or NULL */
} CaijiPhotoCheck;

/* Step 3's live guidance for one preview frame. */
typedef struct {
  gboolean         has_face;  /* the candidate's face was found: box is set */
  guint            faces;     /* faces near enough to be at the kiosk */
  graphene_rect_t  box;       /* in the frame's pixels */
  gboolean         good;      /* one face, near enough, frontal, lit: fit to compare */
  const char      *tip;       /* what to do about it (static, translated); NULL when good */
  double           yaw;       /* head-turn signal for the liveness check; NAN when unknown */
} CaijiFaceSighting;

#define CAIJI_TYPE_CAPTURE_ANALYZER (caiji_capture_analyzer_get_type ())
G_DECLARE_INTERFACE (CaijiCaptureAnalyzer, caiji_capture_analyzer, CAIJI, CAPTURE_ANALYZER, GObject)

struct _CaijiCaptureAnalyzerInterface {
  GTypeInterface parent_iface;

  /* The live tip for a preview frame. */
  CaijiCardTip      (*card_tip)    (CaijiCaptureAnalyzer *self,
                                    const CaijiImage     *frame);
  /* Side and fields of a still or a file; side NONE for a non-card.
   * expected_name (the signed-in candidate's) helps confirm a name the
   * OCR read uncertainly; the wizard still checks it. */
  CaijiCardReading *(*read_card)   (CaijiCaptureAnalyzer *self,
                                    const CaijiImage     *image,
                                    CaijiCardSide         wanted,
                                    const char           *expected_name,
                                    CaijiCardTip         *tip,
                                    GError              **error);
  /* from_camera: a still of the kiosk's own camera, which nobody could
   * have retouched, rather than an uploaded file. */
  gboolean          (*check_photo) (CaijiCaptureAnalyzer *self,
                                    const CaijiImage     *photo,
                                    gboolean              from_camera,
                                    CaijiPhotoCheck      *check,
                                    GError              **error);
  /* box: in the frame's pixels, set when a face was found. */
  gboolean          (*find_face)   (CaijiCaptureAnalyzer *self,
                                    const CaijiImage     *frame,
                                    gboolean             *has_face,
                                    graphene_rect_t      *box,
                                    GError              **error);
  CaijiFaceOutcome  (*match_face)  (CaijiCaptureAnalyzer *self,
                                    const CaijiImage     *live,
                                    GBytes               *id_photo,
                                    double               *score,
                                    double               *threshold);
  /* Optional: the guidance and head pose for a preview frame.  Without
   * it, find_face() answers and no liveness can be checked. */
  gboolean          (*sight_face)  (CaijiCaptureAnalyzer *self,
                                    const CaijiImage     *frame,
                                    CaijiFaceSighting    *sighting,
                                    GError              **error);
};

GQuark            caiji_capture_analyzer_error_quark (void);

CaijiCardTip      caiji_capture_analyzer_card_tip    (CaijiCaptureAnalyzer *self,
                                                      const CaijiImage     *frame);
CaijiCardReading *caiji_capture_analyzer_read_card   (CaijiCaptureAnalyzer *self,
                                                      const CaijiImage     *image,
                                                      CaijiCardSide         wanted,
                                                      const char           *expected_name,
                                                      CaijiCardTip         *tip,
                                                      GError              **error);
gboolean          caiji_capture_analyzer_check_photo (CaijiCaptureAnalyzer *self,
                                                      const CaijiImage     *photo,
                                                      gboolean              from_camera,
                                                      CaijiPhotoCheck      *check,
                                                      GError              **error);
gboolean          caiji_capture_analyzer_find_face   (CaijiCaptureAnalyzer *self,
                                                      const CaijiImage     *frame,
                                                      gboolean             *has_face,
                                                      graphene_rect_t      *box,
                                                      GError              **error);
CaijiFaceOutcome  caiji_capture_analyzer_match_face  (CaijiCaptureAnalyzer *self,
                                                      const CaijiImage     *live,
                                                      GBytes               *id_photo,
                                                      double               *score,
                                                      double               *threshold);
gboolean          caiji_capture_analyzer_sight_face  (CaijiCaptureAnalyzer *self,
                                                      const CaijiImage     *frame,
                                                      CaijiFaceSighting    *sighting,
                                                      GError              **error);

const char       *caiji_card_tip_text                (CaijiCardTip          tip);

/* The kiosk's analyzer until the vision is wired in: nothing is analysed,
 * every method says it is unavailable. */
CaijiCaptureAnalyzer *caiji_capture_analyzer_new_unavailable (void);
/* The analyzer on src/vision: card reading, face detection and 1:1
 * comparison, each "unavailable" while its data or model is missing. */
CaijiCaptureAnalyzer *caiji_capture_analyzer_new_vision      (void);

G_END_DECLS
