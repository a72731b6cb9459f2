/* caiji-hub-web.h: the central review page and its JSON API under /review/ */
#pragma once

#include <libsoup/soup.h>

#include "caiji-hub-db.h"

G_BEGIN_DECLS

#define CAIJI_HUB_WEB_PREFIX "/review"
#define CAIJI_HUB_WEB_MAX_BODY (16 * 1024)

typedef struct _CaijiHubWeb CaijiHubWeb;

CaijiHubWeb *caiji_hub_web_new    (CaijiHubDb  *db,
                                   gboolean     over_tls);
void         caiji_hub_web_attach (CaijiHubWeb *self,
                                   SoupServer  *server);
void         caiji_hub_web_free   (CaijiHubWeb *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiHubWeb, caiji_hub_web_free)

G_END_DECLS
