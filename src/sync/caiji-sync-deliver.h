/* caiji-sync-deliver.h: one outbox entry, from the store to the hub and
 * back into the store */
#pragma once

#include "caiji-store.h"
#include "caiji-sync-backoff.h"
#include "caiji-sync-client.h"

G_BEGIN_DECLS

gboolean caiji_sync_deliver (CaijiStore             *store,
                             CaijiSyncClient        *client,
                             const CaijiBackoff     *backoff,
                             GRand                  *rand,
                             const CaijiOutboxEntry *entry,
                             CaijiDeliveryOutcome   *outcome,
                             GCancellable           *cancellable,
                             GError                **error);

G_END_DECLS
