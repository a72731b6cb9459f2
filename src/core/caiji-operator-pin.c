/* caiji-operator-pin.c: PIN rules, Argon2id hashing, lockout
 *
 * The failure count lives on the main thread (the thread that calls the
 * async functions) and in GSettings; the worker threads only hash and
 * compare, so no lock is needed.  The PIN itself is copied into the worker's data only, and
 * wiped when that data is freed: it is never stored and never logged.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "caiji-crypto.h"
#include "caiji-operator-pin.h"

struct _CaijiOperatorPin {
  GObject    parent_instance;

  GSettings *settings;
  gint64   (*now) (void);
  guint      failures;
  gint64     locked_until;   /* 0 when not locked */
  gboolean   busy;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorPin, caiji_operator_pin, G_TYPE_OBJECT)

G_DEFINE_QUARK (caiji-operator-pin-error-quark, caiji_operator_pin_error)

#define MINUTE (60 * G_USEC_PER_SEC)

/* What a worker needs: the typed PIN, to verify the stored hash, and to
 * change the PIN the new one. */
typedef struct {
  char *pin;
  char *hash;
  char *new_pin;
} PinWork;

static void
wipe (char *secret)
{
  if (secret != NULL)
    sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

static void
pin_work_free (PinWork *work)
{
  wipe (work->pin);
  wipe (work->new_pin);
  g_free (work->hash);
  g_free (work);
}

/* Helpers */

static char *
stored_hash (CaijiOperatorPin *self)
{
  return g_settings_get_string (self->settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY);
}

static void
save_attempts (CaijiOperatorPin *self)
{
  g_settings_set_uint (self->settings, CAIJI_OPERATOR_PIN_FAILURES_KEY, self->failures);
  g_settings_set_int64 (self->settings, CAIJI_OPERATOR_PIN_LOCKED_KEY, self->locked_until);
}

static void
reset_attempts (CaijiOperatorPin *self)
{
  self->failures = 0;
  self->locked_until = 0;
  save_attempts (self);
}

/* A lock that has run out is forgotten with its count: the operator gets
 * five fresh tries.  A wall clock set back must not stretch the lock
 * beyond its five minutes. */
static void
expire_lock (CaijiOperatorPin *self)
{
  gint64 now = self->now ();
  gint64 longest = now + CAIJI_OPERATOR_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;

  if (self->locked_until == 0)
    return;
  if (now >= self->locked_until)
    reset_attempts (self);
  else if (self->locked_until > longest)
    {
      self->locked_until = longest;
      save_attempts (self);
    }
}

static gboolean
check_locked (CaijiOperatorPin *self,
              GError          **error)
{
  gint64 minutes;

  expire_lock (self);
  if (self->locked_until == 0)
    return TRUE;
  /* Rounded up: a fresh lock says 5 minutes, its last seconds say 1. */
  minutes = (self->locked_until - self->now () + MINUTE - 1) / MINUTE;
  g_set_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_LOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many wrong PINs. Operator mode is locked; try again in %d minute.",
                            "Too many wrong PINs. Operator mode is locked; try again in %d minutes.",
                            minutes),
               (int) minutes);
  return FALSE;
}

static void
count_failure (CaijiOperatorPin *self,
               GError          **error)
{
  guint left;

  self->failures++;
  if (self->failures >= CAIJI_OPERATOR_PIN_MAX_FAILURES)
    self->locked_until = self->now () + CAIJI_OPERATOR_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  save_attempts (self);
  if (self->locked_until != 0)
    {
      check_locked (self, error);
      return;
    }
  left = CAIJI_OPERATOR_PIN_MAX_FAILURES - self->failures;
  g_set_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_WRONG,
               g_dngettext (GETTEXT_PACKAGE,
                            "Wrong PIN. %u more wrong try locks operator mode for 5 minutes.",
                            "Wrong PIN. %u more wrong tries lock operator mode for 5 minutes.",
                            left),
               left);
}

