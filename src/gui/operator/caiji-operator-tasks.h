/* caiji-operator-tasks.h: operator mode's store work, off the main thread
 *
 * Every read and write of operator mode runs here in a GTask worker; the
 * callbacks come back on the main loop.  Pages pass a GCancellable they
 * cancel when they go away, and check for G_IO_ERROR_CANCELLED first.
 */
#pragma once

#include <gtk/gtk.h>

#include "caiji-store.h"

G_BEGIN_DECLS

/* A record with the candidate's roster name (else the name read from the
 * card) so lists can show and search it. */
typedef struct {
  CaijiRecord *record;
  char        *name;
} CaijiOperatorEntry;

typedef struct {
  char            *database_path;
  CaijiStoreCheck  check;
  gboolean         has_space;      /* FALSE when the file system would not say */
  guint64          free_bytes;
  guint64          total_bytes;
} CaijiOperatorDeviceStatus;

void                       caiji_operator_entry_free           (CaijiOperatorEntry *entry);
void                       caiji_operator_device_status_free   (CaijiOperatorDeviceStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiOperatorDeviceStatus, caiji_operator_device_status_free)

/* review_only: the records waiting for an operator (captured, pending_review). */
void                       caiji_operator_list_entries_async   (CaijiStore          *store,
                                                                gboolean             review_only,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GPtrArray                 *caiji_operator_list_entries_finish  (GAsyncResult        *result,
                                                                GError             **error);

/* CAIJI_IMAGE_N_KINDS slots, a GdkTexture or NULL (no such image, or it
 * cannot be decoded), indexed by CaijiImageKind. */
void                       caiji_operator_load_textures_async  (CaijiStore          *store,
                                                                gint64               record_id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GPtrArray                 *caiji_operator_load_textures_finish (GAsyncResult        *result,
                                                                GError             **error);

/* One store update with actor "operator": approved, or rejected with @reason. */
void                       caiji_operator_decide_async         (CaijiStore          *store,
                                                                gint64               record_id,
                                                                CaijiRecordStatus    status,
                                                                const char          *reason,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean                   caiji_operator_decide_finish        (GAsyncResult        *result,
                                                                GError             **error);

void                       caiji_operator_device_status_async  (CaijiStore          *store,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
CaijiOperatorDeviceStatus *caiji_operator_device_status_finish (GAsyncResult        *result,
                                                                GError             **error);

G_END_DECLS
