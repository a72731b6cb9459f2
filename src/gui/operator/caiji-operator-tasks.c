/* caiji-operator-tasks.c: operator mode's store work, off the main thread
 *
 * The JPEGs are decoded into textures on the worker too: a card scan can
 * take tens of milliseconds to decode, and the list must stay responsive.
 */
#include "caiji-config.h"

#include "caiji-operator-tasks.h"

#define OPERATOR_ACTOR "operator"

typedef struct {
  gint64             record_id;
  gboolean           review_only;
  CaijiRecordStatus  status;
  char              *reason;
} TaskInput;

static void
task_input_free (TaskInput *input)
{
  g_free (input->reason);
  g_free (input);
}

/* Helpers */

static GTask *
new_task (CaijiStore          *store,
          TaskInput           *input,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_task_data (task, input, (GDestroyNotify) task_input_free);
  return task;
}

static gboolean
wanted (const CaijiRecord *record,
        gboolean           review_only)
{
  return !review_only || record->status == CAIJI_RECORD_CAPTURED ||
         record->status == CAIJI_RECORD_PENDING_REVIEW;
}

static GHashTable *
names_by_student_no (CaijiStore  *store,
                     GError     **error)
{
  g_autoptr(GPtrArray) roster = caiji_store_roster_list (store, error);
  GHashTable *names;

  if (roster == NULL)
    return NULL;
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < roster->len; i++)
    {
      const CaijiCandidate *candidate = g_ptr_array_index (roster, i);

      g_hash_table_insert (names, g_strdup (candidate->student_no), g_strdup (candidate->name));
    }
  return names;
}

static CaijiOperatorEntry *
entry_new (CaijiRecord *record,
           GHashTable  *names)
{
  CaijiOperatorEntry *entry = g_new0 (CaijiOperatorEntry, 1);
  const char *name = g_hash_table_lookup (names, record->student_no);

  if (name == NULL)
    name = record->card_name;
  entry->name = g_strdup (name != NULL ? name : "");
  entry->record = record;
  return entry;
}

/* Worker threads */

static void
list_entries_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  TaskInput *input = task_data;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *entries;
  GError *error = NULL;

  names = names_by_student_no (source, &error);
  if (names != NULL)
    records = caiji_store_record_list (source, NULL, &error);
  if (records == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_set_free_func (records, NULL);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_operator_entry_free);
  for (guint i = 0; i < records->len; i++)
    {
      CaijiRecord *record = g_ptr_array_index (records, i);

      if (wanted (record, input->review_only))
        g_ptr_array_add (entries, entry_new (record, names));
      else
        caiji_record_free (record);
    }
  g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

static GdkTexture *
texture_from (GBytes *jpeg)
{
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = gdk_texture_new_from_bytes (jpeg, &error);

  /* The operator sees "cannot be shown" in its slot; the log says why. */
  if (texture == NULL)
    g_warning ("A stored image cannot be decoded: %s", error->message);
  return texture;
}

/* Slots without a picture hold NULL. */
static void
unref_texture (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

static void
load_textures_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  TaskInput *input = task_data;
  g_autoptr(GPtrArray) textures = g_ptr_array_new_full (CAIJI_IMAGE_N_KINDS, unref_texture);
  GError *error = NULL;

  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    {
      g_autoptr(GBytes) jpeg = caiji_store_record_get_image (source, input->record_id, kind, &error);

      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (textures, jpeg != NULL ? texture_from (jpeg) : NULL);
    }
  g_task_return_pointer (task, g_steal_pointer (&textures), (GDestroyNotify) g_ptr_array_unref);
}

static void
decide_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskInput *input = task_data;
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;
  GError *error = NULL;

  update.actor = OPERATOR_ACTOR;
  update.action = input->status == CAIJI_RECORD_APPROVED ? "review.approved" : "review.rejected";
  update.set_status = TRUE;
  update.status = input->status;
  update.status_reason = input->reason;
  if (caiji_store_record_update (source, input->record_id, &update, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
query_space (CaijiOperatorDeviceStatus *status)
{
  g_autofree char *folder = g_path_get_dirname (status->database_path);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_SIZE, NULL, &error);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    return;
  status->has_space = TRUE;
  status->free_bytes = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  status->total_bytes = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_SIZE);
}

static void
device_status_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(CaijiOperatorDeviceStatus) status = g_new0 (CaijiOperatorDeviceStatus, 1);
  GError *error = NULL;

  status->database_path = g_strdup (caiji_store_get_path (source));
  if (!caiji_store_check (source, &status->check, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  query_space (status);
  g_task_return_pointer (task, g_steal_pointer (&status),
                         (GDestroyNotify) caiji_operator_device_status_free);
}

/* Public API */

void
caiji_operator_entry_free (CaijiOperatorEntry *entry)
{
  caiji_record_free (entry->record);
  g_free (entry->name);
  g_free (entry);
}

void
caiji_operator_device_status_free (CaijiOperatorDeviceStatus *status)
{
  caiji_store_check_clear (&status->check);
  g_free (status->database_path);
  g_free (status);
}

void
caiji_operator_list_entries_async (CaijiStore          *store,
                                   gboolean             review_only,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  TaskInput *input = g_new0 (TaskInput, 1);
  g_autoptr(GTask) task = new_task (store, input, cancellable, callback, user_data);

  input->review_only = review_only;
  g_task_run_in_thread (task, list_entries_thread);
}

GPtrArray *
caiji_operator_list_entries_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
caiji_operator_load_textures_async (CaijiStore          *store,
                                    gint64               record_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  TaskInput *input = g_new0 (TaskInput, 1);
  g_autoptr(GTask) task = new_task (store, input, cancellable, callback, user_data);

  input->record_id = record_id;
  g_task_run_in_thread (task, load_textures_thread);
}

GPtrArray *
caiji_operator_load_textures_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
caiji_operator_decide_async (CaijiStore          *store,
                             gint64               record_id,
                             CaijiRecordStatus    status,
                             const char          *reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  TaskInput *input = g_new0 (TaskInput, 1);
  g_autoptr(GTask) task = new_task (store, input, cancellable, callback, user_data);

  input->record_id = record_id;
  input->status = status;
  input->reason = g_strdup (reason);
  g_task_run_in_thread (task, decide_thread);
}

gboolean
caiji_operator_decide_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
caiji_operator_device_status_async (CaijiStore          *store,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (store, g_new0 (TaskInput, 1), cancellable, callback, user_data);

  g_task_run_in_thread (task, device_status_thread);
}

CaijiOperatorDeviceStatus *
caiji_operator_device_status_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
