/* caiji-sync-status.c: what the sync has left in the store, at a glance */
#include "caiji-config.h"

#include "caiji-sync-decisions.h"
#include "caiji-sync-roster.h"
#include "caiji-sync-status.h"

void
caiji_sync_status_free (CaijiSyncStatus *status)
{
  caiji_sync_counts_clear (&status->counts);
  g_clear_pointer (&status->held, g_ptr_array_unref);
  g_free (status->roster_cursor);
  g_free (status->roster_error);
  g_free (status->decisions_error);
  g_free (status);
}

static gboolean
load_feed_state (CaijiStore      *store,
                 CaijiSyncStatus *status,
                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  status->roster_cursor = caiji_store_sync_state_get (store, CAIJI_SYNC_ROSTER_CURSOR, &local_error);
  if (local_error == NULL)
    status->roster_error = caiji_store_sync_state_get (store, CAIJI_SYNC_ROSTER_ERROR, &local_error);
  if (local_error == NULL)
    status->decisions_error = caiji_store_sync_state_get (store, CAIJI_SYNC_DECISIONS_ERROR, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

CaijiSyncStatus *
caiji_sync_status_load (CaijiStore *store,
                        gint64      now,
                        GError    **error)
{
  g_autoptr(CaijiSyncStatus) status = g_new0 (CaijiSyncStatus, 1);

  if (!caiji_store_sync_counts (store, now, &status->counts, error) || !load_feed_state (store, status, error))
    return NULL;
  status->held = caiji_store_outbox_list_held (store, error);
  if (status->held == NULL)
    return NULL;
  return g_steal_pointer (&status);
}
