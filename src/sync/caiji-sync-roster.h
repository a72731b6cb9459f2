/* caiji-sync-roster.h: the roster, from the hub into the kiosk's store */
#pragma once

#include "caiji-store.h"
#include "caiji-sync-client.h"
#include "caiji-sync-feed.h"

G_BEGIN_DECLS

#define CAIJI_SYNC_ROSTER_CURSOR "roster.cursor"
#define CAIJI_SYNC_ROSTER_ERROR  "roster.last_error"

gboolean caiji_sync_pull_roster (CaijiStore      *store,
                                 CaijiSyncClient *client,
                                 guint           *received,
                                 GCancellable    *cancellable,
                                 GError         **error);

/* The feed itself, for applying a page the hub sent. */
extern const CaijiFeed caiji_sync_roster_feed;

G_END_DECLS
