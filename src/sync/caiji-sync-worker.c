/* caiji-sync-worker.c: passes over the outbox, on demand or on a thread
 *
 * The thread sleeps until the earliest scheduled retry (at most
 * poll_seconds, so records approved by another process are noticed too)
 * or until caiji_sync_worker_wake().  Stopping cancels the upload in
 * flight; that record is simply sent again next time.
 */
#include "caiji-config.h"

#include "caiji-sync-decisions.h"
#include "caiji-sync-deliver.h"
#include "caiji-sync-roster.h"
#include "caiji-sync-worker.h"

#include <string.h>

#define DEFAULT_TIMEOUT_SECONDS 30
#define DEFAULT_POLL_SECONDS    60

struct _CaijiSyncWorker
{
  GObject       parent_instance;

  CaijiStore   *store;
  char         *hub_url;
  char         *token;
  char         *ca_file;
  guint         timeout_seconds;
  guint         poll_seconds;
  CaijiBackoff  backoff;

  /* the thread, when started */
  GThread      *thread;
  GMainContext *owner_context;
  GCancellable *cancellable;
  GMutex        lock;
  GCond         cond;
  gboolean      woken;
  gboolean      stopping;
};

enum { PASS_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CaijiSyncWorker, caiji_sync_worker, G_TYPE_OBJECT)

static void
caiji_sync_worker_dispose (GObject *object)
{
  caiji_sync_worker_stop (CAIJI_SYNC_WORKER (object));
  G_OBJECT_CLASS (caiji_sync_worker_parent_class)->dispose (object);
}

static void
caiji_sync_worker_finalize (GObject *object)
{
  CaijiSyncWorker *self = CAIJI_SYNC_WORKER (object);

  g_clear_object (&self->store);
  g_free (self->hub_url);
  g_free (self->token);
  g_free (self->ca_file);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (caiji_sync_worker_parent_class)->finalize (object);
}

