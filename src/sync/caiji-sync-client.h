/* caiji-sync-client.h: one HTTP exchange with the hub, and what it means
 *
 * The client never decides what to do with the record; it only says how
 * the hub answered, in the terms of docs/sync-protocol.md.  Calls block:
 * use the client on a worker thread (the outbox worker's), never the GUI's.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  CAIJI_DELIVERY_CONFIRMED,     /* 200/201 confirming the uuid and every sha256 */
  CAIJI_DELIVERY_RETRY,         /* network, timeout, 408, 429, 5xx, an unconfirming answer */
  CAIJI_DELIVERY_REFUSED,       /* any other 4xx: hold the record for the operator */
  CAIJI_DELIVERY_STOP_ALL,      /* 401/403 or a bad hub address: no record can go, stop the pass */
  CAIJI_DELIVERY_CANCELLED,     /* we stopped, the hub said nothing */
} CaijiDeliveryOutcome;

typedef struct {
  CaijiDeliveryOutcome outcome;
  guint   http_status;   /* 0 when no answer came */
  gint64  retry_after;   /* seconds the hub asked us to wait, -1 if it did not */
  char   *result;        /* "created", "unchanged" or "updated" when confirmed */
  char   *message;       /* why, for the operator, when not confirmed */
} CaijiDelivery;

#define CAIJI_TYPE_SYNC_CLIENT (caiji_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (CaijiSyncClient, caiji_sync_client, CAIJI, SYNC_CLIENT, GObject)

CaijiSyncClient *caiji_sync_client_new        (const char      *hub_url,
                                               const char      *token,
                                               guint            timeout_seconds);
CaijiSyncClient *caiji_sync_client_new_pinned (const char      *hub_url,
                                               const char      *token,
                                               guint            timeout_seconds,
                                               const char      *ca_file);
void             caiji_sync_client_put_record (CaijiSyncClient *self,
                                               const char      *uuid,
                                               GBytes          *body,
                                               GPtrArray       *images,
                                               CaijiDelivery   *delivery,
                                               GCancellable    *cancellable);
JsonNode        *caiji_sync_client_get_json   (CaijiSyncClient *self,
                                               const char      *path_and_query,
                                               GCancellable    *cancellable,
                                               GError         **error);
const char      *caiji_sync_json_string_member (JsonObject *object,
                                                const char *name);
void             caiji_delivery_clear         (CaijiDelivery   *delivery);

G_END_DECLS
