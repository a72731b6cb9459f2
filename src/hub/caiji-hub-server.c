/* caiji-hub-server.c: SoupServer routes for /api/v1/
 *
 * The early handler runs once the headers are in and before the body is
 * read: an unknown token or a body over the limit is refused there, so a
 * stranger cannot make the hub buffer 64 MB.  (Kiosks send Expect:
 * 100-continue, so they learn of a 413 without uploading the body.)
 * Requests are handled one at a time on the main loop; PostgreSQL does the
 * rest of the serialising.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "caiji-hub-devices.h"
#include "caiji-hub-feeds.h"
#include "caiji-hub-records.h"
#include "caiji-hub-reply.h"
#include "caiji-hub-server.h"
#include "caiji-hub-web.h"

#define API_PREFIX     "/api/v1"
#define RECORDS_PREFIX API_PREFIX "/records/"
#define DEVICE_KEY     "caiji-hub-device"

struct _CaijiHubServer
{
  SoupServer *server;
  CaijiHubDb  *db;
  CaijiHubWeb *web;
  gsize        max_body_bytes;
  gboolean     over_tls;
};

static const char *
bearer_token (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return NULL;
  return header + 7;
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           data)
{
  CaijiHubServer *self = data;
  g_autoptr(GError) error = NULL;
  char *device_id;

  if (!caiji_hub_reply_check_body_size (msg, self->max_body_bytes))
    return;
  device_id = caiji_hub_device_authenticate (self->db, bearer_token (msg), &error);
  if (device_id == NULL)
    {
      caiji_hub_reply_error (msg, error);
      return;
    }
  g_object_set_data_full (G_OBJECT (msg), DEVICE_KEY, device_id, g_free);
}

/* Routes */

static gboolean
query_number (GHashTable *query,
              const char *name,
              gint64      fallback,
              gint64      max,
              gint64     *value,
              GError    **error)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  *value = fallback;
  if (text == NULL || g_ascii_string_to_signed (text, 10, 0, max, value, NULL))
    return TRUE;
  g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
               _("The query parameter “%s” must be a whole number from 0 to %lld."), name, (long long) max);
  return FALSE;
}

static void
serve_feed (CaijiHubServer    *self,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            const char        *device_id)
{
  g_autoptr(GError) error = NULL;
  gint64 since, limit;
  char *json = NULL;

  if (query_number (query, "since", 0, G_MAXINT64, &since, &error) &&
      query_number (query, "limit", CAIJI_HUB_FEED_DEFAULT_LIMIT, CAIJI_HUB_FEED_MAX_LIMIT, &limit, &error))
    {
      limit = MAX (limit, 1);
      if (g_str_equal (path, API_PREFIX "/roster"))
        json = caiji_hub_feed_roster (self->db, since, (guint) limit, &error);
      else
        json = caiji_hub_feed_decisions (self->db, device_id, since, (guint) limit, &error);
    }
  if (json != NULL)
    caiji_hub_reply_json (msg, SOUP_STATUS_OK, json);
  else
    caiji_hub_reply_error (msg, error);
}

