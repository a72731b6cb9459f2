/* caiji-hub-server.h: the hub's HTTP side (docs/sync-protocol.md) */
#pragma once

#include <gio/gio.h>

#include "caiji-hub-db.h"

G_BEGIN_DECLS

#define CAIJI_HUB_DEFAULT_MAX_BODY (64 * 1024 * 1024)

typedef struct _CaijiHubServer CaijiHubServer;

CaijiHubServer *caiji_hub_server_new    (CaijiHubDb      *db,
                                         gsize            max_body_bytes,
                                         GTlsCertificate *tls_certificate);
gboolean        caiji_hub_server_listen (CaijiHubServer  *self,
                                         const char      *address,
                                         char           **url,
                                         GError         **error);
void            caiji_hub_server_free   (CaijiHubServer  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiHubServer, caiji_hub_server_free)

G_END_DECLS
