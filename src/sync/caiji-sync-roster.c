/* caiji-sync-roster.c: the hub's roster changes into the kiosk's store
 *
 * A page is one roster_put (one transaction); the store checks every
 * candidate as it does for a CSV import, so a bad ID number from the hub
 * is refused with the same reason.
 */
#include "caiji-config.h"

#include "caiji-sync-feed.h"
#include "caiji-sync-roster.h"

static CaijiCandidate *
candidate_from_json (JsonNode *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  CaijiCandidate *candidate = caiji_candidate_new ();

  if (object == NULL)
    return candidate;  /* empty: the store refuses it with a reason */
  candidate->student_no = g_strdup (caiji_sync_json_text (object, "student_no"));
  candidate->name = g_strdup (caiji_sync_json_text (object, "name"));
  candidate->sex = caiji_sex_from_string (caiji_sync_json_text (object, "sex"));
  candidate->id_number = g_strdup (caiji_sync_json_text (object, "id_number"));
  candidate->phone = g_strdup (caiji_sync_json_text (object, "phone"));
  candidate->university = g_strdup (caiji_sync_json_text (object, "university"));
  candidate->major = g_strdup (caiji_sync_json_text (object, "major"));
  candidate->grade = g_strdup (caiji_sync_json_text (object, "grade"));
  return candidate;
}

static gboolean
apply_candidates (CaijiStore *store,
                  JsonArray  *items,
                  guint      *applied,
                  GError    **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_candidate_free);

  for (guint i = 0; i < json_array_get_length (items); i++)
    g_ptr_array_add (candidates, candidate_from_json (json_array_get_element (items, i)));
  if (candidates->len > 0 && !caiji_store_roster_put (store, candidates, error))
    return FALSE;
  *applied += candidates->len;
  return TRUE;
}

const CaijiFeed caiji_sync_roster_feed = {
  .endpoint = "/api/v1/roster",
  .list_member = "candidates",
  .cursor_key = CAIJI_SYNC_ROSTER_CURSOR,
  .error_key = CAIJI_SYNC_ROSTER_ERROR,
  .apply = apply_candidates,
};

gboolean
caiji_sync_pull_roster (CaijiStore      *store,
                        CaijiSyncClient *client,
                        guint           *received,
                        GCancellable    *cancellable,
                        GError         **error)
{
  return caiji_sync_feed_pull (store, client, &caiji_sync_roster_feed, received, cancellable, error);
}