static char *
stored_answer (const CaijiSyncDocument *document,
               const CaijiHubStored    *stored)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, document->record->uuid);
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, caiji_hub_put_result_to_string (stored->result));
  json_builder_set_member_name (builder, "content_sha256");
  json_builder_add_string_value (builder, stored->content_sha256);
  json_builder_set_member_name (builder, "images");
  json_builder_begin_object (builder);
  for (guint i = 0; i < document->images->len; i++)
    {
      const CaijiStoredImage *image = document->images->pdata[i];

      json_builder_set_member_name (builder, caiji_image_kind_to_string (image->kind));
      json_builder_add_string_value (builder, image->sha256);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
serve_put_record (CaijiHubServer    *self,
                  SoupServerMessage *msg,
                  const char        *uuid,
                  const char        *device_id)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(CaijiSyncDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CaijiHubStored stored;

  document = caiji_sync_document_parse (body, uuid, &error);
  if (document == NULL || !caiji_hub_records_put (self->db, device_id, document, &stored, &error))
    {
      caiji_hub_reply_error (msg, error);
      return;
    }
  caiji_hub_reply_json (msg, stored.result == CAIJI_HUB_PUT_CREATED ? SOUP_STATUS_CREATED : SOUP_STATUS_OK,
                        stored_answer (document, &stored));
  caiji_hub_stored_clear (&stored);
}

static void
route (CaijiHubServer    *self,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query,
       const char        *device_id)
{
  const char *method = soup_server_message_get_method (msg);
  gboolean is_feed = g_str_equal (path, API_PREFIX "/roster") || g_str_equal (path, API_PREFIX "/decisions");
  gboolean is_record = g_str_has_prefix (path, RECORDS_PREFIX) && strchr (path + strlen (RECORDS_PREFIX), '/') == NULL;

  if (!is_feed && !is_record)
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_NOT_FOUND, _("There is no such address on this hub; see docs/sync-protocol.md."));
  else if (is_feed && g_str_equal (method, SOUP_METHOD_GET))
    serve_feed (self, msg, path, query, device_id);
  else if (is_record && g_str_equal (method, SOUP_METHOD_PUT))
    serve_put_record (self, msg, path + strlen (RECORDS_PREFIX), device_id);
  else
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_METHOD, _("This address does not accept that method."));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  const char *device_id = g_object_get_data (G_OBJECT (msg), DEVICE_KEY);

  /* No device: the path is outside /api/v1, where the early handler
   * does not run. */
  if (g_str_equal (path, "/"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_SEE_OTHER, CAIJI_HUB_WEB_PREFIX "/");
  else if (device_id == NULL)
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_NOT_FOUND, _("There is no such address on this hub; see docs/sync-protocol.md."));
  else
    route (data, msg, path, query, device_id);
}

/* tls_certificate: NULL for plain HTTP (tests, or behind a TLS proxy). */
CaijiHubServer *
caiji_hub_server_new (CaijiHubDb      *db,
                      gsize            max_body_bytes,
                      GTlsCertificate *tls_certificate)
{
  CaijiHubServer *self = g_new0 (CaijiHubServer, 1);

  self->db = db;
  self->max_body_bytes = max_body_bytes;
  self->over_tls = tls_certificate != NULL;
  self->server = soup_server_new ("server-header", "caiji-hub", "tls-certificate", tls_certificate, NULL);
  self->web = caiji_hub_web_new (db, self->over_tls);
  caiji_hub_web_attach (self->web, self->server);
  /* libsoup pairs early and normal handlers by path: the normal one must
   * be registered at the same prefix to run after the early one. */
  soup_server_add_early_handler (self->server, API_PREFIX, early_handler, self, NULL);
  soup_server_add_handler (self->server, API_PREFIX, handler, self, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  return self;
}

static GSocketAddress *
parse_listen_address (const char *address,
                      GError    **error)
{
  g_autoptr(GSocketConnectable) parsed = g_network_address_parse (address, 8443, NULL);
  g_autoptr(GInetAddress) inet = NULL;

  if (parsed != NULL)
    inet = g_inet_address_new_from_string (g_network_address_get_hostname (G_NETWORK_ADDRESS (parsed)));
  if (inet == NULL)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
                   _("“%s” is not an address to listen on; give an IP address and port, e.g. 127.0.0.1:8443."),
                   address);
      return NULL;
    }
  return g_inet_socket_address_new (inet, g_network_address_get_port (G_NETWORK_ADDRESS (parsed)));
}

/* *url: where the hub listens, with the real port when 0 was asked. */
gboolean
caiji_hub_server_listen (CaijiHubServer *self,
                         const char     *address,
                         char          **url,
                         GError        **error)
{
  g_autoptr(GSocketAddress) socket_address = parse_listen_address (address, error);
  GSList *uris;

  if (socket_address == NULL ||
      !soup_server_listen (self->server, socket_address, self->over_tls ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;
  uris = soup_server_get_uris (self->server);
  *url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

void
caiji_hub_server_free (CaijiHubServer *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->server);
  caiji_hub_web_free (self->web);
  g_free (self);
}