static void
caiji_sync_worker_class_init (CaijiSyncWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caiji_sync_worker_dispose;
  object_class->finalize = caiji_sync_worker_finalize;

  /* Emitted on the context that called start(), after every pass: time to
   * refresh the operator's sync status. */
  signals[PASS_FINISHED] = g_signal_new ("pass-finished", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
caiji_sync_worker_init (CaijiSyncWorker *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

CaijiSyncWorker *
caiji_sync_worker_new (CaijiStore            *store,
                       const CaijiSyncConfig *config)
{
  CaijiSyncWorker *self;

  g_return_val_if_fail (CAIJI_IS_STORE (store), NULL);
  g_return_val_if_fail (config != NULL && config->hub_url != NULL && config->token != NULL, NULL);

  self = g_object_new (CAIJI_TYPE_SYNC_WORKER, NULL);
  self->store = g_object_ref (store);
  self->hub_url = g_strdup (config->hub_url);
  self->token = g_strdup (config->token);
  self->ca_file = g_strdup (config->ca_file);
  self->timeout_seconds = config->timeout_seconds > 0 ? config->timeout_seconds : DEFAULT_TIMEOUT_SECONDS;
  self->poll_seconds = config->poll_seconds > 0 ? config->poll_seconds : DEFAULT_POLL_SECONDS;
  self->backoff = config->backoff.base_seconds > 0 ? config->backoff : CAIJI_BACKOFF_DEFAULT;
  return self;
}

static void
count_outcome (CaijiSyncPass        *pass,
               CaijiDeliveryOutcome  outcome)
{
  pass->attempted++;
  if (outcome == CAIJI_DELIVERY_CONFIRMED)
    pass->delivered++;
  else if (outcome == CAIJI_DELIVERY_REFUSED)
    pass->held++;
  else
    pass->retrying++;
  pass->stopped = outcome == CAIJI_DELIVERY_STOP_ALL;
}

/* A feed problem must not hold back deliveries: it is kept in the store
 * for the operator and the pass goes on.  Decisions come first so that a
 * record approved centrally is delivered in the same pass. */
static void
pull_feeds (CaijiSyncWorker *self,
            CaijiSyncClient *client,
            CaijiSyncPass   *pass,
            GCancellable    *cancellable)
{
  pass->roster_failed = !caiji_sync_pull_roster (self->store, client, &pass->roster_received,
                                                 cancellable, NULL);
  pass->decisions_failed = !caiji_sync_pull_decisions (self->store, client, &pass->decisions_applied,
                                                       cancellable, NULL);
}

/* Every due entry once, oldest first.  ignore_schedule sends the waiting
 * ones too (the operator asked for a sync now); held ones stay held. */
static gboolean
run_pass (CaijiSyncWorker       *self,
          CaijiSyncClient       *client,
          gboolean               ignore_schedule,
          CaijiSyncPass         *pass,
          CaijiSyncProgressFunc  progress,
          gpointer               user_data,
          GCancellable          *cancellable,
          GError               **error)
{
  gint64 now = ignore_schedule ? G_MAXINT64 : g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GRand) rand = g_rand_new ();

  memset (pass, 0, sizeof *pass);
  pull_feeds (self, client, pass, cancellable);
  due = caiji_store_outbox_list_due (self->store, now, G_MAXINT32, error);
  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < due->len && !pass->stopped && !g_cancellable_is_cancelled (cancellable); i++)
    {
      CaijiDeliveryOutcome outcome;

      if (!caiji_sync_deliver (self->store, client, &self->backoff, rand, due->pdata[i],
                               &outcome, cancellable, error))
        return FALSE;
      if (outcome != CAIJI_DELIVERY_CANCELLED)
        count_outcome (pass, outcome);
      if (progress != NULL)
        progress (i + 1, due->len, user_data);
    }
  return TRUE;
}

gboolean
caiji_sync_worker_run_once (CaijiSyncWorker       *self,
                            gboolean               ignore_schedule,
                            CaijiSyncPass         *pass,
                            CaijiSyncProgressFunc  progress,
                            gpointer               user_data,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autoptr(CaijiSyncClient) client = NULL;
  CaijiSyncPass ignored;

  g_return_val_if_fail (CAIJI_IS_SYNC_WORKER (self), FALSE);

  client = caiji_sync_client_new_pinned (self->hub_url, self->token, self->timeout_seconds, self->ca_file);
  return run_pass (self, client, ignore_schedule, pass != NULL ? pass : &ignored,
                   progress, user_data, cancellable, error);
}

/* The thread */

static gboolean
emit_pass_finished (gpointer data)
{
  g_signal_emit (data, signals[PASS_FINISHED], 0);
  return G_SOURCE_REMOVE;
}

/* Until the earliest retry, within [1, poll_seconds]. */
static gint64
seconds_to_sleep (CaijiSyncWorker *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  CaijiSyncCounts counts;
  gint64 wait = self->poll_seconds;

  if (caiji_store_sync_counts (self->store, now, &counts, NULL) && counts.waiting > 0)
    wait = CLAMP (counts.next_attempt_at - now, 1, (gint64) self->poll_seconds);
  caiji_sync_counts_clear (&counts);
  return wait;
}

static void
sleep_until_due (CaijiSyncWorker *self)
{
  gint64 until = g_get_monotonic_time () + seconds_to_sleep (self) * G_USEC_PER_SEC;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  while (!self->woken && !self->stopping)
    if (!g_cond_wait_until (&self->cond, &self->lock, until))
      break;
  self->woken = FALSE;
}

static void
report_pass_error (GError *error)
{
  g_warning ("Sync pass failed: %s", error->message);
}

static gpointer
thread_main (gpointer data)
{
  CaijiSyncWorker *self = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(CaijiSyncClient) client = NULL;

  /* The session belongs to this thread's context, never the GUI's. */
  g_main_context_push_thread_default (context);
  client = caiji_sync_client_new_pinned (self->hub_url, self->token, self->timeout_seconds, self->ca_file);
  while (!g_cancellable_is_cancelled (self->cancellable))
    {
      g_autoptr(GError) error = NULL;
      CaijiSyncPass pass;

      if (!run_pass (self, client, FALSE, &pass, NULL, NULL, self->cancellable, &error))
        report_pass_error (error);
      g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, emit_pass_finished,
                                  g_object_ref (self), g_object_unref);
      sleep_until_due (self);
    }
  g_clear_object (&client);
  g_main_context_pop_thread_default (context);
  return NULL;
}

void
caiji_sync_worker_start (CaijiSyncWorker *self)
{
  g_return_if_fail (CAIJI_IS_SYNC_WORKER (self));
  g_return_if_fail (self->thread == NULL);

  self->owner_context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->stopping = FALSE;
  self->thread = g_thread_new ("caiji-sync", thread_main, self);
}

/* A record was just approved: no need to wait for the next poll. */
void
caiji_sync_worker_wake (CaijiSyncWorker *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (CAIJI_IS_SYNC_WORKER (self));

  locker = g_mutex_locker_new (&self->lock);
  self->woken = TRUE;
  g_cond_signal (&self->cond);
}

void
caiji_sync_worker_stop (CaijiSyncWorker *self)
{
  g_return_if_fail (CAIJI_IS_SYNC_WORKER (self));

  if (self->thread == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
}
