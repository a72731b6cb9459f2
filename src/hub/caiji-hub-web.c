/* caiji-hub-web.c: the review page (static files from the GResource) and
 * its JSON API
 *
 *   GET  /review/                          the page (index.html, review.js, review.css)
 *   GET  /review/api/session               who is logged in, and the CSRF token
 *   POST /review/api/login                 {"name", "password"} → session cookie
 *   POST /review/api/logout
 *   GET  /review/api/records               records waiting for a decision
 *   GET  /review/api/records/UUID/images/KIND
 *   POST /review/api/records/UUID/decision {"decision", "reason"}
 *
 * The session cookie is HttpOnly and SameSite=Strict; every POST but the
 * login must also carry the session's CSRF token in X-Caiji-CSRF, and a
 * POST from another origin is refused outright.  Bodies are JSON of at
 * most 16 KiB, refused before they are read.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "caiji-hub-login-limit.h"
#include "caiji-hub-reply.h"
#include "caiji-hub-resources.h"
#include "caiji-hub-review.h"
#include "caiji-hub-reviewers.h"
#include "caiji-hub-web.h"
#include "caiji-sync-client.h"

#define API_PREFIX      CAIJI_HUB_WEB_PREFIX "/api/"
#define RECORDS_PREFIX  API_PREFIX "records/"
#define COOKIE_NAME     "caiji_review"
#define CSRF_HEADER     "X-Caiji-CSRF"
#define RESOURCE_PREFIX "/org/caiji/Hub/review/"

struct _CaijiHubWeb
{
  CaijiHubDb         *db;
  gboolean            over_tls;
  CaijiHubLoginLimit *login_limit;
};

/* Answers */

static void
add_safety_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                                " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
}

static void
set_cookie (CaijiHubWeb       *self,
            SoupServerMessage *msg,
            const char        *token,
            int                max_age)
{
  g_autofree char *cookie = g_strdup_printf (COOKIE_NAME "=%s; Path=" CAIJI_HUB_WEB_PREFIX "/; Max-Age=%d;"
                                             " HttpOnly; SameSite=Strict%s",
                                             token, max_age, self->over_tls ? "; Secure" : "");

  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie", cookie);
}

static void
reply_session (SoupServerMessage     *msg,
               const CaijiHubSession *session)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reviewer");
  json_builder_add_string_value (builder, session->reviewer);
  json_builder_set_member_name (builder, "csrf");
  json_builder_add_string_value (builder, session->csrf_token);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  caiji_hub_reply_json (msg, SOUP_STATUS_OK, json_to_string (root, FALSE));
}

static void
serve_static (SoupServerMessage *msg,
              const char        *path)
{
  static const struct { const char *path, *file, *type; } files[] = {
    { CAIJI_HUB_WEB_PREFIX "/", "index.html", "text/html; charset=utf-8" },
    { CAIJI_HUB_WEB_PREFIX "/review.js", "review.js", "text/javascript; charset=utf-8" },
    { CAIJI_HUB_WEB_PREFIX "/review.css", "review.css", "text/css; charset=utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (g_str_equal (path, files[i].path))
      {
        g_autofree char *resource = g_strconcat (RESOURCE_PREFIX, files[i].file, NULL);
        g_autoptr(GBytes) data = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
        gsize size;
        const char *bytes;

        g_assert (data != NULL);  /* compiled into this binary */
        bytes = g_bytes_get_data (data, &size);
        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (msg, files[i].type, SOUP_MEMORY_COPY, bytes, size);
        return;
      }
  if (g_str_equal (path, CAIJI_HUB_WEB_PREFIX))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, CAIJI_HUB_WEB_PREFIX "/");
  else
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_NOT_FOUND, _("There is no such page on this hub."));
}

/* Requests */

static char *
session_cookie (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Cookie");
  g_autoptr(GHashTable) cookies = NULL;

  if (header == NULL)
    return NULL;
  cookies = soup_header_parse_semi_param_list (header);
  return g_strdup (g_hash_table_lookup (cookies, COOKIE_NAME));
}

/* A browser always sends Origin with a POST; one naming another site is a
 * forged request, whatever the cookie says. */
static gboolean
same_origin (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *origin = soup_message_headers_get_one (headers, "Origin");
  const char *host = soup_message_headers_get_one (headers, "Host");
  const char *after_scheme;

  if (origin == NULL)
    return TRUE;
  after_scheme = strstr (origin, "://");
  return host != NULL && after_scheme != NULL && g_str_equal (after_scheme + 3, host);
}

