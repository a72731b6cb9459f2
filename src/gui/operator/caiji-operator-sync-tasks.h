/* caiji-operator-sync-tasks.h: operator mode's sync work, off the main thread */
#pragma once

#include <gio/gio.h>

#include "caiji-store.h"
#include "caiji-sync-status.h"

G_BEGIN_DECLS

typedef enum {
  CAIJI_OUTBOX_SEND_AGAIN,      /* a record the hub refused, after the reason was sorted out */
  CAIJI_OUTBOX_CENTRAL_REVIEW,  /* a record waiting for review, to the central reviewers */
} CaijiOutboxAction;

void             caiji_operator_sync_status_async    (CaijiStore          *store,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CaijiSyncStatus *caiji_operator_sync_status_finish   (GAsyncResult        *result,
                                                      GError             **error);

void             caiji_operator_outbox_action_async  (CaijiStore          *store,
                                                      gint64               record_id,
                                                      CaijiOutboxAction    action,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         caiji_operator_outbox_action_finish (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
