/* caiji-sync-worker.h: the outbox worker that delivers approved records
 *
 * caiji_sync_worker_start() runs deliveries on a thread of its own, with
 * its own GMainContext and HTTP session, and emits ::pass-finished on the
 * context that started it (the GUI's), so the UI never waits on the
 * network.  caiji_sync_worker_run_once() does one pass on the calling
 * thread, for the CLI and the tests.  A pass first pulls the roster's
 * changes and the central review's decisions, then delivers what is due.  All state lives in the store: a
 * worker that restarts picks up where the last one stopped.
 */
#pragma once

#include <gio/gio.h>

#include "caiji-store.h"
#include "caiji-sync-backoff.h"

G_BEGIN_DECLS

typedef struct {
  const char   *hub_url;          /* "http://127.0.0.1:8443" */
  const char   *token;            /* the device token from `caiji-hub device add` */
  guint         timeout_seconds;  /* per read/write; 0 means 30 */
  guint         poll_seconds;     /* longest sleep between passes; 0 means 60 */
  CaijiBackoff  backoff;          /* zero means CAIJI_BACKOFF_DEFAULT */
  const char   *ca_file;          /* PEM CA to pin the hub's certificate to; NULL: the system's CAs */
} CaijiSyncConfig;

typedef struct {
  guint attempted;
  guint delivered;
  guint retrying;
  guint held;
  gboolean stopped;   /* the hub refused this device; the rest waits */
  guint roster_received;  /* candidates new or changed on the hub */
  gboolean roster_failed; /* why: the store's sync state "roster.last_error" */
  guint decisions_applied;   /* central review decisions applied to records */
  gboolean decisions_failed; /* why: the sync state "decisions.last_error" */
} CaijiSyncPass;

/* Called after each record, on the thread doing the pass. */
typedef void (*CaijiSyncProgressFunc) (guint     done,
                                       guint     total,
                                       gpointer  user_data);

#define CAIJI_TYPE_SYNC_WORKER (caiji_sync_worker_get_type ())
G_DECLARE_FINAL_TYPE (CaijiSyncWorker, caiji_sync_worker, CAIJI, SYNC_WORKER, GObject)

CaijiSyncWorker *caiji_sync_worker_new      (CaijiStore            *store,
                                             const CaijiSyncConfig *config);
gboolean         caiji_sync_worker_run_once (CaijiSyncWorker       *self,
                                             gboolean               ignore_schedule,
                                             CaijiSyncPass         *pass,
                                             CaijiSyncProgressFunc  progress,
                                             gpointer               user_data,
                                             GCancellable          *cancellable,
                                             GError               **error);
void             caiji_sync_worker_start    (CaijiSyncWorker       *self);
void             caiji_sync_worker_wake     (CaijiSyncWorker       *self);
void             caiji_sync_worker_stop     (CaijiSyncWorker       *self);

G_END_DECLS
