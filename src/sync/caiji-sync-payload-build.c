/* caiji-sync-payload-build.c: record → JSON, for the upload and for the
 * hub's content digest
 *
 * The upload and the canonical form share one field writer, so the digest
 * covers exactly what was sent; only the images differ (bytes in the
 * upload, kind → sha256 in the canonical form).
 */
#include "caiji-config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "caiji-sync-payload.h"

G_DEFINE_QUARK (caiji-sync-error-quark, caiji_sync_error)

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_history (JsonBuilder       *builder,
             const CaijiRecord *record)
{
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; record->history != NULL && i < record->history->len; i++)
    {
      const CaijiStatusChange *change = record->history->pdata[i];

      json_builder_begin_object (builder);
      add_string (builder, "status", caiji_record_status_to_string (change->status));
      add_string (builder, "reason", change->reason);
      add_string (builder, "actor", change->actor);
      json_builder_set_member_name (builder, "at");
      json_builder_add_int_value (builder, change->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Member order is fixed: the canonical form depends on it. */
static void
add_record_fields (JsonBuilder       *builder,
                   const CaijiRecord *record)
{
  add_string (builder, "uuid", record->uuid);
  add_string (builder, "student_no", record->student_no);
  add_string (builder, "id_number", record->id_number);
  add_string (builder, "status", caiji_record_status_to_string (record->status));
  add_string (builder, "card_name", record->card_name);
  add_string (builder, "card_id_number", record->card_id_number);
  add_number (builder, "face_score", record->face_score);
  add_number (builder, "face_threshold", record->face_threshold);
  add_string (builder, "reject_reason", record->reject_reason);
  add_string (builder, "correction_note", record->correction_note);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, record->created_at);
  add_history (builder, record);
}

static char *
builder_to_string (JsonBuilder *builder,
                   gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

static void
add_upload_images (JsonBuilder *builder,
                   GPtrArray   *images)
{
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  for (guint i = 0; i < images->len; i++)
    {
      const CaijiStoredImage *image = images->pdata[i];
      gsize size;
      const guchar *data = g_bytes_get_data (image->data, &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      json_builder_begin_object (builder);
      add_string (builder, "kind", caiji_image_kind_to_string (image->kind));
      add_string (builder, "sha256", image->sha256);
      add_string (builder, "data", base64);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The body of PUT /api/v1/records/{uuid}. */
GBytes *
caiji_sync_document_build (const CaijiRecord *record,
                           GPtrArray         *images)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gsize length;
  char *text;

  g_return_val_if_fail (record != NULL && images != NULL, NULL);

  json_builder_begin_object (builder);
  add_record_fields (builder, record);
  add_upload_images (builder, images);
  json_builder_end_object (builder);
  text = builder_to_string (builder, &length);
  return g_bytes_new_take (text, length);
}

/* Every field, images as kind → sha256, in a fixed order: equal strings
 * mean equal records. */
char *
caiji_sync_document_canonical (const CaijiSyncDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_record_fields (builder, document->record);
  json_builder_set_member_name (builder, "images");
  json_builder_begin_object (builder);
  for (guint i = 0; i < document->images->len; i++)
    {
      const CaijiStoredImage *image = document->images->pdata[i];

      add_string (builder, caiji_image_kind_to_string (image->kind), image->sha256);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return builder_to_string (builder, NULL);
}

void
caiji_sync_document_free (CaijiSyncDocument *document)
{
  if (document == NULL)
    return;
  g_clear_pointer (&document->record, caiji_record_free);
  g_clear_pointer (&document->images, g_ptr_array_unref);
  g_free (document);
}
