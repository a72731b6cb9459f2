/* caiji-sync-feed.c: GET a feed page by page into the store
 *
 * Each page is applied before its cursor is saved, so a crash in between
 * fetches that page again; both feeds are safe to apply twice.  A page the
 * store refuses stops the pull with the reason, leaving the cursor before
 * that page; the reason is kept in the store for `caiji sync status`.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-sync-feed.h"
#include "caiji-sync-payload.h"

#define PAGE_SIZE 500

/* Hub answers are not trusted to have the right types. */
const char *
caiji_sync_json_text (JsonObject *object,
                      const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
caiji_sync_feed_apply_page (CaijiStore      *store,
                            const CaijiFeed *feed,
                            JsonObject      *page,
                            guint           *applied,
                            gboolean        *more,
                            GError         **error)
{
  JsonNode *list = json_object_get_member (page, feed->list_member);
  const char *cursor = caiji_sync_json_text (page, "next_cursor");
  JsonNode *more_node = json_object_get_member (page, "more");
  JsonArray *items;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) || cursor == NULL || more_node == NULL ||
      !JSON_NODE_HOLDS_VALUE (more_node) || json_node_get_value_type (more_node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB,
                   _("The hub's answer from %s lacks its list or its cursor."), feed->endpoint);
      return FALSE;
    }
  items = json_node_get_array (list);
  if (!feed->apply (store, items, applied, error))
    return FALSE;
  *more = json_node_get_boolean (more_node) && json_array_get_length (items) > 0;
  return caiji_store_sync_state_set (store, feed->cursor_key, cursor, error);
}

static char *
page_path (CaijiStore      *store,
           const CaijiFeed *feed,
           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *cursor = caiji_store_sync_state_get (store, feed->cursor_key, &local_error);
  g_autofree char *escaped = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  escaped = g_uri_escape_string (cursor != NULL ? cursor : "0", NULL, FALSE);
  return g_strdup_printf ("%s?since=%s&limit=%d", feed->endpoint, escaped, PAGE_SIZE);
}

static gboolean
pull_pages (CaijiStore      *store,
            CaijiSyncClient *client,
            const CaijiFeed *feed,
            guint           *applied,
            GCancellable    *cancellable,
            GError         **error)
{
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *path = page_path (store, feed, error);
      g_autoptr(JsonNode) page = NULL;

      if (path == NULL)
        return FALSE;
      page = caiji_sync_client_get_json (client, path, cancellable, error);
      if (page == NULL || !caiji_sync_feed_apply_page (store, feed, json_node_get_object (page), applied, &more, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
caiji_sync_feed_pull (CaijiStore      *store,
                      CaijiSyncClient *client,
                      const CaijiFeed *feed,
                      guint           *applied,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *applied = 0;
  if (pull_pages (store, client, feed, applied, cancellable, &local_error))
    return caiji_store_sync_state_set (store, feed->error_key, NULL, error);
  /* Being stopped is not a problem worth showing. */
  if (!g_cancellable_is_cancelled (cancellable))
    caiji_store_sync_state_set (store, feed->error_key, local_error->message, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
