/* caiji-sync-decisions.h: the central review's decisions, applied to the
 * kiosk's records */
#pragma once

#include "caiji-store.h"
#include "caiji-sync-client.h"
#include "caiji-sync-feed.h"

G_BEGIN_DECLS

#define CAIJI_SYNC_DECISIONS_CURSOR "decisions.cursor"
#define CAIJI_SYNC_DECISIONS_ERROR  "decisions.last_error"

gboolean caiji_sync_pull_decisions (CaijiStore      *store,
                                    CaijiSyncClient *client,
                                    guint           *applied,
                                    GCancellable    *cancellable,
                                    GError         **error);

/* The feed itself, for applying a page the hub sent. */
extern const CaijiFeed caiji_sync_decisions_feed;

G_END_DECLS
