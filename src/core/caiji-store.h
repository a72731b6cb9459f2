/* caiji-store.h: the kiosk's offline SQLite store
 *
 * One SQLite file in WAL mode (synchronous=FULL, foreign keys on) holds the
 * roster, the capture records with their status history and images, the
 * correction requests, the audit log and the sync outbox.  ID numbers
 * and image bytes are sealed (caiji-crypto.h) with a data key that only
 * the kiosk's key file unlocks.  Every public
 * call that writes is exactly one transaction, so one user action is one
 * commit and a crash at any moment leaves either all of it or none of it.
 * A CaijiStore may be used from several threads; calls are serialised.
 */
#pragma once

#include <gio/gio.h>
#include <math.h>  /* NAN, for CAIJI_RECORD_UPDATE_INIT */

#include "caiji-candidate.h"
#include "caiji-record.h"

G_BEGIN_DECLS

#define CAIJI_STORE_ERROR (caiji_store_error_quark ())

typedef enum {
  CAIJI_STORE_ERROR_OPEN,         /* cannot open or create the file */
  CAIJI_STORE_ERROR_CORRUPT,      /* not a Caiji database, or damaged */
  CAIJI_STORE_ERROR_TOO_NEW,      /* written by a newer Caiji */
  CAIJI_STORE_ERROR_NOT_FOUND,    /* no such record */
  CAIJI_STORE_ERROR_INVALID,      /* the data breaks a rule (bad transition, missing reason, …) */
  CAIJI_STORE_ERROR_FULL,         /* disk full */
  CAIJI_STORE_ERROR_FAILED,       /* any other SQLite failure */
  CAIJI_STORE_ERROR_KEY,          /* the key file does not open this database */
  CAIJI_STORE_ERROR_DAMAGED,      /* one protected value was altered; the rest is fine */
} CaijiStoreError;

#define CAIJI_STORE_SCHEMA_VERSION 4

typedef struct {
  gint64  id;
  gint64  at;          /* unix seconds */
  char   *actor;
  char   *action;
  gint64  record_id;   /* 0 when the entry is about no record */
  char   *detail;      /* never image bytes, never a full ID number */
  char   *hash;        /* sha256 chaining this entry to the one before */
} CaijiAuditEntry;

typedef struct {
  char  *integrity;                                  /* "ok" when healthy */
  int    schema_version;
  gint64 roster;
  gint64 records;
  gint64 records_by_status[CAIJI_RECORD_N_STATUSES];
  gint64 images;
  gint64 corrections;
  gint64 audit;
  gint64 outbox_pending;
} CaijiStoreCheck;

/* Everything one user action changes in one record.  Fields left at their
 * CAIJI_RECORD_UPDATE_INIT values are not touched. */
typedef struct {
  const char       *actor;            /* required: "candidate:<学号>" or "operator:<name>" */
  const char       *action;           /* required: audit verb, e.g. "card.front.accepted" */
  const char       *audit_detail;     /* optional, no personal data */

  GBytes           *image;            /* optional JPEG bytes; replaces the same kind */
  CaijiImageKind    image_kind;
  double            image_quality;    /* NAN if not measured */
  double            image_match;      /* NAN if not measured */

  const char       *card_name;        /* optional */
  const char       *card_id_number;   /* optional */

  gboolean          set_face_result;
  double            face_score;
  double            face_threshold;

  const char       *correction_note;  /* optional: adds a correction request */

  gboolean          set_status;
  CaijiRecordStatus status;
  const char       *status_reason;    /* required when status is rejected */
} CaijiRecordUpdate;

#define CAIJI_RECORD_UPDATE_INIT { .image_quality = NAN, .image_match = NAN, \
                                   .face_score = NAN, .face_threshold = NAN }

#define CAIJI_TYPE_STORE (caiji_store_get_type ())
G_DECLARE_FINAL_TYPE (CaijiStore, caiji_store, CAIJI, STORE, GObject)

GQuark           caiji_store_error_quark              (void);

CaijiStore      *caiji_store_open                     (const char              *path,
                                                       GError                 **error);
