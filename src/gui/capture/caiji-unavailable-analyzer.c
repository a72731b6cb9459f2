/* caiji-unavailable-analyzer.c: the analyzer of a kiosk without vision
 *
 * Says "unavailable" to everything, so the screens can take pictures but
 * never accept one they could not check: step 1 keeps the card slots
 * empty and the wizard refuses 下一步 with its own prompts, and step 3's
 * comparison answers CAIJI_FACE_OUTCOME_UNAVAILABLE, which sends the
 * candidate down the seed's 拍照审核 → 提交审核 manual-review path.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-capture-analyzer.h"

#define CAIJI_TYPE_UNAVAILABLE_ANALYZER (caiji_unavailable_analyzer_get_type ())
G_DECLARE_FINAL_TYPE (CaijiUnavailableAnalyzer, caiji_unavailable_analyzer, CAIJI, UNAVAILABLE_ANALYZER, GObject)

struct _CaijiUnavailableAnalyzer {
  GObject parent_instance;
};

static void analyzer_iface_init (CaijiCaptureAnalyzerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaijiUnavailableAnalyzer, caiji_unavailable_analyzer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CAIJI_TYPE_CAPTURE_ANALYZER, analyzer_iface_init))

static gboolean
unavailable (GError    **error,
             const char *what)
{
  g_set_error_literal (error, CAIJI_CAPTURE_ANALYZER_ERROR, CAIJI_CAPTURE_ANALYZER_ERROR_UNAVAILABLE, what);
  return FALSE;
}

static CaijiCardTip
card_tip (CaijiCaptureAnalyzer *analyzer,
          const CaijiImage     *frame)
{
  return CAIJI_CARD_TIP_UNKNOWN;
}

static CaijiCardReading *
read_card (CaijiCaptureAnalyzer *analyzer,
           const CaijiImage     *image,
           CaijiCardSide         wanted,
           const char           *expected_name,
           CaijiCardTip         *tip,
           GError              **error)
{
  *tip = CAIJI_CARD_TIP_UNKNOWN;
  unavailable (error, _("Automatic ID card reading is not available on this kiosk, so the card cannot be accepted here. Please ask the operator for help."));
  return NULL;
}

static gboolean
check_photo (CaijiCaptureAnalyzer *analyzer,
             const CaijiImage     *photo,
             gboolean              from_camera,
             CaijiPhotoCheck      *check,
             GError              **error)
{
  return unavailable (error, _("Automatic ID photo checking is not available on this kiosk, so the photo cannot be accepted here. Please ask the operator for help."));
}

static gboolean
find_face (CaijiCaptureAnalyzer *analyzer,
           const CaijiImage     *frame,
           gboolean             *has_face,
           graphene_rect_t      *box,
           GError              **error)
{
  return unavailable (error, _("Automatic face detection is not available on this kiosk. Please ask the operator for help."));
}

static CaijiFaceOutcome
match_face (CaijiCaptureAnalyzer *analyzer,
            const CaijiImage     *live,
            GBytes               *id_photo,
            double               *score,
            double               *threshold)
{
  return CAIJI_FACE_OUTCOME_UNAVAILABLE;
}

static void
analyzer_iface_init (CaijiCaptureAnalyzerInterface *iface)
{
  iface->card_tip = card_tip;
  iface->read_card = read_card;
  iface->check_photo = check_photo;
  iface->find_face = find_face;
  iface->match_face = match_face;
}

static void
caiji_unavailable_analyzer_class_init (CaijiUnavailableAnalyzerClass *klass)
{
}

static void
caiji_unavailable_analyzer_init (CaijiUnavailableAnalyzer *self)
{
}

CaijiCaptureAnalyzer *
caiji_capture_analyzer_new_unavailable (void)
{
  return g_object_new (CAIJI_TYPE_UNAVAILABLE_ANALYZER, NULL);
}
