/* caiji-operator-sync-tasks.c: operator mode's sync work, off the main thread */
#include "caiji-config.h"

#include "caiji-operator-sync-tasks.h"

#define OPERATOR_ACTOR "operator"

typedef struct {
  gint64            record_id;
  CaijiOutboxAction action;
} OutboxInput;

static void
sync_status_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  CaijiSyncStatus *status = caiji_sync_status_load (CAIJI_STORE (source), g_get_real_time () / G_USEC_PER_SEC,
                                                    &error);

  if (status == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, status, (GDestroyNotify) caiji_sync_status_free);
}

static void
outbox_action_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const OutboxInput *input = task_data;
  GError *error = NULL;
  gboolean ok;

  if (input->action == CAIJI_OUTBOX_SEND_AGAIN)
    ok = caiji_store_outbox_release (CAIJI_STORE (source), input->record_id, OPERATOR_ACTOR, &error);
  else
    ok = caiji_store_outbox_submit_for_review (CAIJI_STORE (source), input->record_id, OPERATOR_ACTOR, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
caiji_operator_sync_status_async (CaijiStore          *store,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, caiji_operator_sync_status_async);
  g_task_run_in_thread (task, sync_status_thread);
}

CaijiSyncStatus *
caiji_operator_sync_status_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
caiji_operator_outbox_action_async (CaijiStore          *store,
                                    gint64               record_id,
                                    CaijiOutboxAction    action,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  OutboxInput *input = g_new0 (OutboxInput, 1);

  input->record_id = record_id;
  input->action = action;
  g_task_set_task_data (task, input, g_free);
  g_task_set_source_tag (task, caiji_operator_outbox_action_async);
  g_task_run_in_thread (task, outbox_action_thread);
}

gboolean
caiji_operator_outbox_action_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
