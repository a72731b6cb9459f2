/* caiji-sync-feed.h: walking a paged, incremental hub feed (roster,
 * decisions) from the cursor kept in the store */
#pragma once

#include "caiji-store.h"
#include "caiji-sync-client.h"

G_BEGIN_DECLS

/* Applies one page's items; *applied counts what changed locally. */
typedef gboolean (*CaijiFeedApplyFunc) (CaijiStore *store,
                                        JsonArray  *items,
                                        guint      *applied,
                                        GError    **error);

typedef struct {
  const char         *endpoint;     /* "/api/v1/roster" */
  const char         *list_member;  /* "candidates" */
  const char         *cursor_key;   /* sync_state key of the cursor */
  const char         *error_key;    /* sync_state key of the last problem */
  CaijiFeedApplyFunc  apply;
} CaijiFeed;

gboolean    caiji_sync_feed_pull (CaijiStore      *store,
                                  CaijiSyncClient *client,
                                  const CaijiFeed *feed,
                                  guint           *applied,
                                  GCancellable    *cancellable,
                                  GError         **error);
/* One page of a feed's answer: applies its items, then saves its cursor;
 * *more says whether the hub has further pages. */
gboolean    caiji_sync_feed_apply_page (CaijiStore      *store,
                                        const CaijiFeed *feed,
                                        JsonObject      *page,
                                        guint           *applied,
                                        gboolean        *more,
                                        GError         **error);
const char *caiji_sync_json_text (JsonObject      *object,
                                  const char      *name);

G_END_DECLS
