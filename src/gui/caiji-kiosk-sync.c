/* caiji-kiosk-sync.c: the kiosk's background delivery to the hub
 *
 * The outbox worker runs on a thread of its own for as long as the kiosk
 * runs, so candidates never wait on the network.  It needs the hub-url
 * setting and the sealed device token (`caiji sync set-token`); while
 * either is missing the reason is kept for operator mode instead.  The
 * worker starts again when the operator changes the address, and "sync
 * now" also retries a configuration that failed, so a token entered
 * while the kiosk runs takes effect without a restart.
 *
 * ::changed is emitted when the state or the store's sync figures may
 * have changed (after every pass), on the main loop.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-kiosk-sync.h"
#include "caiji-sync-config.h"
#include "caiji-sync-worker.h"

struct _CaijiKioskSync {
  GObject          parent_instance;

  CaijiStore      *store;
  GSettings       *settings;   /* nullable: no installed schema */
  CaijiSyncWorker *worker;     /* NULL while not configured */
  char            *hub_url;
  char            *problem;    /* why there is no worker, else NULL */
  guint            restart_id; /* pending restart after an address edit */
  GCancellable    *resolving;  /* the token being read for the next worker */
};

/* The settings page writes the address on every keystroke; restart once
 * the operator has stopped typing. */
#define RESTART_DELAY_SECONDS 2

G_DEFINE_FINAL_TYPE (CaijiKioskSync, caiji_kiosk_sync, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
pass_finished_cb (CaijiKioskSync *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
stop_worker (CaijiKioskSync *self)
{
  if (self->worker == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->worker, self);
  caiji_sync_worker_stop (self->worker);
  g_clear_object (&self->worker);
}

/* The token file is read and unsealed on a worker: file I/O and the
 * key file never run on the main loop. */
static void
resolve_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  g_autofree char *url = NULL;
  char *token = NULL;

  if (caiji_sync_config_resolve (task_data, NULL, &url, &token, &error))
    g_task_return_pointer (task, token, g_free);
  else
    g_task_return_error (task, error);
}

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CaijiKioskSync *self = CAIJI_KIOSK_SYNC (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *ca_file = NULL;
  CaijiSyncConfig config = { 0 };

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* restarted or gone meanwhile */
  g_clear_object (&self->resolving);
  if (token == NULL)
    {
      self->problem = g_strdup (error->message);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  config.hub_url = self->hub_url;
  config.token = token;
  if (self->settings != NULL)
    ca_file = g_settings_get_string (self->settings, "hub-ca-file");
  config.ca_file = ca_file != NULL && ca_file[0] != '\0' ? ca_file : NULL;
  self->worker = caiji_sync_worker_new (self->store, &config);
  g_signal_connect_swapped (self->worker, "pass-finished", G_CALLBACK (pass_finished_cb), self);
  caiji_sync_worker_start (self->worker);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
start_worker (CaijiKioskSync *self)
{
  g_autoptr(GTask) task = NULL;

  stop_worker (self);
  g_cancellable_cancel (self->resolving);
  g_clear_object (&self->resolving);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->hub_url, g_free);
  if (self->settings != NULL)
    self->hub_url = g_settings_get_string (self->settings, "hub-url");
  if (self->hub_url == NULL || self->hub_url[0] == '\0')
    {
      self->problem = g_strdup (_("No central server address is set, so records stay on this kiosk. "
                                  "Set it under Settings."));
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  self->resolving = g_cancellable_new ();
  task = g_task_new (self, self->resolving, resolved_cb, NULL);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, g_strdup (self->hub_url), g_free);
  g_task_run_in_thread (task, resolve_thread);
}

static gboolean
restart_cb (gpointer data)
{
  CaijiKioskSync *self = data;

  self->restart_id = 0;
  start_worker (self);
  return G_SOURCE_REMOVE;
}

static void
hub_url_changed_cb (CaijiKioskSync *self)
{
  g_clear_handle_id (&self->restart_id, g_source_remove);
  self->restart_id = g_timeout_add_seconds (RESTART_DELAY_SECONDS, restart_cb, self);
}

static void
caiji_kiosk_sync_dispose (GObject *object)
{
  CaijiKioskSync *self = CAIJI_KIOSK_SYNC (object);

  g_clear_handle_id (&self->restart_id, g_source_remove);
  g_cancellable_cancel (self->resolving);
  g_clear_object (&self->resolving);
  stop_worker (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (caiji_kiosk_sync_parent_class)->dispose (object);
}

static void
caiji_kiosk_sync_finalize (GObject *object)
{
  CaijiKioskSync *self = CAIJI_KIOSK_SYNC (object);

  g_free (self->hub_url);
  g_free (self->problem);
  G_OBJECT_CLASS (caiji_kiosk_sync_parent_class)->finalize (object);
}

static void
caiji_kiosk_sync_class_init (CaijiKioskSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caiji_kiosk_sync_dispose;
  object_class->finalize = caiji_kiosk_sync_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
caiji_kiosk_sync_init (CaijiKioskSync *self)
{
}

CaijiKioskSync *
caiji_kiosk_sync_new (CaijiStore *store,
                      GSettings  *settings)
{
  CaijiKioskSync *self;

  g_return_val_if_fail (CAIJI_IS_STORE (store), NULL);

  self = g_object_new (CAIJI_TYPE_KIOSK_SYNC, NULL);
  self->store = g_object_ref (store);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_swapped (settings, "changed::hub-url", G_CALLBACK (hub_url_changed_cb), self);
      /* A new pinned CA applies to the next session, as a new address does. */
      g_signal_connect_swapped (settings, "changed::hub-ca-file", G_CALLBACK (hub_url_changed_cb), self);
    }
  start_worker (self);
  return self;
}

/* Empty when no address is set. */
const char *
caiji_kiosk_sync_get_hub_url (CaijiKioskSync *self)
{
  g_return_val_if_fail (CAIJI_IS_KIOSK_SYNC (self), NULL);
  return self->hub_url != NULL ? self->hub_url : "";
}

const char *
caiji_kiosk_sync_get_problem (CaijiKioskSync *self)
{
  g_return_val_if_fail (CAIJI_IS_KIOSK_SYNC (self), NULL);
  return self->problem;
}

gboolean
caiji_kiosk_sync_is_running (CaijiKioskSync *self)
{
  g_return_val_if_fail (CAIJI_IS_KIOSK_SYNC (self), FALSE);
  return self->worker != NULL;
}

void
caiji_kiosk_sync_now (CaijiKioskSync *self)
{
  g_return_if_fail (CAIJI_IS_KIOSK_SYNC (self));

  if (self->worker != NULL)
    caiji_sync_worker_wake (self->worker);
  else
    start_worker (self);
}
