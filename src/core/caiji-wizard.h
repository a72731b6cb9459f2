/* caiji-wizard.h: the seed's capture flow as a state machine
 *
 * identify → 学生信息复核 → intro → 证件识别 → 照片识别 → 人脸识别
 *          → 识别通过 (captured) | 提交审核 (pending review)
 *
 * Pure GLib: the kiosk, the CLI and the tests drive the same object.  The
 * wizard never runs vision itself; callers feed it what the camera, the
 * files or the chip reader produced.  Every input is an event.  An event
 * is checked against the page it was issued from and the current state
 * (so a double press can never advance twice or skip a step), its store
 * work runs (on a worker thread with the _async variant), and only then
 * does the state change and "changed" fire.
 */
#pragma once

#include <gio/gio.h>

#include "caiji-candidate.h"
#include "caiji-card-reading.h"
#include "caiji-record.h"
#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_WIZARD_ERROR (caiji_wizard_error_quark ())

typedef enum {
  CAIJI_WIZARD_ERROR_STALE,              /* issued from another page or state: ignore quietly */
  CAIJI_WIZARD_ERROR_BUSY,               /* the previous input is still being saved */
  CAIJI_WIZARD_ERROR_REFUSED,            /* show the message: it is the seed's prompt */
  CAIJI_WIZARD_ERROR_INVALID_ID,
  CAIJI_WIZARD_ERROR_UNKNOWN_CANDIDATE,
  CAIJI_WIZARD_ERROR_WRONG_PASSWORD,
  CAIJI_WIZARD_ERROR_LOCKED,
  CAIJI_WIZARD_ERROR_SAVE_FAILED,        /* nothing changed; the store said why */
} CaijiWizardError;

typedef enum {
  CAIJI_WIZARD_PAGE_IDENTIFY,
  CAIJI_WIZARD_PAGE_REVIEW_INFO,         /* 学生信息复核 */
  CAIJI_WIZARD_PAGE_INTRO,               /* 我已知晓,开始采集 */
  CAIJI_WIZARD_PAGE_CARD,                /* step 1 证件识别 */
  CAIJI_WIZARD_PAGE_PHOTO,               /* step 2 照片识别 */
  CAIJI_WIZARD_PAGE_FACE,                /* step 3 人脸识别 */
  CAIJI_WIZARD_PAGE_PASSED,              /* 识别通过,完成照片采集 */
  CAIJI_WIZARD_PAGE_SUBMITTED,           /* 提交审核 done */
} CaijiWizardPage;

typedef enum {
  CAIJI_WIZARD_ACTION_CONFIRM,           /* 确认 */
  CAIJI_WIZARD_ACTION_START_CAPTURE,     /* 我已知晓,开始采集 */
  CAIJI_WIZARD_ACTION_PREVIOUS,          /* 上一步 */
  CAIJI_WIZARD_ACTION_NEXT,              /* 下一步 */
  CAIJI_WIZARD_ACTION_HOME,              /* 首页 */
  CAIJI_WIZARD_ACTION_RETRY_RECOGNITION, /* 重新识别 */
  CAIJI_WIZARD_ACTION_START_RECOGNITION, /* 开始识别 */
  CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW,  /* 拍照审核 */
  CAIJI_WIZARD_ACTION_RETAKE,            /* 重拍 */
  CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW, /* 提交审核 */
} CaijiWizardAction;

typedef enum {
  CAIJI_SLOT_EMPTY,
  CAIJI_SLOT_ACCEPTED,
  CAIJI_SLOT_REFUSED,
} CaijiSlotState;

/* Step 3's sub-states, each with the seed's prompt and buttons. */
typedef enum {
  CAIJI_FACE_STATE_NO_FACE,       /* 未识别到人脸 */
  CAIJI_FACE_STATE_DETECTED,      /* 检测人脸图像如图: 重新识别 / 开始识别 */
  CAIJI_FACE_STATE_MATCHING,      /* comparison running */
  CAIJI_FACE_STATE_FAILED,        /* 人脸识别不通过: 重新识别 / 拍照审核 */
  CAIJI_FACE_STATE_CAPTURING,     /* 拍照审核 pressed, waiting for the snapshot */
  CAIJI_FACE_STATE_REVIEW_PHOTO,  /* 人脸采集照片如图: 重拍 / 提交审核 */
} CaijiFaceState;

