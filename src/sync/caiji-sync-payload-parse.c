/* caiji-sync-payload-parse.c: JSON → record, checking every field
 *
 * This is what the hub trusts, so nothing is assumed: each field has a
 * type, a size limit and its rule, and each image's bytes must hash to the
 * sha256 the kiosk claims.  The first problem found is reported by field
 * name, in words a hub administrator can act on.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "caiji-id-number.h"
#include "caiji-sync-payload.h"

#define MAX_TEXT_CHARS   2000
#define MAX_HISTORY      64

static gboolean
invalid (GError    **error,
         const char *field,
         const char *rule)
{
  g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID,
               _("The record's field “%s” %s."), field, rule);
  return FALSE;
}

/* *value is NULL for a JSON null when nullable. */
static gboolean
get_text_max (JsonObject  *object,
              const char  *name,
              gboolean     nullable,
              glong        max_chars,
              char       **value,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *text;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node) && nullable)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, name, nullable ? _("must be text or null") : _("is missing or is not text"));
  text = json_node_get_string (node);
  /* Counting characters costs a pass over 200 KB of base64 per image;
   * only bounded fields need it. */
  if (!g_utf8_validate (text, -1, NULL) || (max_chars < G_MAXLONG && g_utf8_strlen (text, -1) > max_chars))
    return invalid (error, name, _("is not valid UTF-8 or is too long"));
  if (!nullable && *text == '\0')
    return invalid (error, name, _("is empty"));
  *value = g_strdup (text);
  return TRUE;
}

static gboolean
get_text (JsonObject  *object,
          const char  *name,
          gboolean     nullable,
          char       **value,
          GError     **error)
{
  return get_text_max (object, name, nullable, MAX_TEXT_CHARS, value, error);
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64     *value,
         GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) <= 0)
    return invalid (error, name, _("must be a positive whole number (Unix seconds)"));
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_score (JsonObject *object,
           const char *name,
           double     *value,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NAN;
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return invalid (error, name, _("must be a number or null"));
  *value = json_node_get_double (node);
  if (!isfinite (*value))
    return invalid (error, name, _("must be a finite number"));
  return TRUE;
}

static gboolean
get_status (JsonObject        *object,
            const char        *name,
            CaijiRecordStatus *status,
            GError           **error)
{
  g_autofree char *text = NULL;

  if (!get_text (object, name, FALSE, &text, error))
    return FALSE;
  if (!caiji_record_status_from_string (text, status))
    return invalid (error, name, _("is not a known record status"));
  return TRUE;
}

static gboolean
parse_change (JsonNode   *node,
              GPtrArray  *history,
              GError    **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *reason = NULL;
  g_autofree char *actor = NULL;
  CaijiRecordStatus status;
  gint64 at;

  if (object == NULL)
    return invalid (error, "history", _("must hold objects"));
  if (!get_status (object, "status", &status, error) ||
      !get_text (object, "reason", TRUE, &reason, error) ||
      !get_text (object, "actor", FALSE, &actor, error) ||
      !get_int (object, "at", &at, error))
    return FALSE;
  g_ptr_array_add (history, caiji_status_change_new (status, reason, actor, at));
  return TRUE;
}

static gboolean
parse_history (JsonObject  *object,
               CaijiRecord *record,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, "history");
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (array == NULL || json_array_get_length (array) == 0 || json_array_get_length (array) > MAX_HISTORY)
    return invalid (error, "history", _("must be a list of 1 to 64 status changes"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!parse_change (json_array_get_element (array, i), record->history, error))
      return FALSE;
  return TRUE;
}

static gboolean
parse_id_number (JsonObject  *object,
                 CaijiRecord *record,
                 GError     **error)
{
  CaijiIdInfo info;

  if (!get_text (object, "id_number", FALSE, &record->id_number, error))
    return FALSE;
  if (!caiji_id_number_parse (record->id_number, NULL, &info, NULL) ||
      !g_str_equal (info.normalized, record->id_number))
    return invalid (error, "id_number", _("is not a valid 18-character resident ID number"));
  return TRUE;
}

/* Only what a kiosk is allowed to send: approved records, or records
 * submitted for central review. */