static gboolean
tokens_equal (const char *expected,
              const char *given)
{
  gsize length = strlen (expected);
  guint8 difference = 0;

  if (given == NULL || strlen (given) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    difference |= (guint8) (expected[i] ^ given[i]);
  return difference == 0;
}

static JsonObject *
parse_json_body (SoupServerMessage *msg,
                 JsonParser        *parser,
                 GError           **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *root;

  if (g_strcmp0 (type, "application/json") == 0 && size > 0 &&
      json_parser_load_from_data (parser, data, (gssize) size, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_node_get_object (root);
  g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID, _("The request body must be a JSON object."));
  return NULL;
}

/* Login */

static void
refuse_locked (SoupServerMessage *msg,
               gint64             wait_seconds)
{
  g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, wait_seconds);
  g_autofree char *message = g_strdup_printf (_("Too many failed logins: try again in %d minutes."),
                                              (int) ((wait_seconds + 59) / 60));

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", retry);
  caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_TOO_MANY, message);
}

static void
login_failed (CaijiHubWeb       *self,
              SoupServerMessage *msg,
              const char        *name,
              const char        *address)
{
  gint64 now = g_get_monotonic_time () / G_USEC_PER_SEC;
  gint64 wait;

  caiji_hub_login_limit_failed (self->login_limit, name, address, now);
  wait = caiji_hub_login_limit_locked (self->login_limit, name, address, now);
  if (wait > 0)
    refuse_locked (msg, wait);
  else
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_UNAUTHORIZED, _("Wrong name or password."));
}

static void
log_in (CaijiHubWeb       *self,
        SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CaijiHubSession) session = { 0 };
  g_autofree char *token = NULL;
  const char *address = soup_server_message_get_remote_host (msg);
  JsonObject *body = parse_json_body (msg, parser, &error);
  const char *name = body != NULL ? caiji_sync_json_string_member (body, "name") : NULL;
  const char *password = body != NULL ? caiji_sync_json_string_member (body, "password") : NULL;
  gint64 wait;
  gboolean valid = FALSE;

  if (body == NULL)
    {
      caiji_hub_reply_error (msg, error);
      return;
    }
  if (!caiji_hub_reviewer_check_name (name, NULL))
    name = "";
  wait = caiji_hub_login_limit_locked (self->login_limit, name, address, g_get_monotonic_time () / G_USEC_PER_SEC);
  if (wait > 0)
    refuse_locked (msg, wait);
  else if (*name == '\0' || password == NULL)
    login_failed (self, msg, name, address);
  else if (!caiji_hub_reviewer_verify (self->db, name, password, &valid, &error))
    caiji_hub_reply_error (msg, error);
  else if (!valid)
    login_failed (self, msg, name, address);
  else if ((token = caiji_hub_session_open (self->db, name, &session, &error)) == NULL)
    caiji_hub_reply_error (msg, error);
  else
    {
      caiji_hub_login_limit_succeeded (self->login_limit, name, address);
      set_cookie (self, msg, token, CAIJI_HUB_SESSION_SECONDS);
      reply_session (msg, &session);
    }
}

/* Logged-in requests */

static void
log_out (CaijiHubWeb       *self,
         SoupServerMessage *msg,
         const char        *token)
{
  g_autoptr(GError) error = NULL;

  if (!caiji_hub_session_close (self->db, token, &error))
    {
      caiji_hub_reply_error (msg, error);
      return;
    }
  set_cookie (self, msg, "", 0);
  caiji_hub_reply_json (msg, SOUP_STATUS_OK, g_strdup ("{}"));
}

static void
list_records (CaijiHubWeb       *self,
              SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;
  char *json = caiji_hub_review_pending_json (self->db, &error);

  if (json != NULL)
    caiji_hub_reply_json (msg, SOUP_STATUS_OK, json);
  else
    caiji_hub_reply_error (msg, error);
}

static void
send_image (CaijiHubWeb       *self,
            SoupServerMessage *msg,
            const char        *uuid,
            const char        *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = caiji_hub_review_image (self->db, uuid, kind, &error);

  if (image == NULL)
    {
      caiji_hub_reply_error (msg, error);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (image, NULL), g_bytes_get_size (image));
}

static void
decide (CaijiHubWeb           *self,
        SoupServerMessage     *msg,
        const char            *uuid,
        const CaijiHubSession *session)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *body = parse_json_body (msg, parser, &error);
  const char *decision = body != NULL ? caiji_sync_json_string_member (body, "decision") : NULL;
  const char *reason = body != NULL ? caiji_sync_json_string_member (body, "reason") : NULL;
  /* "  " is no reason: trimmed, it is refused as missing. */
  g_autofree char *trimmed = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;

  if (body == NULL ||
      !caiji_hub_review_decide (self->db, uuid, decision, trimmed, session->reviewer, &error))
    caiji_hub_reply_error (msg, error);
  else
    caiji_hub_reply_json (msg, SOUP_STATUS_OK, g_strdup ("{}"));
}

