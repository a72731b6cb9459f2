/* caiji-sync-client.c: PUT a record to the hub and classify the answer
 *
 * A record counts as delivered only when the hub's answer repeats its uuid
 * and the sha256 of every image sent: a proxy's or captive portal's "200"
 * must not make a kiosk forget a record.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "caiji-store.h"
#include "caiji-sync-backoff.h"
#include "caiji-sync-client.h"
#include "caiji-sync-payload.h"

struct _CaijiSyncClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *authorization;
  char        *ca_file;      /* the pinned CA, or NULL for the system's */
  char        *setup_error;  /* why nothing can be sent, e.g. an unreadable CA file */
};

G_DEFINE_FINAL_TYPE (CaijiSyncClient, caiji_sync_client, G_TYPE_OBJECT)

static void
caiji_sync_client_finalize (GObject *object)
{
  CaijiSyncClient *self = CAIJI_SYNC_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->authorization);
  g_free (self->ca_file);
  g_free (self->setup_error);
  G_OBJECT_CLASS (caiji_sync_client_parent_class)->finalize (object);
}

static void
caiji_sync_client_class_init (CaijiSyncClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caiji_sync_client_finalize;
}

static void
caiji_sync_client_init (CaijiSyncClient *self)
{
}

/* timeout_seconds bounds every read and write: a hub that stops answering
 * mid-upload costs at most that long before the record is rescheduled. */
CaijiSyncClient *
caiji_sync_client_new (const char *hub_url,
                       const char *token,
                       guint       timeout_seconds)
{
  CaijiSyncClient *self;

  g_return_val_if_fail (hub_url != NULL && token != NULL, NULL);

  self = g_object_new (CAIJI_TYPE_SYNC_CLIENT, NULL);
  self->session = soup_session_new_with_options ("timeout", timeout_seconds,
                                                 "idle-timeout", 60,
                                                 "user-agent", "caiji/" PACKAGE_VERSION,
                                                 NULL);
  self->base_url = g_strdup (hub_url);
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->authorization = g_strconcat ("Bearer ", token, NULL);
  return self;
}

/* With ca_file, the session trusts that CA and no other: a hub (or an
 * interceptor) with a certificate from any other CA is refused, even one
 * the system trusts.  A CA file that cannot be used is not a reason to
 * fall back to the system's CAs: then nothing is sent, and every attempt
 * says why. */
CaijiSyncClient *
caiji_sync_client_new_pinned (const char *hub_url,
                              const char *token,
                              guint       timeout_seconds,
                              const char *ca_file)
{
  CaijiSyncClient *self = caiji_sync_client_new (hub_url, token, timeout_seconds);
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (ca_file == NULL || *ca_file == '\0')
    return self;
  self->ca_file = g_strdup (ca_file);
  database = g_tls_file_database_new (ca_file, &error);
  if (database == NULL)
    self->setup_error = g_strdup_printf (_("Cannot use the hub's CA file %s (setting hub-ca-file): %s. "
                                           "Nothing is sent until it is fixed."), ca_file, error->message);
  else
    g_object_set (self->session, "tls-database", database, NULL);
  return self;
}

static gboolean
is_certificate_error (const GError *error)
{
  return error->domain == G_TLS_ERROR &&
         (error->code == G_TLS_ERROR_BAD_CERTIFICATE || error->code == G_TLS_ERROR_CERTIFICATE_REQUIRED);
}

/* For the operator: a certificate problem is not "the network is down". */
static char *
unreachable_message (CaijiSyncClient *self,
                     const GError    *error)
{
  if (!is_certificate_error (error))
    return g_strdup_printf (_("Cannot reach the hub: %s"), error->message);
  if (self->ca_file != NULL)
    return g_strdup_printf (_("The hub's TLS certificate is not signed by the pinned CA (%s): this may not be "
                              "your hub, so nothing was sent. Check the hub's certificate and the hub-ca-file "
                              "setting."), self->ca_file);
  return g_strdup_printf (_("The hub's TLS certificate is not trusted by this kiosk (%s), so nothing was sent. "
                            "Pin the hub's CA with the hub-ca-file setting."), error->message);
}

void
caiji_delivery_clear (CaijiDelivery *delivery)
{
  g_clear_pointer (&delivery->result, g_free);
  g_clear_pointer (&delivery->message, g_free);
}

static JsonObject *
parse_object (JsonParser *parser,
              GBytes     *body)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *root;

  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* Garbage answers are expected here, so no json-glib call that would
 * complain about a member of the wrong type.  (The hub's review page uses
 * it for its request bodies too.) */
