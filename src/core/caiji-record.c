/* caiji-record.c: record statuses, their allowed transitions and texts */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "caiji-record.h"
#include "caiji-texts.h"

static const char *const status_names[CAIJI_RECORD_N_STATUSES] = {
  [CAIJI_RECORD_DRAFT] = "draft",
  [CAIJI_RECORD_CAPTURED] = "captured",
  [CAIJI_RECORD_PENDING_REVIEW] = "pending_review",
  [CAIJI_RECORD_APPROVED] = "approved",
  [CAIJI_RECORD_REJECTED] = "rejected",
  [CAIJI_RECORD_SYNCED] = "synced",
};

static const char *const image_kind_names[CAIJI_IMAGE_N_KINDS] = {
  [CAIJI_IMAGE_CARD_FRONT] = "card_front",
  [CAIJI_IMAGE_CARD_BACK] = "card_back",
  [CAIJI_IMAGE_ID_PHOTO] = "id_photo",
  [CAIJI_IMAGE_FACE] = "face",
};

const char *
caiji_record_status_to_string (CaijiRecordStatus status)
{
  g_return_val_if_fail (status < CAIJI_RECORD_N_STATUSES, "invalid");
  return status_names[status];
}

gboolean
caiji_record_status_from_string (const char        *text,
                                 CaijiRecordStatus *status)
{
  for (guint i = 0; i < CAIJI_RECORD_N_STATUSES; i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
caiji_record_status_display_name (CaijiRecordStatus status)
{
  switch (status)
    {
    case CAIJI_RECORD_DRAFT:
      return _("Capture in progress");
    case CAIJI_RECORD_CAPTURED:
      return _("Captured, awaiting approval");
    case CAIJI_RECORD_PENDING_REVIEW:
      return _("Submitted for manual review");
    case CAIJI_RECORD_APPROVED:
      return _("Approved");
    case CAIJI_RECORD_REJECTED:
      return _("Not approved");
    case CAIJI_RECORD_SYNCED:
      return _("Approved and delivered");
    case CAIJI_RECORD_N_STATUSES:
    default:
      g_return_val_if_reached ("");
    }
}

/* The seed: payment opens only after approval, never after a rejection. */
const char *
caiji_record_status_payment_text (CaijiRecordStatus status)
{
  switch (status)
    {
    case CAIJI_RECORD_APPROVED:
    case CAIJI_RECORD_SYNCED:
      return caiji_text (CAIJI_TEXT_PAYMENT_OPEN);
    case CAIJI_RECORD_REJECTED:
      return caiji_text (CAIJI_TEXT_PAYMENT_REJECTED);
    case CAIJI_RECORD_DRAFT:
    case CAIJI_RECORD_CAPTURED:
    case CAIJI_RECORD_PENDING_REVIEW:
    case CAIJI_RECORD_N_STATUSES:
    default:
      return caiji_text (CAIJI_TEXT_PAYMENT_AFTER_APPROVAL);
    }
}

gboolean
caiji_record_status_can_transition (CaijiRecordStatus from,
                                    CaijiRecordStatus to)
{
  switch (from)
    {
    case CAIJI_RECORD_DRAFT:
      return to == CAIJI_RECORD_CAPTURED || to == CAIJI_RECORD_PENDING_REVIEW;
    case CAIJI_RECORD_CAPTURED:
    case CAIJI_RECORD_PENDING_REVIEW:
      return to == CAIJI_RECORD_APPROVED || to == CAIJI_RECORD_REJECTED;
    case CAIJI_RECORD_APPROVED:
      return to == CAIJI_RECORD_SYNCED;
    case CAIJI_RECORD_REJECTED:
    case CAIJI_RECORD_SYNCED:
    case CAIJI_RECORD_N_STATUSES:
    default:
      return FALSE;
    }
}

const char *
caiji_image_kind_to_string (CaijiImageKind kind)
{
  g_return_val_if_fail (kind < CAIJI_IMAGE_N_KINDS, "invalid");
  return image_kind_names[kind];
}

gboolean
caiji_image_kind_from_string (const char     *text,
                              CaijiImageKind *kind)
{
  for (guint i = 0; i < CAIJI_IMAGE_N_KINDS; i++)
    if (g_strcmp0 (text, image_kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

CaijiStatusChange *
caiji_status_change_new (CaijiRecordStatus status,
                         const char       *reason,
                         const char       *actor,
                         gint64            at)
{
  CaijiStatusChange *change = g_new0 (CaijiStatusChange, 1);

  change->status = status;
  change->reason = g_strdup (reason);
  change->actor = g_strdup (actor);
  change->at = at;
  return change;
}

void
caiji_status_change_free (CaijiStatusChange *change)
{
  if (change == NULL)
    return;
  g_free (change->reason);
  g_free (change->actor);
  g_free (change);
}

CaijiRecord *
caiji_record_new (void)
{
  CaijiRecord *record = g_new0 (CaijiRecord, 1);

  record->face_score = NAN;
  record->face_threshold = NAN;
  record->history = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_status_change_free);
  return record;
}

void
caiji_record_free (CaijiRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->student_no);
  g_free (record->id_number);
  g_free (record->card_name);
  g_free (record->card_id_number);
  g_free (record->reject_reason);
  g_free (record->correction_note);
  g_ptr_array_unref (record->history);
  g_free (record);
}