void             caiji_store_open_async               (const char              *path,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
CaijiStore      *caiji_store_open_finish              (GAsyncResult            *result,
                                                       GError                 **error);
const char      *caiji_store_open_get_path            (GAsyncResult            *result);
const char      *caiji_store_get_path                 (CaijiStore              *self);
int              caiji_store_get_schema_version       (CaijiStore              *self);

/* roster */
gboolean         caiji_store_roster_put               (CaijiStore              *self,
                                                       GPtrArray               *candidates,
                                                       GError                 **error);
CaijiCandidate  *caiji_store_roster_find_by_id_number (CaijiStore              *self,
                                                       const char              *id_number,
                                                       GError                 **error);
CaijiCandidate  *caiji_store_roster_find_by_student_no (CaijiStore             *self,
                                                       const char              *student_no,
                                                       GError                 **error);
GPtrArray       *caiji_store_roster_list              (CaijiStore              *self,
                                                       GError                 **error);

/* records */
gint64           caiji_store_record_create            (CaijiStore              *self,
                                                       const char              *student_no,
                                                       const char              *actor,
                                                       GError                 **error);
gint64           caiji_store_record_resume_or_create  (CaijiStore              *self,
                                                       const char              *student_no,
                                                       const char              *actor,
                                                       GError                 **error);
gboolean         caiji_store_record_update            (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       const CaijiRecordUpdate *update,
                                                       GError                 **error);
CaijiRecord     *caiji_store_record_load              (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       GError                 **error);
CaijiRecord     *caiji_store_record_load_by_uuid      (CaijiStore              *self,
                                                       const char              *uuid,
                                                       GError                 **error);
GPtrArray       *caiji_store_record_list              (CaijiStore              *self,
                                                       const CaijiRecordStatus *status,
                                                       GError                 **error);
GBytes          *caiji_store_record_get_image         (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       CaijiImageKind           kind,
                                                       GError                 **error);

/* audit log and outbox */
gboolean         caiji_store_audit_append             (CaijiStore              *self,
                                                       const char              *actor,
                                                       const char              *action,
                                                       gint64                   record_id,
                                                       const char              *detail,
                                                       GError                 **error);
GPtrArray       *caiji_store_audit_list               (CaijiStore              *self,
                                                       GError                 **error);
void             caiji_audit_entry_free               (CaijiAuditEntry         *entry);
gboolean         caiji_store_audit_verify             (CaijiStore              *self,
                                                       gint64                  *first_bad,
                                                       char                   **problem,
                                                       GError                 **error);

/* data protection: a new data key for every sealed value */
gboolean         caiji_store_rekey                    (CaijiStore              *self,
                                                       GError                 **error);

/* retention: images of records the hub confirmed before @delivered_before
 * (unix seconds); returns the record ids (gint64) */
GArray          *caiji_store_purge_images             (CaijiStore              *self,
                                                       gint64                   delivered_before,
                                                       gboolean                 dry_run,
                                                       GError                 **error);

/* health */
gboolean         caiji_store_check                    (CaijiStore              *self,
                                                       CaijiStoreCheck         *check,
                                                       GError                 **error);
void             caiji_store_check_clear              (CaijiStoreCheck         *check);

/* sync outbox (caiji-store-outbox.c) */

/* One approved record waiting for the hub. */
typedef struct {
  gint64  record_id;
  char   *uuid;
  gint64  enqueued_at;
  int     attempts;
  gint64  next_attempt_at;   /* unix seconds */
  char   *last_error;        /* nullable: why the last attempt failed */
  gint64  last_attempt_at;   /* 0 if never tried */
  gint64  delivered_at;      /* 0 until the hub confirmed it */
  gint64  held_at;           /* 0 unless the hub refused it for good */
} CaijiOutboxEntry;

typedef struct {
  gint64  waiting;           /* not delivered, not held (due now or later) */
  gint64  due;               /* of those, due now */
  gint64  held;              /* refused by the hub, waiting for the operator */
  gint64  delivered;
  gint64  next_attempt_at;   /* earliest next attempt of the waiting ones, 0 if none */
  char   *last_error;        /* most recent failure among the undelivered, nullable */
} CaijiSyncCounts;

/* One stored image, its bytes and the sha256 computed when it was saved. */
typedef struct {
  CaijiImageKind  kind;
  GBytes         *data;
  char           *sha256;
} CaijiStoredImage;

GPtrArray       *caiji_store_outbox_list_due          (CaijiStore              *self,
                                                       gint64                   now,
                                                       guint                    limit,
                                                       GError                 **error);
GPtrArray       *caiji_store_outbox_list_held         (CaijiStore              *self,
                                                       GError                 **error);
gboolean         caiji_store_outbox_record_failure    (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       const char              *reason,
                                                       gint64                   next_attempt_at,
                                                       GError                 **error);
gboolean         caiji_store_outbox_hold              (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       const char              *reason,
                                                       GError                 **error);
gboolean         caiji_store_outbox_release           (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       const char              *actor,
                                                       GError                 **error);
gboolean         caiji_store_outbox_submit_for_review (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       const char              *actor,
                                                       GError                 **error);
gboolean         caiji_store_outbox_mark_delivered    (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       CaijiRecordStatus        sent_status,
                                                       const char              *actor,
                                                       const char              *detail,
                                                       GError                 **error);
CaijiOutboxEntry *caiji_store_outbox_get              (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       GError                 **error);
gboolean         caiji_store_sync_counts              (CaijiStore              *self,
                                                       gint64                   now,
                                                       CaijiSyncCounts         *counts,
                                                       GError                 **error);
void             caiji_sync_counts_clear              (CaijiSyncCounts         *counts);
void             caiji_outbox_entry_free              (CaijiOutboxEntry        *entry);

/* Small values the sync keeps between runs, such as feed cursors
 * (caiji-store-sync-state.c).  get: NULL without an error when unset. */
char            *caiji_store_sync_state_get           (CaijiStore              *self,
                                                       const char              *key,
                                                       GError                 **error);
gboolean         caiji_store_sync_state_set           (CaijiStore              *self,
                                                       const char              *key,
                                                       const char              *value,
                                                       GError                 **error);

/* Every image of a record, read in one go for an upload. */
GPtrArray       *caiji_store_record_images            (CaijiStore              *self,
                                                       gint64                   record_id,
                                                       GError                 **error);
void             caiji_stored_image_free              (CaijiStoredImage        *image);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiOutboxEntry, caiji_outbox_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiStoredImage, caiji_stored_image_free)

G_END_DECLS
