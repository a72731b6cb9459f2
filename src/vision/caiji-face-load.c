/* caiji-face-load.c: load the face models on a worker thread
 *
 * Loading hashes and parses about 5 MB, far too long for the UI thread;
 * the kiosk starts it at launch and learns on the main loop whether face
 * recognition is available.
 */
#include "caiji-config.h"

#include "caiji-face.h"

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (caiji_face_models_load (&error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
caiji_face_models_load_async (GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, caiji_face_models_load_async);
  g_task_run_in_thread (task, load_in_thread);
}

gboolean
caiji_face_models_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