static GTask *
start_task (CaijiOperatorPin    *self,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static gboolean
refuse_busy (CaijiOperatorPin *self,
             GError          **error)
{
  if (!self->busy)
    return TRUE;
  g_set_error_literal (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_BUSY,
                       _("The previous PIN is still being checked."));
  return FALSE;
}

/* What must hold before a typed PIN is compared with the stored hash. */
static gboolean
check_can_compare (CaijiOperatorPin  *self,
                   const char        *hash,
                   const char        *pin,
                   GError           **error)
{
  if (hash[0] == '\0')
    {
      g_set_error_literal (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_NOT_SET,
                           _("No operator PIN is set yet. Set one first."));
      return FALSE;
    }
  return refuse_busy (self, error) && check_locked (self, error) &&
         caiji_operator_pin_check_rules (pin, error);
}

/* Every operation answers TRUE or an error. */
static gboolean
finish (CaijiOperatorPin  *self,
        GAsyncResult      *result,
        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Worker threads */

static void
hash_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PinWork *work = task_data;
  GError *error = NULL;
  char *hash = caiji_operator_pin_hash (work->pin, &error);

  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PinWork *work = task_data;

  g_task_return_boolean (task, caiji_operator_pin_matches (work->hash, work->pin));
}

/* Returns NULL without an error when the current PIN is wrong: the main
 * thread counts that failure. */
static void
change_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PinWork *work = task_data;
  GError *error = NULL;
  char *hash;

  if (!caiji_operator_pin_matches (work->hash, work->pin))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  hash = caiji_operator_pin_hash (work->new_pin, &error);
  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

/* Main-thread completions: the count and the settings change only here. */

static void
save_hash (CaijiOperatorPin *self,
           const char       *hash)
{
  g_settings_set_string (self->settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY, hash);
  reset_attempts (self);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CaijiOperatorPin *self = CAIJI_OPERATOR_PIN (source);
  g_autoptr(GTask) task = user_data;
  g_autofree char *hash = NULL;
  GError *error = NULL;

  self->busy = FALSE;
  hash = g_task_propagate_pointer (G_TASK (result), &error);
  if (error == NULL && hash == NULL)
    count_failure (self, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  save_hash (self, hash);
  g_task_return_boolean (task, TRUE);
}

static void
hashed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CaijiOperatorPin *self = CAIJI_OPERATOR_PIN (source);
  g_autoptr(GTask) task = user_data;
  g_autofree char *hash = NULL;
  GError *error = NULL;

  self->busy = FALSE;
  hash = g_task_propagate_pointer (G_TASK (result), &error);
  if (hash == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  save_hash (self, hash);
  g_task_return_boolean (task, TRUE);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CaijiOperatorPin *self = CAIJI_OPERATOR_PIN (source);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  self->busy = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), NULL))
    {
      reset_attempts (self);
      g_task_return_boolean (task, TRUE);
      return;
    }
  count_failure (self, &error);
  g_task_return_error (task, error);
}

static void
run_worker (CaijiOperatorPin    *self,
            GTask               *outer,
            PinWork             *work,
            GTaskThreadFunc      thread_func,
            GAsyncReadyCallback  done)
{
  GTask *inner = g_task_new (self, NULL, done, outer);

  self->busy = TRUE;
  g_task_set_task_data (inner, work, (GDestroyNotify) pin_work_free);
  g_task_run_in_thread (inner, thread_func);
  g_object_unref (inner);
}

static PinWork *
pin_work_new (const char *pin,
              char       *hash)
{
  PinWork *work = g_new0 (PinWork, 1);

  work->pin = g_strdup (pin);
  work->hash = hash;
  return work;
}

/* GObject */

