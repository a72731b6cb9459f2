/* caiji-reader-watch.c: polling the ID card chip reader on worker threads
 *
 * The main thread owns the CaijiIdReader and lends it to one task at a
 * time; the task opens the port when there is none yet (the reader may be
 * plugged in after the kiosk started) and drops it when the port fails,
 * so an unplugged reader is looked for again a little later.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-id-reader.h"
#include "caiji-reader-watch.h"

#define POLL_INTERVAL_MS   300
#define RETRY_INTERVAL_MS  2000   /* after the reader was not there or failing */
#define READER_TIMEOUT_MS  2000
#define WATCH_KEY          "caiji-reader-watch"

struct _CaijiReaderWatch {
  GObject                 parent_instance;

  char                   *port;
  CaijiIdReader          *reader;        /* NULL while lent to a task or closed */
  GCancellable           *cancellable;   /* of the task in flight */
  guint                   timeout_id;
  gboolean                polling;
  gboolean                busy;
  CaijiReaderWatchStatus  status;
  char                   *detail;        /* SAM id or error message */
  char                   *announced;     /* number or refusal already shown */
};

G_DEFINE_FINAL_TYPE (CaijiReaderWatch, caiji_reader_watch, G_TYPE_OBJECT)

enum {
  SIGNAL_CARD_READ,
  SIGNAL_CARD_REFUSED,
  SIGNAL_STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One poll's input and outcome, handed between the threads. */
typedef struct {
  char              *port;
  CaijiIdReader     *reader;
  gboolean           probe;
  CaijiIdReaderCard *card;
  char              *sam_id;
  GError            *error;
} Poll;

static void
poll_free (Poll *poll)
{
  g_free (poll->port);
  g_clear_object (&poll->reader);
  g_clear_pointer (&poll->card, caiji_id_reader_card_free);
  g_free (poll->sam_id);
  g_clear_error (&poll->error);
  g_free (poll);
}

/* Worker thread */

static void
poll_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Poll *poll = task_data;

  if (poll->reader == NULL)
    {
      poll->reader = caiji_id_reader_open (poll->port, CAIJI_ID_READER_DEFAULT_BAUD, &poll->error);
      if (poll->reader == NULL)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      caiji_id_reader_set_timeout (poll->reader, READER_TIMEOUT_MS);
    }
  if (poll->probe)
    poll->sam_id = caiji_id_reader_probe (poll->reader, cancellable, &poll->error);
  else
    poll->card = caiji_id_reader_read (poll->reader, cancellable, &poll->error);
  /* A port that failed is reopened by a later poll, not reused. */
  if (g_error_matches (poll->error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT))
    g_clear_object (&poll->reader);
  g_task_return_boolean (task, TRUE);
}

/* Main thread */

static void schedule_poll (CaijiReaderWatch *self);

static void
set_status (CaijiReaderWatch       *self,
            CaijiReaderWatchStatus  status,
            const char             *detail)
{
  if (self->status == status && g_strcmp0 (self->detail, detail) == 0)
    return;
  self->status = status;
  g_free (self->detail);
  self->detail = g_strdup (detail);
  g_signal_emit (self, signals[SIGNAL_STATUS_CHANGED], 0);
}

/* Each card, or refusal, once: a card left on the reader is not signed in
 * again and again. */
static gboolean
first_time (CaijiReaderWatch *self,
            const char       *what)
{
  if (g_strcmp0 (self->announced, what) == 0)
    return FALSE;
  g_free (self->announced);
  self->announced = g_strdup (what);
  return TRUE;
}

static void
take_outcome (CaijiReaderWatch *self,
              Poll             *poll)
{
  const GError *error = poll->error;

  if (poll->card != NULL || poll->sam_id != NULL)
    set_status (self, CAIJI_READER_WATCH_CONNECTED, poll->sam_id != NULL ? poll->sam_id : self->detail);
  if (poll->card != NULL && first_time (self, poll->card->card->id_number))
    g_signal_emit (self, signals[SIGNAL_CARD_READ], 0, poll->card->card);
  if (error == NULL)
    return;

  if (error->domain != CAIJI_READER_ERROR)
    set_status (self, CAIJI_READER_WATCH_ERROR, error->message);
  else if (error->code == CAIJI_READER_ERROR_NO_CARD)
    {
      set_status (self, CAIJI_READER_WATCH_CONNECTED,
                  self->status == CAIJI_READER_WATCH_CONNECTED ? self->detail : NULL);
      g_clear_pointer (&self->announced, g_free);
    }
  else if (error->code == CAIJI_READER_ERROR_REFUSED)
    {
      set_status (self, CAIJI_READER_WATCH_CONNECTED, self->detail);
      if (first_time (self, error->message))
        g_signal_emit (self, signals[SIGNAL_CARD_REFUSED], 0, error->message);
    }
  else if (error->code == CAIJI_READER_ERROR_PORT)
    set_status (self, CAIJI_READER_WATCH_NOT_FOUND, error->message);
  else
    set_status (self, CAIJI_READER_WATCH_ERROR, error->message);
}

