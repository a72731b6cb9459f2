/* fault-proxy.c: the proxy runs on its own thread and main context, so
 * the kiosk's blocking upload on the test thread can talk to it */
#include <libsoup/soup.h>
#include <string.h>

#include "fault-proxy.h"

#define SLOW_SECONDS 4

struct _FaultProxy
{
  char         *hub_url;
  char         *url;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  SoupSession  *session;
  gint          mode;        /* atomic FaultMode */
  gint          requests;    /* atomic */
  GMutex        lock;
  GCond         ready;
};

static void
forward (FaultProxy        *proxy,
         SoupServerMessage *msg,
         const char        *path)
{
  g_autofree char *url = g_strconcat (proxy->hub_url, path + 1, NULL);
  g_autoptr(SoupMessage) upstream = soup_message_new (soup_server_message_get_method (msg), url);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) answer = NULL;
  const char *type;

  soup_message_headers_replace (soup_message_get_request_headers (upstream), "Authorization",
                                soup_message_headers_get_one (in, "Authorization"));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (upstream, "application/json", body);
  answer = soup_session_send_and_read (proxy->session, upstream, NULL, NULL);
  if (answer == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
      return;
    }
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (upstream), NULL);
  soup_server_message_set_status (msg, soup_message_get_status (upstream), NULL);
  soup_server_message_set_response (msg, type != NULL ? type : "application/octet-stream", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  g_io_stream_close (stream, NULL, NULL);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  FaultProxy *proxy = data;
  static const char garbage[] = "{\"uuid\": 12, \"images\": [";

  g_atomic_int_inc (&proxy->requests);
  switch (g_atomic_int_get (&proxy->mode))
    {
    case FAULT_500:
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "oops", 4);
      break;
    case FAULT_503_RETRY:
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "120");
      break;
    case FAULT_GARBAGE:
      forward (proxy, msg, path);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, garbage, strlen (garbage));
      break;
    case FAULT_SLOW:
      g_usleep (SLOW_SECONDS * G_USEC_PER_SEC);
      soup_server_message_set_status (msg, SOUP_STATUS_GATEWAY_TIMEOUT, NULL);
      break;
    case FAULT_RESET:
      forward (proxy, msg, path);
      drop_connection (msg);
      break;
    default:
      forward (proxy, msg, path);
      break;
    }
}

static gpointer
thread_main (gpointer data)
{
  FaultProxy *proxy = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (proxy->context);
  proxy->session = soup_session_new ();
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, handler, proxy, NULL);
  soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy->server);
  g_mutex_lock (&proxy->lock);
  proxy->url = g_uri_to_string (uris->data);
  g_cond_signal (&proxy->ready);
  g_mutex_unlock (&proxy->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (proxy->loop);
  /* Close the kept-alive connections and let their sources finish, or
   * their objects outlive the context. */
  soup_server_disconnect (proxy->server);
  soup_session_abort (proxy->session);
  while (g_main_context_iteration (proxy->context, FALSE))
    ;
  g_clear_object (&proxy->server);
  g_clear_object (&proxy->session);
  while (g_main_context_iteration (proxy->context, FALSE))
    ;
  g_main_context_pop_thread_default (proxy->context);
  return NULL;
}

/* hub_url ends with "/". */
FaultProxy *
fault_proxy_new (const char *hub_url)
{
  FaultProxy *proxy = g_new0 (FaultProxy, 1);

  proxy->hub_url = g_strdup (hub_url);
  proxy->context = g_main_context_new ();
  proxy->loop = g_main_loop_new (proxy->context, FALSE);
  g_mutex_init (&proxy->lock);
  g_cond_init (&proxy->ready);
  proxy->thread = g_thread_new ("fault-proxy", thread_main, proxy);
  g_mutex_lock (&proxy->lock);
  while (proxy->url == NULL)
    g_cond_wait (&proxy->ready, &proxy->lock);
  g_mutex_unlock (&proxy->lock);
  return proxy;
}

const char *
fault_proxy_url (FaultProxy *proxy)
{
  return proxy->url;
}

void
fault_proxy_set_mode (FaultProxy *proxy,
                      FaultMode   mode)
{
  g_atomic_int_set (&proxy->mode, mode);
}

guint
fault_proxy_requests (FaultProxy *proxy)
{
  return (guint) g_atomic_int_get (&proxy->requests);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

void
fault_proxy_free (FaultProxy *proxy)
{
  g_main_context_invoke (proxy->context, quit_loop, proxy->loop);
  g_thread_join (proxy->thread);
  g_main_loop_unref (proxy->loop);
  g_main_context_unref (proxy->context);
  g_mutex_clear (&proxy->lock);
  g_cond_clear (&proxy->ready);
  g_free (proxy->hub_url);
  g_free (proxy->url);
  g_free (proxy);
}