static void
caiji_operator_pin_finalize (GObject *object)
{
  CaijiOperatorPin *self = CAIJI_OPERATOR_PIN (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (caiji_operator_pin_parent_class)->finalize (object);
}

static void
caiji_operator_pin_class_init (CaijiOperatorPinClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caiji_operator_pin_finalize;
}

static void
caiji_operator_pin_init (CaijiOperatorPin *self)
{
  self->now = g_get_real_time;
}

/* Public API */

gboolean
caiji_operator_pin_check_rules (const char  *pin,
                                GError     **error)
{
  gsize length = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error_literal (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_RULES,
                             _("The PIN may contain digits only."));
        return FALSE;
      }
  if (length < CAIJI_OPERATOR_PIN_MIN_LENGTH || length > CAIJI_OPERATOR_PIN_MAX_LENGTH)
    {
      g_set_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_RULES,
                   _("The PIN has %d to %d digits."),
                   CAIJI_OPERATOR_PIN_MIN_LENGTH, CAIJI_OPERATOR_PIN_MAX_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/* Slow on purpose (Argon2id, interactive limits): call it off the main
 * thread.  The result embeds its own salt and parameters. */
char *
caiji_operator_pin_hash (const char  *pin,
                         GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!caiji_operator_pin_check_rules (pin, error) || !caiji_crypto_init (error))
    return NULL;
  if (crypto_pwhash_str (hash, pin, strlen (pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_FAILED,
                           _("There is not enough memory to protect the PIN. Close other programs and try again."));
      return NULL;
    }
  return g_strdup (hash);
}

/* Slow on purpose, like the hash: call it off the main thread. */
gboolean
caiji_operator_pin_matches (const char *hash,
                            const char *pin)
{
  if (hash == NULL || hash[0] == '\0' || pin == NULL || !caiji_crypto_init (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}

CaijiOperatorPin *
caiji_operator_pin_new (GSettings *settings)
{
  CaijiOperatorPin *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CAIJI_TYPE_OPERATOR_PIN, NULL);
  self->settings = g_object_ref (settings);
  self->failures = g_settings_get_uint (settings, CAIJI_OPERATOR_PIN_FAILURES_KEY);
  self->locked_until = g_settings_get_int64 (settings, CAIJI_OPERATOR_PIN_LOCKED_KEY);
  return self;
}

gboolean
caiji_operator_pin_is_set (CaijiOperatorPin *self)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (CAIJI_IS_OPERATOR_PIN (self), FALSE);

  hash = stored_hash (self);
  return hash[0] != '\0';
}

gboolean
caiji_operator_pin_is_busy (CaijiOperatorPin *self)
{
  g_return_val_if_fail (CAIJI_IS_OPERATOR_PIN (self), FALSE);
  return self->busy;
}

/* First run only: once a PIN is set, nobody can replace it without it. */
void
caiji_operator_pin_set_async (CaijiOperatorPin    *self,
                              const char          *pin,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (CAIJI_IS_OPERATOR_PIN (self));

  task = start_task (self, caiji_operator_pin_set_async, cancellable, callback, user_data);
  if (caiji_operator_pin_is_set (self))
    g_set_error_literal (&error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_ALREADY_SET,
                         _("An operator PIN is already set."));
  if (error != NULL || !refuse_busy (self, &error) || !caiji_operator_pin_check_rules (pin, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  run_worker (self, g_steal_pointer (&task), pin_work_new (pin, NULL), hash_thread, hashed_cb);
}

gboolean
caiji_operator_pin_set_finish (CaijiOperatorPin  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  return finish (self, result, error);
}

void
caiji_operator_pin_change_async (CaijiOperatorPin    *self,
                                 const char          *current_pin,
                                 const char          *new_pin,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *hash = NULL;
  PinWork *work;
  GError *error = NULL;

  g_return_if_fail (CAIJI_IS_OPERATOR_PIN (self));

  task = start_task (self, caiji_operator_pin_change_async, cancellable, callback, user_data);
  hash = stored_hash (self);
  if (!check_can_compare (self, hash, current_pin, &error) ||
      !caiji_operator_pin_check_rules (new_pin, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  work = pin_work_new (current_pin, g_steal_pointer (&hash));
  work->new_pin = g_strdup (new_pin);
  run_worker (self, g_steal_pointer (&task), work, change_thread, changed_cb);
}

gboolean
caiji_operator_pin_change_finish (CaijiOperatorPin  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return finish (self, result, error);
}

/* A PIN of the wrong shape is a slip, not a guess: it is refused without
 * counting towards the lockout.  While locked, nothing is compared. */
void
caiji_operator_pin_verify_async (CaijiOperatorPin    *self,
                                 const char          *pin,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *hash = NULL;
  GError *error = NULL;

  g_return_if_fail (CAIJI_IS_OPERATOR_PIN (self));

  task = start_task (self, caiji_operator_pin_verify_async, cancellable, callback, user_data);
  hash = stored_hash (self);
  if (!check_can_compare (self, hash, pin, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  run_worker (self, g_steal_pointer (&task), pin_work_new (pin, g_steal_pointer (&hash)),
              verify_thread, verified_cb);
}

gboolean
caiji_operator_pin_verify_finish (CaijiOperatorPin  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return finish (self, result, error);
}

void
caiji_operator_pin_set_clock (CaijiOperatorPin *self,
                              gint64          (*now) (void))
{
  g_return_if_fail (CAIJI_IS_OPERATOR_PIN (self));
  self->now = now != NULL ? now : g_get_real_time;
}