/* "UUID/images/KIND" or "UUID/decision" */
static void
route_record (CaijiHubWeb           *self,
              SoupServerMessage     *msg,
              const char            *rest,
              const CaijiHubSession *session)
{
  g_auto(GStrv) parts = g_strsplit (rest, "/", 4);
  const char *method = soup_server_message_get_method (msg);
  guint n = g_strv_length (parts);

  if (n == 3 && g_str_equal (parts[1], "images") && g_str_equal (method, SOUP_METHOD_GET))
    send_image (self, msg, parts[0], parts[2]);
  else if (n == 2 && g_str_equal (parts[1], "decision") && g_str_equal (method, SOUP_METHOD_POST))
    decide (self, msg, parts[0], session);
  else
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_NOT_FOUND, _("There is no such page on this hub."));
}

static void
route_logged_in (CaijiHubWeb           *self,
                 SoupServerMessage     *msg,
                 const char            *path,
                 const char            *token,
                 const CaijiHubSession *session)
{
  const char *method = soup_server_message_get_method (msg);
  gboolean is_post = g_str_equal (method, SOUP_METHOD_POST);
  const char *csrf = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), CSRF_HEADER);

  if (is_post && !tokens_equal (session->csrf_token, csrf))
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_FORBIDDEN,
                            _("This change did not come from the review page; reload the page and try again."));
  else if (g_str_equal (path, API_PREFIX "session") && !is_post)
    reply_session (msg, session);
  else if (g_str_equal (path, API_PREFIX "logout") && is_post)
    log_out (self, msg, token);
  else if (g_str_equal (path, API_PREFIX "records") && !is_post)
    list_records (self, msg);
  else if (g_str_has_prefix (path, RECORDS_PREFIX))
    route_record (self, msg, path + strlen (RECORDS_PREFIX), session);
  else
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_NOT_FOUND, _("There is no such page on this hub."));
}

static void
route_api (CaijiHubWeb       *self,
           SoupServerMessage *msg,
           const char        *path)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GError) error = NULL;
  g_auto(CaijiHubSession) session = { 0 };
  g_autofree char *token = session_cookie (msg);

  if (!g_str_equal (method, SOUP_METHOD_GET) && !g_str_equal (method, SOUP_METHOD_POST))
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_METHOD, _("This address does not accept that method."));
  else if (g_str_equal (method, SOUP_METHOD_POST) && !same_origin (msg))
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_FORBIDDEN, _("Requests from other web sites are refused."));
  else if (g_str_equal (path, API_PREFIX "login") && g_str_equal (method, SOUP_METHOD_POST))
    log_in (self, msg);
  else if (!caiji_hub_session_find (self->db, token, &session, &error))
    caiji_hub_reply_error (msg, error);
  else
    route_logged_in (self, msg, path, token, &session);
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           data)
{
  caiji_hub_reply_check_body_size (msg, CAIJI_HUB_WEB_MAX_BODY);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  if (g_str_has_prefix (path, API_PREFIX))
    route_api (data, msg, path);
  else if (g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_GET))
    serve_static (msg, path);
  else
    caiji_hub_reply_refuse (msg, CAIJI_HUB_ERROR_METHOD, _("This address does not accept that method."));
  add_safety_headers (msg);
}

CaijiHubWeb *
caiji_hub_web_new (CaijiHubDb *db,
                   gboolean    over_tls)
{
  CaijiHubWeb *self = g_new0 (CaijiHubWeb, 1);

  self->db = db;
  self->over_tls = over_tls;
  self->login_limit = caiji_hub_login_limit_new ();
  /* Naming the resource keeps the linker from dropping it (and the
   * constructor that registers it) out of the static library. */
  g_assert (caiji_hub_get_resource () != NULL);
  return self;
}

void
caiji_hub_web_attach (CaijiHubWeb *self,
                      SoupServer  *server)
{
  soup_server_add_early_handler (server, CAIJI_HUB_WEB_PREFIX, early_handler, self, NULL);
  soup_server_add_handler (server, CAIJI_HUB_WEB_PREFIX, handler, self, NULL);
}

void
caiji_hub_web_free (CaijiHubWeb *self)
{
  if (self == NULL)
    return;
  caiji_hub_login_limit_free (self->login_limit);
  g_free (self);
}
