/* caiji-hub-feeds.h: the paged, incremental GET feeds (roster, decisions) */
#pragma once

#include <json-glib/json-glib.h>

#include "caiji-hub-db.h"

G_BEGIN_DECLS

#define CAIJI_HUB_FEED_DEFAULT_LIMIT 500
#define CAIJI_HUB_FEED_MAX_LIMIT     1000

char *caiji_hub_feed_roster    (CaijiHubDb *db,
                                gint64      since,
                                guint       limit,
                                GError    **error);
char *caiji_hub_feed_decisions (CaijiHubDb *db,
                                const char *device_id,
                                gint64      since,
                                guint       limit,
                                GError    **error);

void  caiji_hub_json_add_column (JsonBuilder *builder,
                                 const char  *name,
                                 PGresult    *result,
                                 int          row,
                                 int          column);

G_END_DECLS
