/* caiji-record.h: a capture record, its status life cycle and its images */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* draft → captured (face passed) | pending_review (submitted)
 *       → approved | rejected (with reason) ; approved → synced */
typedef enum {
  CAIJI_RECORD_DRAFT,
  CAIJI_RECORD_CAPTURED,
  CAIJI_RECORD_PENDING_REVIEW,
  CAIJI_RECORD_APPROVED,
  CAIJI_RECORD_REJECTED,
  CAIJI_RECORD_SYNCED,
  CAIJI_RECORD_N_STATUSES
} CaijiRecordStatus;

typedef enum {
  CAIJI_IMAGE_CARD_FRONT,
  CAIJI_IMAGE_CARD_BACK,
  CAIJI_IMAGE_ID_PHOTO,
  CAIJI_IMAGE_FACE,
  CAIJI_IMAGE_N_KINDS
} CaijiImageKind;

typedef struct {
  CaijiRecordStatus status;
  char             *reason;    /* nullable */
  char             *actor;     /* operator name or "candidate" */
  gint64            at;        /* unix seconds */
} CaijiStatusChange;

typedef struct {
  gint64            id;
  char             *uuid;
  char             *student_no;
  char             *id_number;
  CaijiRecordStatus status;
  char             *card_name;        /* as read from the card front */
  char             *card_id_number;
  double            face_score;       /* NAN when no comparison ran */
  double            face_threshold;   /* NAN when no comparison ran */
  char             *reject_reason;
  char             *correction_note;  /* 申请复核 note, nullable */
  gint64            created_at;
  gint64            updated_at;
  GPtrArray        *history;          /* CaijiStatusChange*, oldest first */
  gboolean          damaged;          /* a protected field did not open; it is NULL */
} CaijiRecord;

const char       *caiji_record_status_to_string      (CaijiRecordStatus status);
gboolean          caiji_record_status_from_string    (const char       *text,
                                                      CaijiRecordStatus *status);
const char       *caiji_record_status_display_name   (CaijiRecordStatus status);
const char       *caiji_record_status_payment_text   (CaijiRecordStatus status);
gboolean          caiji_record_status_can_transition (CaijiRecordStatus from,
                                                      CaijiRecordStatus to);

const char       *caiji_image_kind_to_string         (CaijiImageKind    kind);
gboolean          caiji_image_kind_from_string       (const char       *text,
                                                      CaijiImageKind   *kind);

CaijiRecord      *caiji_record_new                   (void);
void              caiji_record_free                  (CaijiRecord      *record);
CaijiStatusChange *caiji_status_change_new           (CaijiRecordStatus status,
                                                      const char       *reason,
                                                      const char       *actor,
                                                      gint64            at);
void              caiji_status_change_free           (CaijiStatusChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiRecord, caiji_record_free)

G_END_DECLS
