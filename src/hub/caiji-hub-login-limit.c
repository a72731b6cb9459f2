/* caiji-hub-login-limit.c: failed logins counted per account and per
 * client address
 *
 * Five failures within a quarter of an hour lock that account, and that
 * address, for ten minutes: per account so a slow guesser spread over many
 * addresses is stopped, per address so one client cannot try many
 * accounts.  The counts live in the hub's memory; a hub restart forgets
 * them, which costs an attacker a restart they cannot cause.
 */
#include "caiji-config.h"

#include "caiji-hub-login-limit.h"

typedef struct {
  guint  failures;
  gint64 window_start;
  gint64 locked_until;
} Attempts;

struct _CaijiHubLoginLimit
{
  GHashTable *by_key;  /* "account:NAME" or "address:IP" → Attempts */
};

CaijiHubLoginLimit *
caiji_hub_login_limit_new (void)
{
  CaijiHubLoginLimit *limit = g_new0 (CaijiHubLoginLimit, 1);

  limit->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return limit;
}

void
caiji_hub_login_limit_free (CaijiHubLoginLimit *limit)
{
  if (limit == NULL)
    return;
  g_hash_table_destroy (limit->by_key);
  g_free (limit);
}

static char *
key_for (const char *kind,
         const char *value)
{
  return g_strconcat (kind, ":", value != NULL ? value : "", NULL);
}

static gint64
locked_until (CaijiHubLoginLimit *limit,
              const char         *kind,
              const char         *value)
{
  g_autofree char *key = key_for (kind, value);
  Attempts *attempts = g_hash_table_lookup (limit->by_key, key);

  return attempts != NULL ? attempts->locked_until : 0;
}

/* Seconds until a login may be tried again; 0 when it may now. */
gint64
caiji_hub_login_limit_locked (CaijiHubLoginLimit *limit,
                              const char         *account,
                              const char         *address,
                              gint64              now_seconds)
{
  gint64 until = MAX (locked_until (limit, "account", account), locked_until (limit, "address", address));

  return MAX (until - now_seconds, 0);
}

#define MAX_TRACKED 10000

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer now)
{
  const Attempts *attempts = value;
  gint64 now_seconds = *(const gint64 *) now;

  return attempts->locked_until <= now_seconds &&
         now_seconds - attempts->window_start > CAIJI_HUB_LOGIN_WINDOW_SECONDS;
}

static void
count_failure (CaijiHubLoginLimit *limit,
               const char         *kind,
               const char         *value,
               gint64              now_seconds)
{
  char *key = key_for (kind, value);
  Attempts *attempts = g_hash_table_lookup (limit->by_key, key);

  /* Made-up account names must not grow the table without end. */
  if (attempts == NULL && g_hash_table_size (limit->by_key) >= MAX_TRACKED)
    g_hash_table_foreach_remove (limit->by_key, is_stale, &now_seconds);
  if (attempts == NULL)
    {
      attempts = g_new0 (Attempts, 1);
      g_hash_table_insert (limit->by_key, key, attempts);
    }
  else
    g_free (key);
  if (now_seconds - attempts->window_start > CAIJI_HUB_LOGIN_WINDOW_SECONDS)
    {
      attempts->failures = 0;
      attempts->window_start = now_seconds;
    }
  if (++attempts->failures >= CAIJI_HUB_LOGIN_MAX_FAILURES)
    {
      attempts->locked_until = now_seconds + CAIJI_HUB_LOGIN_LOCK_SECONDS;
      attempts->failures = 0;
      attempts->window_start = now_seconds;
    }
}

void
caiji_hub_login_limit_failed (CaijiHubLoginLimit *limit,
                              const char         *account,
                              const char         *address,
                              gint64              now_seconds)
{
  count_failure (limit, "account", account, now_seconds);
  count_failure (limit, "address", address, now_seconds);
}

/* A success forgets the account's failures, not the address's: otherwise
 * one valid login would reset a guesser's count for every account. */
void
caiji_hub_login_limit_succeeded (CaijiHubLoginLimit *limit,
                                 const char         *account,
                                 const char         *address)
{
  g_autofree char *key = key_for ("account", account);

  g_hash_table_remove (limit->by_key, key);
}
