/* caiji-hub-reply.c: {"code", "message"} for every refusal
 *
 * The message is the GError's, which this program always writes for a
 * reader; anything else (a libpq detail, an unknown error domain) becomes
 * a generic "internal" answer, so no internals ever leave the hub.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "caiji-hub-db.h"
#include "caiji-hub-reply.h"
#include "caiji-sync-payload.h"

typedef struct {
  guint       status;
  const char *code;
} Mapping;

static const Mapping hub_errors[] = {
  [CAIJI_HUB_ERROR_DATABASE] = { SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable" },
  [CAIJI_HUB_ERROR_INVALID] = { SOUP_STATUS_BAD_REQUEST, "bad_request" },
  [CAIJI_HUB_ERROR_UNAUTHORIZED] = { SOUP_STATUS_UNAUTHORIZED, "unauthorized" },
  [CAIJI_HUB_ERROR_NOT_FOUND] = { SOUP_STATUS_NOT_FOUND, "not_found" },
  [CAIJI_HUB_ERROR_METHOD] = { SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed" },
  [CAIJI_HUB_ERROR_CONFLICT] = { SOUP_STATUS_CONFLICT, "conflict" },
  [CAIJI_HUB_ERROR_LENGTH_REQUIRED] = { SOUP_STATUS_LENGTH_REQUIRED, "length_required" },
  [CAIJI_HUB_ERROR_TOO_LARGE] = { SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large" },
  [CAIJI_HUB_ERROR_CHECKSUM] = { SOUP_STATUS_UNPROCESSABLE_ENTITY, "checksum_mismatch" },
  [CAIJI_HUB_ERROR_FORBIDDEN] = { SOUP_STATUS_FORBIDDEN, "forbidden" },
  [CAIJI_HUB_ERROR_TOO_MANY] = { 429 /* Too Many Requests: not in libsoup 3.2's enum */, "too_many_attempts" },
};

static Mapping
mapping_for (const GError *error)
{
  if (error->domain == CAIJI_HUB_ERROR && error->code >= 0 && (gsize) error->code < G_N_ELEMENTS (hub_errors))
    return hub_errors[error->code];
  if (g_error_matches (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_CHECKSUM))
    return hub_errors[CAIJI_HUB_ERROR_CHECKSUM];
  if (error->domain == CAIJI_SYNC_ERROR)
    return hub_errors[CAIJI_HUB_ERROR_INVALID];
  return (Mapping) { SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal" };
}

/* Takes json. */
void
caiji_hub_reply_json (SoupServerMessage *msg,
                      guint              status,
                      char              *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, json, strlen (json));
}

void
caiji_hub_reply_error (SoupServerMessage *msg,
                       const GError      *error)
{
  Mapping mapping = mapping_for (error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *message = error->message;

  if (mapping.status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
    {
      g_warning ("Internal error answered as 500: %s", error->message);
      message = _("The hub failed to handle this request. Try again later.");
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, mapping.code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  caiji_hub_reply_json (msg, mapping.status, json_generator_to_data (generator, NULL));
}

void
caiji_hub_reply_refuse (SoupServerMessage *msg,
                        CaijiHubError      code,
                        const char        *message)
{
  g_autoptr(GError) error = g_error_new_literal (CAIJI_HUB_ERROR, code, message);

  caiji_hub_reply_error (msg, error);
}

/* For early handlers, before the body is read: FALSE (and the request
 * answered) when the body would be over limit bytes or has no length. */
gboolean
caiji_hub_reply_check_body_size (SoupServerMessage *msg,
                                 gsize              limit)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *limit_text = NULL;
  g_autofree char *message = NULL;

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_NONE:
      return TRUE;
    case SOUP_ENCODING_CONTENT_LENGTH:
      if ((guint64) soup_message_headers_get_content_length (headers) <= limit)
        return TRUE;
      limit_text = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);
      message = g_strdup_printf (_("The request is larger than this hub accepts (%s)."), limit_text);
      caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_TOO_LARGE, message);
      return FALSE;
    default:
      caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_LENGTH_REQUIRED,
                              _("This hub needs a Content-Length on every request with a body."));
      return FALSE;
    }
}