const char *
caiji_sync_json_string_member (JsonObject *object,
                               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
images_confirmed (JsonObject *answer,
                  GPtrArray  *images)
{
  JsonNode *node = json_object_get_member (answer, "images");
  JsonObject *confirmed = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (confirmed == NULL || json_object_get_size (confirmed) != images->len)
    return FALSE;
  for (guint i = 0; i < images->len; i++)
    {
      const CaijiStoredImage *image = images->pdata[i];
      const char *kind = caiji_image_kind_to_string (image->kind);

      if (g_strcmp0 (caiji_sync_json_string_member (confirmed, kind), image->sha256) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The "created"/"unchanged"/"updated" result, or NULL if the answer does not
 * confirm exactly this record. */
static char *
confirmation (GBytes     *body,
              const char *uuid,
              GPtrArray  *images)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *answer = parse_object (parser, body);
  const char *result;

  if (answer == NULL ||
      g_strcmp0 (caiji_sync_json_string_member (answer, "uuid"), uuid) != 0 ||
      !images_confirmed (answer, images))
    return NULL;
  result = caiji_sync_json_string_member (answer, "result");
  if (g_strcmp0 (result, "created") != 0 && g_strcmp0 (result, "unchanged") != 0 &&
      g_strcmp0 (result, "updated") != 0)
    return NULL;
  return g_strdup (result);
}

/* The hub's own explanation when it sent one (docs: {"code", "message"}). */
static char *
refusal_message (SoupMessage *msg,
                 GBytes      *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *answer = parse_object (parser, body);
  const char *explanation = answer != NULL ? caiji_sync_json_string_member (answer, "message") : NULL;

  if (explanation == NULL)
    explanation = _("it gave no explanation");
  return g_strdup_printf (_("The hub answered %u %s: %s"), soup_message_get_status (msg),
                          soup_message_get_reason_phrase (msg), explanation);
}

/* A GET of one feed page: the parsed JSON object, or CAIJI_SYNC_ERROR_HUB
 * saying what went wrong in the operator's terms. */
JsonNode *
caiji_sync_client_get_json (CaijiSyncClient *self,
                            const char      *path_and_query,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autofree char *url = g_strconcat (self->base_url, path_and_query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (msg == NULL)
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB,
                   _("The hub address “%s” is not a valid http or https URL."), self->base_url);
      return NULL;
    }
  if (self->setup_error != NULL)
    {
      g_set_error_literal (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB, self->setup_error);
      return NULL;
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", self->authorization);
  answer = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
  if (answer == NULL)
    {
      g_autofree char *message = unreachable_message (self, local_error);

      g_set_error_literal (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB, message);
      return NULL;
    }
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_autofree char *message = refusal_message (msg, answer);

      g_set_error_literal (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB, message);
      return NULL;
    }
  if (parse_object (parser, answer) == NULL)
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_HUB,
                   _("The hub answered %s with something that is not a JSON object."), path_and_query);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static CaijiDeliveryOutcome
outcome_for_status (guint status)
{
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    return CAIJI_DELIVERY_STOP_ALL;
  if (status >= 400 && status < 500 &&
      status != SOUP_STATUS_REQUEST_TIMEOUT && status != 429 /* Too Many Requests: libsoup 3.2 has no name for it */)
    return CAIJI_DELIVERY_REFUSED;
  return CAIJI_DELIVERY_RETRY;
}

static void
classify (SoupMessage   *msg,
          GBytes        *body,
          const char    *uuid,
          GPtrArray     *images,
          CaijiDelivery *delivery)
{
  guint status = soup_message_get_status (msg);
  const char *retry_after = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                          "Retry-After");

  delivery->http_status = status;
  delivery->retry_after = caiji_backoff_parse_retry_after (retry_after, g_get_real_time () / G_USEC_PER_SEC);
  if (status == SOUP_STATUS_OK || status == SOUP_STATUS_CREATED)
    delivery->result = confirmation (body, uuid, images);
  if (delivery->result != NULL)
    {
      delivery->outcome = CAIJI_DELIVERY_CONFIRMED;
      return;
    }
  if (status == SOUP_STATUS_OK || status == SOUP_STATUS_CREATED)
    {
      delivery->outcome = CAIJI_DELIVERY_RETRY;
      delivery->message = g_strdup_printf (_("The hub answered %u but did not confirm the record and its images; it will be sent again."),
                                           status);
      return;
    }
  delivery->outcome = outcome_for_status (status);
  delivery->message = refusal_message (msg, body);
}

void
caiji_sync_client_put_record (CaijiSyncClient *self,
                              const char      *uuid,
                              GBytes          *body,
                              GPtrArray       *images,
                              CaijiDelivery   *delivery,
                              GCancellable    *cancellable)
{
  g_autofree char *escaped = g_uri_escape_string (uuid, NULL, FALSE);
  g_autofree char *url = g_strconcat (self->base_url, "/api/v1/records/", escaped, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("PUT", url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  memset (delivery, 0, sizeof *delivery);
  delivery->retry_after = -1;
  if (msg == NULL)
    {
      delivery->outcome = CAIJI_DELIVERY_STOP_ALL;
      delivery->message = g_strdup_printf (_("The hub address “%s” is not a valid http or https URL."), self->base_url);
      return;
    }
  if (self->setup_error != NULL)
    {
      delivery->outcome = CAIJI_DELIVERY_STOP_ALL;
      delivery->message = g_strdup (self->setup_error);
      return;
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", self->authorization);
  /* The hub can refuse (401, 413) before we upload megabytes, and a
   * refusal then arrives as an answer, not as a broken pipe. */
  soup_message_headers_set_expectations (soup_message_get_request_headers (msg), SOUP_EXPECTATION_CONTINUE);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (self->session, msg, cancellable, &error);
  if (answer != NULL)
    classify (msg, answer, uuid, images, delivery);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    delivery->outcome = CAIJI_DELIVERY_CANCELLED;
  else
    {
      /* A certificate refused is a configuration problem (or an
       * interceptor): no record will fare better, so stop the pass. */
      delivery->outcome = is_certificate_error (error) ? CAIJI_DELIVERY_STOP_ALL : CAIJI_DELIVERY_RETRY;
      delivery->message = unreachable_message (self, error);
    }
}
