/* caiji-sync-payload-diff.c: which fields make two versions of a record
 * differ, so a 409 can say what to look at rather than just "conflict" */
#include "caiji-config.h"

#include <json-glib/json-glib.h>

#include "caiji-sync-payload.h"

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
members_equal (JsonObject *a,
               JsonObject *b,
               const char *name)
{
  JsonNode *x = json_object_get_member (a, name);
  JsonNode *y = json_object_get_member (b, name);

  return x != NULL && y != NULL && json_node_equal (x, y);
}

static void
note (GString    *out,
      const char *prefix,
      const char *name)
{
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append_printf (out, "%s%s", prefix, name);
}

/* Compares a's members with b's, and b's extra ones; "images" is left to
 * the caller, which names the kinds. */
static void
diff_objects (JsonObject *a,
              JsonObject *b,
              const char *prefix,
              GString    *out)
{
  g_autoptr(GList) names_a = json_object_get_members (a);
  g_autoptr(GList) names_b = json_object_get_members (b);

  for (GList *l = names_a; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "images") && !members_equal (a, b, l->data))
      note (out, prefix, l->data);
  for (GList *l = names_b; l != NULL; l = l->next)
    if (!json_object_has_member (a, l->data))
      note (out, prefix, l->data);
}

/* "status, images.face": the canonical members that differ; image kinds
 * are named one by one. */
char *
caiji_sync_canonical_diff (const char *stored,
                           const char *received)
{
  g_autoptr(JsonParser) parser_a = json_parser_new_immutable ();
  g_autoptr(JsonParser) parser_b = json_parser_new_immutable ();
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *a = parse_object (parser_a, stored);
  JsonObject *b = parse_object (parser_b, received);
  JsonObject *images_a, *images_b;

  if (a == NULL || b == NULL)
    return g_strdup ("?");
  images_a = object_member (a, "images");
  images_b = object_member (b, "images");
  diff_objects (a, b, "", out);
  if (images_a != NULL && images_b != NULL)
    diff_objects (images_a, images_b, "images.", out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
history_extends (JsonObject *a,
                 JsonObject *b)
{
  JsonNode *x = json_object_get_member (a, "history");
  JsonNode *y = json_object_get_member (b, "history");
  JsonArray *old, *new;

  if (x == NULL || y == NULL || !JSON_NODE_HOLDS_ARRAY (x) || !JSON_NODE_HOLDS_ARRAY (y))
    return FALSE;
  old = json_node_get_array (x);
  new = json_node_get_array (y);
  if (json_array_get_length (new) <= json_array_get_length (old))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (old); i++)
    if (!json_node_equal (json_array_get_element (old, i), json_array_get_element (new, i)))
      return FALSE;
  return TRUE;
}

/* TRUE when received is stored a few steps later: a record sent for
 * central review and then decided.  Everything is equal except the status
 * and reject_reason, and the stored history is the start of the new one. */
gboolean
caiji_sync_canonical_extends (const char *stored,
                              const char *received)
{
  g_autoptr(JsonParser) parser_a = json_parser_new_immutable ();
  g_autoptr(JsonParser) parser_b = json_parser_new_immutable ();
  JsonObject *a = parse_object (parser_a, stored);
  JsonObject *b = parse_object (parser_b, received);
  g_autoptr(GList) names = NULL;

  if (a == NULL || b == NULL || json_object_get_size (a) != json_object_get_size (b) || !history_extends (a, b))
    return FALSE;
  names = json_object_get_members (a);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "status") && !g_str_equal (l->data, "reject_reason") &&
        !g_str_equal (l->data, "history") && !members_equal (a, b, l->data))
      return FALSE;
  return TRUE;
}
