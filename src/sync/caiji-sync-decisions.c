/* caiji-sync-decisions.c: GET /api/v1/decisions into the records
 *
 * A decision applies only to a record still waiting for review: if the
 * desk decided first, the desk's decision stands (its record is already
 * on its way to the hub) and the central one is skipped.  Approval queues
 * the record for the hub again, in the same commit, as any approval does.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-sync-decisions.h"
#include "caiji-sync-feed.h"
#include "caiji-sync-payload.h"

/* Anything but the two verdicts is the hub's mistake, never a rejection
 * of the candidate: the page is refused and the record keeps waiting. */
static gboolean
status_of_verdict (const char        *verdict,
                   CaijiRecordStatus *status,
                   GError           **error)
{
  if (g_strcmp0 (verdict, "approved") == 0)
    *status = CAIJI_RECORD_APPROVED;
  else if (g_strcmp0 (verdict, "rejected") == 0)
    *status = CAIJI_RECORD_REJECTED;
  else
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB,
                   _("The hub sent a review decision “%s” that this kiosk does not know; the record keeps waiting for review."),
                   verdict != NULL ? verdict : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_decision (CaijiStore *store,
                JsonObject *decision,
                guint      *applied,
                GError    **error)
{
  const char *uuid = caiji_sync_json_text (decision, "uuid");
  const char *verdict = caiji_sync_json_text (decision, "decision");
  const char *reviewer = caiji_sync_json_text (decision, "reviewer");
  g_autoptr(CaijiRecord) record = uuid != NULL ? caiji_store_record_load_by_uuid (store, uuid, NULL) : NULL;
  g_autofree char *actor = g_strconcat ("hub:", reviewer != NULL ? reviewer : "?", NULL);
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  CaijiRecordStatus status;

  if (!status_of_verdict (verdict, &status, error))
    return FALSE;
  if (record == NULL || record->status != CAIJI_RECORD_PENDING_REVIEW)
    return TRUE;
  update.actor = actor;
  update.action = "review.central";
  update.set_status = TRUE;
  update.status = status;
  update.status_reason = caiji_sync_json_text (decision, "reason");
  if (!caiji_store_record_update (store, record->id, &update, error))
    return FALSE;
  (*applied)++;
  return TRUE;
}

static gboolean
apply_decisions (CaijiStore *store,
                 JsonArray  *items,
                 guint      *applied,
                 GError    **error)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && !apply_decision (store, json_node_get_object (node), applied, error))
        return FALSE;
    }
  return TRUE;
}

const CaijiFeed caiji_sync_decisions_feed = {
  .endpoint = "/api/v1/decisions",
  .list_member = "decisions",
  .cursor_key = CAIJI_SYNC_DECISIONS_CURSOR,
  .error_key = CAIJI_SYNC_DECISIONS_ERROR,
  .apply = apply_decisions,
};

gboolean
caiji_sync_pull_decisions (CaijiStore      *store,
                           CaijiSyncClient *client,
                           guint           *applied,
                           GCancellable    *cancellable,
                           GError         **error)
{
  return caiji_sync_feed_pull (store, client, &caiji_sync_decisions_feed, applied, cancellable, error);
}
