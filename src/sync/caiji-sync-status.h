/* caiji-sync-status.h: what the sync has left in the store, at a glance
 *
 * One snapshot for `caiji sync status` and operator mode alike: the
 * outbox counts, the records the hub refused (with its reasons) and the
 * feeds' last problems.
 */
#pragma once

#include "caiji-store.h"

G_BEGIN_DECLS

typedef struct {
  CaijiSyncCounts  counts;
  GPtrArray       *held;             /* of CaijiOutboxEntry */
  char            *roster_cursor;    /* nullable */
  char            *roster_error;     /* nullable */
  char            *decisions_error;  /* nullable */
} CaijiSyncStatus;

CaijiSyncStatus *caiji_sync_status_load (CaijiStore      *store,
                                         gint64           now,
                                         GError         **error);
void             caiji_sync_status_free (CaijiSyncStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiSyncStatus, caiji_sync_status_free)

G_END_DECLS