typedef enum {
  CAIJI_FACE_OUTCOME_MATCH,
  CAIJI_FACE_OUTCOME_NO_MATCH,
  CAIJI_FACE_OUTCOME_UNAVAILABLE,  /* no face matcher on this kiosk: manual review path */
  CAIJI_FACE_OUTCOME_NOT_LIVE,     /* the liveness challenge was not met: 人脸识别不通过 */
} CaijiFaceOutcome;

typedef struct _CaijiWizardEvent CaijiWizardEvent;

CaijiWizardEvent *caiji_wizard_event_new_action        (CaijiWizardPage         from_page,
                                                        CaijiWizardAction       action);
CaijiWizardEvent *caiji_wizard_event_new_sign_in       (const char             *id_number,
                                                        const char             *password);
CaijiWizardEvent *caiji_wizard_event_new_card_tap      (const CaijiCardReading *chip);
CaijiWizardEvent *caiji_wizard_event_new_correction    (const char             *note);
CaijiWizardEvent *caiji_wizard_event_new_card_image    (CaijiCardSide           slot,
                                                        const CaijiCardReading *reading,
                                                        GBytes                 *jpeg);
CaijiWizardEvent *caiji_wizard_event_new_id_photo      (guint                   faces,
                                                        const char             *problem,
                                                        double                  quality,
                                                        GBytes                 *jpeg);
CaijiWizardEvent *caiji_wizard_event_new_face_seen     (gboolean                has_face);
CaijiWizardEvent *caiji_wizard_event_new_face_result   (CaijiFaceOutcome        outcome,
                                                        double                  score,
                                                        double                  threshold,
                                                        GBytes                 *jpeg);
CaijiWizardEvent *caiji_wizard_event_new_review_photo  (GBytes                 *jpeg);
void              caiji_wizard_event_free              (CaijiWizardEvent       *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiWizardEvent, caiji_wizard_event_free)

#define CAIJI_TYPE_WIZARD (caiji_wizard_get_type ())
G_DECLARE_FINAL_TYPE (CaijiWizard, caiji_wizard, CAIJI, WIZARD, GObject)

GQuark                  caiji_wizard_error_quark        (void);

CaijiWizard            *caiji_wizard_new                (CaijiStore             *store);

gboolean                caiji_wizard_dispatch           (CaijiWizard            *self,
                                                         const CaijiWizardEvent *event,
                                                         GError                **error);
void                    caiji_wizard_dispatch_async     (CaijiWizard            *self,
                                                         CaijiWizardEvent       *event,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
gboolean                caiji_wizard_dispatch_finish    (CaijiWizard            *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);
gboolean                caiji_wizard_activate           (CaijiWizard            *self,
                                                         CaijiWizardPage         from_page,
                                                         CaijiWizardAction       action,
                                                         GError                **error);
void                    caiji_wizard_reset              (CaijiWizard            *self);

CaijiWizardPage         caiji_wizard_get_page           (CaijiWizard            *self);
CaijiStore             *caiji_wizard_get_store          (CaijiWizard            *self);
gboolean                caiji_wizard_is_busy            (CaijiWizard            *self);
const CaijiCandidate   *caiji_wizard_get_candidate      (CaijiWizard            *self);
gint64                  caiji_wizard_get_record_id      (CaijiWizard            *self);
CaijiRecordStatus       caiji_wizard_get_record_status  (CaijiWizard            *self);
CaijiSlotState          caiji_wizard_get_card_slot      (CaijiWizard            *self,
                                                         CaijiCardSide           slot);
const char             *caiji_wizard_get_card_name      (CaijiWizard            *self);
const char             *caiji_wizard_get_card_id_number (CaijiWizard            *self);
GBytes                 *caiji_wizard_get_image          (CaijiWizard            *self,
                                                         CaijiImageKind          kind);
const char             *caiji_wizard_get_photo_button_label (CaijiWizard        *self);
CaijiFaceState          caiji_wizard_get_face_state     (CaijiWizard            *self);
const char             *caiji_wizard_get_face_prompt    (CaijiWizard            *self);
gboolean                caiji_wizard_get_matcher_unavailable (CaijiWizard       *self);
double                  caiji_wizard_get_face_score     (CaijiWizard            *self);

/* Tests replace the clock that times the sign-in lockout (microseconds). */
void                    caiji_wizard_set_clock          (CaijiWizard            *self,
                                                         gint64                (*now) (void));

#define CAIJI_WIZARD_MAX_SIGN_IN_FAILURES 5
#define CAIJI_WIZARD_LOCKOUT_SECONDS      300

G_END_DECLS