static void
poll_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CaijiReaderWatch *self = CAIJI_READER_WATCH (source);
  Poll *poll = g_task_get_task_data (G_TASK (result));

  self->busy = FALSE;
  g_set_object (&self->reader, poll->reader);
  if (!g_error_matches (poll->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    take_outcome (self, poll);
  if (self->polling)
    schedule_poll (self);
}

static void
run_poll (CaijiReaderWatch *self,
          gboolean          probe)
{
  g_autoptr(GTask) task = NULL;
  Poll *poll;

  if (self->busy)
    return;
  poll = g_new0 (Poll, 1);
  poll->port = g_strdup (self->port);
  poll->reader = g_steal_pointer (&self->reader);
  poll->probe = probe;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  task = g_task_new (self, self->cancellable, poll_done_cb, NULL);
  g_task_set_source_tag (task, run_poll);
  g_task_set_task_data (task, poll, (GDestroyNotify) poll_free);
  g_task_run_in_thread (task, poll_in_thread);
}

static gboolean
poll_timeout_cb (gpointer data)
{
  CaijiReaderWatch *self = data;

  self->timeout_id = 0;
  run_poll (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule_poll (CaijiReaderWatch *self)
{
  guint interval = self->status == CAIJI_READER_WATCH_CONNECTED ? POLL_INTERVAL_MS : RETRY_INTERVAL_MS;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (interval, poll_timeout_cb, self);
}

/* GObject */

static void
caiji_reader_watch_dispose (GObject *object)
{
  CaijiReaderWatch *self = CAIJI_READER_WATCH (object);

  caiji_reader_watch_stop (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reader);
  G_OBJECT_CLASS (caiji_reader_watch_parent_class)->dispose (object);
}

static void
caiji_reader_watch_finalize (GObject *object)
{
  CaijiReaderWatch *self = CAIJI_READER_WATCH (object);

  g_free (self->port);
  g_free (self->detail);
  g_free (self->announced);
  G_OBJECT_CLASS (caiji_reader_watch_parent_class)->finalize (object);
}

static void
caiji_reader_watch_class_init (CaijiReaderWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caiji_reader_watch_dispose;
  object_class->finalize = caiji_reader_watch_finalize;

  signals[SIGNAL_CARD_READ] = g_signal_new ("card-read", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[SIGNAL_CARD_REFUSED] = g_signal_new ("card-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
caiji_reader_watch_init (CaijiReaderWatch *self)
{
}

/* Public API */

CaijiReaderWatch *
caiji_reader_watch_new (const char *port)
{
  CaijiReaderWatch *self;

  g_return_val_if_fail (port != NULL && port[0] != '\0', NULL);

  self = g_object_new (CAIJI_TYPE_READER_WATCH, NULL);
  self->port = g_strdup (port);
  return self;
}

void
caiji_reader_watch_start (CaijiReaderWatch *self)
{
  g_return_if_fail (CAIJI_IS_READER_WATCH (self));

  if (self->polling)
    return;
  self->polling = TRUE;
  g_clear_pointer (&self->announced, g_free);
  if (!self->busy)
    run_poll (self, FALSE);
}

/* Returns at once: a poll in flight is cancelled and finishes on its own. */
void
caiji_reader_watch_stop (CaijiReaderWatch *self)
{
  g_return_if_fail (CAIJI_IS_READER_WATCH (self));

  self->polling = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
}

/* TRUE while started, and after a stop until the poll in flight (which
 * sends the reader nothing more) has finished. */
gboolean
caiji_reader_watch_is_polling (CaijiReaderWatch *self)
{
  g_return_val_if_fail (CAIJI_IS_READER_WATCH (self), FALSE);
  return self->polling || self->busy;
}

/* Asks the reader's security module once, for the operator's device page;
 * a poll in flight answers the same question. */
void
caiji_reader_watch_check (CaijiReaderWatch *self)
{
  g_return_if_fail (CAIJI_IS_READER_WATCH (self));
  run_poll (self, TRUE);
}

CaijiReaderWatchStatus
caiji_reader_watch_get_status (CaijiReaderWatch *self)
{
  g_return_val_if_fail (CAIJI_IS_READER_WATCH (self), CAIJI_READER_WATCH_UNKNOWN);
  return self->status;
}

/* The status in the operator's words. */
char *
caiji_reader_watch_describe (CaijiReaderWatch *self)
{
  g_return_val_if_fail (CAIJI_IS_READER_WATCH (self), NULL);

  switch (self->status)
    {
    case CAIJI_READER_WATCH_CONNECTED:
      /* TRANSLATORS: %s is the reader's security module id */
      return self->detail != NULL ? g_strdup_printf (_("Connected (SAM %s)"), self->detail)
                                  : g_strdup (_("Connected"));
    case CAIJI_READER_WATCH_NOT_FOUND:
      return g_strdup_printf (_("Not found at %s"), self->port);
    case CAIJI_READER_WATCH_ERROR:
      return g_strdup_printf (_("Error: %s"), self->detail);
    case CAIJI_READER_WATCH_UNKNOWN:
    default:
      return g_strdup (_("Checking…"));
    }
}

void
caiji_reader_watch_attach (GObject          *window,
                           CaijiReaderWatch *self)
{
  g_object_set_data_full (window, WATCH_KEY, self != NULL ? g_object_ref (self) : NULL,
                          self != NULL ? g_object_unref : NULL);
}

/* NULL when the kiosk has no reader configured. */
CaijiReaderWatch *
caiji_reader_watch_from (GObject *window)
{
  return window != NULL ? g_object_get_data (window, WATCH_KEY) : NULL;
}
