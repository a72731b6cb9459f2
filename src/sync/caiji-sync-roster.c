/* caiji-sync-roster.c: GET /api/v1/roster page by page into the store
 *
 * Each page is saved (one transaction) before its cursor, so a crash in
 * between only fetches that page again, which the upsert makes harmless.
 * A candidate the store refuses (a bad ID number from the hub) stops the
 * pull with the reason, leaving the cursor before that page.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-sync-payload.h"
#include "caiji-sync-roster.h"

#define PAGE_SIZE 500

static const char *
text_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static CaijiCandidate *
candidate_from_json (JsonNode *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  CaijiCandidate *candidate = caiji_candidate_new ();

  if (object == NULL)
    return candidate;  /* empty: the store refuses it with a reason */
  candidate->student_no = g_strdup (text_member (object, "student_no"));
  candidate->name = g_strdup (text_member (object, "name"));
  candidate->sex = caiji_sex_from_string (text_member (object, "sex"));
  candidate->id_number = g_strdup (text_member (object, "id_number"));
  candidate->phone = g_strdup (text_member (object, "phone"));
  candidate->university = g_strdup (text_member (object, "university"));
  candidate->major = g_strdup (text_member (object, "major"));
  candidate->grade = g_strdup (text_member (object, "grade"));
  return candidate;
}

static gboolean
bad_page (GError **error)
{
  g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB,
               _("The hub's roster page lacks its candidates list or cursor."));
  return FALSE;
}

/* Saves one page; *more tells whether another is waiting. */
static gboolean
apply_page (CaijiStore *store,
            JsonObject *page,
            guint      *received,
            gboolean   *more,
            GError    **error)
{
  JsonNode *list = json_object_get_member (page, "candidates");
  const char *cursor = text_member (page, "next_cursor");
  JsonNode *more_node = json_object_get_member (page, "more");
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_candidate_free);
  JsonArray *array;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) || cursor == NULL || more_node == NULL ||
      !JSON_NODE_HOLDS_VALUE (more_node) || json_node_get_value_type (more_node) != G_TYPE_BOOLEAN)
    return bad_page (error);
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (candidates, candidate_from_json (json_array_get_element (array, i)));
  if (candidates->len > 0 && !caiji_store_roster_put (store, candidates, error))
    return FALSE;
  *received += candidates->len;
  *more = json_node_get_boolean (more_node) && candidates->len > 0;
  return caiji_store_sync_state_set (store, CAIJI_SYNC_ROSTER_CURSOR, cursor, error);
}

static gboolean
pull_pages (CaijiStore      *store,
            CaijiSyncClient *client,
            guint           *received,
            GCancellable    *cancellable,
            GError         **error)
{
  gboolean more = TRUE;

  while (more)
    {
      g_autoptr(GError) state_error = NULL;
      g_autofree char *cursor = caiji_store_sync_state_get (store, CAIJI_SYNC_ROSTER_CURSOR, &state_error);
      g_autofree char *escaped = NULL;
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) page = NULL;

      if (state_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&state_error));
          return FALSE;
        }
      escaped = g_uri_escape_string (cursor != NULL ? cursor : "0", NULL, FALSE);
      path = g_strdup_printf ("/api/v1/roster?since=%s&limit=%d", escaped, PAGE_SIZE);
      page = caiji_sync_client_get_json (client, path, cancellable, error);
      if (page == NULL || !apply_page (store, json_node_get_object (page), received, &more, error))
        return FALSE;
    }
  return TRUE;
}

/* The outcome is also kept in the store, so `caiji sync status` can show
 * a roster problem after the fact. */
gboolean
caiji_sync_pull_roster (CaijiStore      *store,
                        CaijiSyncClient *client,
                        guint           *received,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *received = 0;
  if (pull_pages (store, client, received, cancellable, &local_error))
    return caiji_store_sync_state_set (store, CAIJI_SYNC_ROSTER_ERROR, NULL, error);
  caiji_store_sync_state_set (store, CAIJI_SYNC_ROSTER_ERROR, local_error->message, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