static gboolean
parse_fields (JsonObject  *object,
              CaijiRecord *record,
              GError     **error)
{
  if (!get_text (object, "uuid", FALSE, &record->uuid, error) ||
      !get_text (object, "student_no", FALSE, &record->student_no, error) ||
      !parse_id_number (object, record, error) ||
      !get_status (object, "status", &record->status, error))
    return FALSE;
  if (record->status != CAIJI_RECORD_APPROVED && record->status != CAIJI_RECORD_PENDING_REVIEW)
    return invalid (error, "status", _("must be “approved” or “pending_review”"));
  return get_text (object, "card_name", TRUE, &record->card_name, error) &&
         get_text (object, "card_id_number", TRUE, &record->card_id_number, error) &&
         get_score (object, "face_score", &record->face_score, error) &&
         get_score (object, "face_threshold", &record->face_threshold, error) &&
         get_text (object, "reject_reason", TRUE, &record->reject_reason, error) &&
         get_text (object, "correction_note", TRUE, &record->correction_note, error) &&
         get_int (object, "created_at", &record->created_at, error) &&
         parse_history (object, record, error);
}

static gboolean
is_sha256_hex (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* g_base64_decode() skips what it does not understand; a hub must not. */
static GBytes *
decode_base64 (const char *text)
{
  gsize length = strlen (text);
  guchar *data;
  gsize size;

  if (length == 0 || length % 4 != 0 || strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != length)
    return NULL;
  data = g_base64_decode (text, &size);
  if (size > 0)
    return g_bytes_new_take (data, size);
  g_free (data);
  return NULL;
}

static gboolean
check_image (CaijiStoredImage *image,
             const char       *kind,
             const char       *data,
             GError          **error)
{
  g_autofree char *actual = NULL;

  if (!caiji_image_kind_from_string (kind, &image->kind) || !is_sha256_hex (image->sha256) ||
      (image->data = decode_base64 (data)) == NULL)
    return invalid (error, "images", _("needs a known kind, a lower-case hex sha256 and base64 data"));
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image->data);
  if (g_str_equal (actual, image->sha256))
    return TRUE;
  g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_CHECKSUM,
               _("The %s image does not match its sha256: it was damaged on the way. Send it again."), kind);
  return FALSE;
}

static CaijiStoredImage *
parse_image (JsonNode *node,
             GError  **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *kind = NULL;
  g_autofree char *data = NULL;
  CaijiStoredImage *image;

  if (object == NULL)
    {
      invalid (error, "images", _("must hold objects"));
      return NULL;
    }
  image = g_new0 (CaijiStoredImage, 1);
  if (get_text (object, "kind", FALSE, &kind, error) &&
      get_text (object, "sha256", FALSE, &image->sha256, error) &&
      get_text_max (object, "data", FALSE, G_MAXLONG, &data, error) &&
      check_image (image, kind, data, error))
    return image;
  caiji_stored_image_free (image);
  return NULL;
}

/* Sorted by kind, so the canonical form does not depend on the order the
 * kiosk listed them in. */
static gboolean
parse_images (JsonObject *object,
              GPtrArray  *images,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, "images");
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  CaijiStoredImage *by_kind[CAIJI_IMAGE_N_KINDS] = { NULL };
  gboolean ok = TRUE;

  if (array == NULL)
    return invalid (error, "images", _("must be a list"));
  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      CaijiStoredImage *image = parse_image (json_array_get_element (array, i), error);

      if (image == NULL)
        ok = FALSE;
      else if (by_kind[image->kind] != NULL)
        {
          caiji_stored_image_free (image);
          ok = invalid (error, "images", _("lists the same kind twice"));
        }
      else
        by_kind[image->kind] = image;
    }
  for (guint k = 0; k < CAIJI_IMAGE_N_KINDS; k++)
    if (by_kind[k] != NULL)
      g_ptr_array_add (images, by_kind[k]);
  return ok;
}

static JsonObject *
parse_root (GBytes     *body,
            JsonParser *parser,
            GError    **error)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID,
                   _("The request body is not a JSON object."));
      return NULL;
    }
  return json_node_get_object (root);
}

CaijiSyncDocument *
caiji_sync_document_parse (GBytes     *body,
                           const char *path_uuid,
                           GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(CaijiSyncDocument) document = g_new0 (CaijiSyncDocument, 1);
  JsonObject *object;

  g_return_val_if_fail (body != NULL && path_uuid != NULL, NULL);

  document->record = caiji_record_new ();
  document->images = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_stored_image_free);
  object = parse_root (body, parser, error);
  if (object == NULL || !parse_fields (object, document->record, error) ||
      !parse_images (object, document->images, error))
    return NULL;
  if (!g_uuid_string_is_valid (document->record->uuid) || !g_str_equal (document->record->uuid, path_uuid))
    {
      invalid (error, "uuid", _("must be a UUID equal to the one in the address"));
      return NULL;
    }
  return g_steal_pointer (&document);
}
