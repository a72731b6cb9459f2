/* caiji-hub-reviewers.c: reviewer accounts and review-page sessions
 *
 * Passwords are kept only as libsodium's Argon2id strings, so a stolen
 * database does not give away the teachers' passwords.  A session is a
 * random cookie token of which the hub keeps only the SHA-256 (256 random
 * bits need no slow hash), plus a CSRF token the page sends back in a
 * header with every change.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "caiji-hub-reviewers.h"

#define SECRET_BYTES 32

/* A verification against this keeps an unknown name as slow as a wrong
 * password, so timing does not tell which accounts exist. */
static char dummy_hash[crypto_pwhash_STRBYTES];

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () >= 0)
    return TRUE;
  g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_DATABASE,
               _("The password library (libsodium) could not be started."));
  return FALSE;
}

gboolean
caiji_hub_reviewer_check_name (const char *name,
                               GError    **error)
{
  gboolean ok = name != NULL && *name != '\0' && g_utf8_validate (name, -1, NULL) && g_utf8_strlen (name, -1) <= 64;

  for (const char *p = name; ok && *p != '\0'; p = g_utf8_next_char (p))
    ok = g_unichar_isgraph (g_utf8_get_char (p));
  if (!ok)
    g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
                 _("A reviewer name has 1 to 64 visible characters and no spaces."));
  return ok;
}

static gboolean
check_password (const char *password,
                GError    **error)
{
  if (password != NULL && g_utf8_validate (password, -1, NULL) &&
      g_utf8_strlen (password, -1) >= CAIJI_HUB_PASSWORD_MIN_CHARS &&
      strlen (password) <= CAIJI_HUB_PASSWORD_MAX_BYTES)
    return TRUE;
  g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
               _("A reviewer password needs at least %d characters (and at most %d bytes)."),
               CAIJI_HUB_PASSWORD_MIN_CHARS, CAIJI_HUB_PASSWORD_MAX_BYTES);
  return FALSE;
}

gboolean
caiji_hub_reviewer_add (CaijiHubDb *db,
                        const char *name,
                        const char *password,
                        GError    **error)
{
  char hash[crypto_pwhash_STRBYTES];
  g_autoptr(PGresult) result = NULL;

  if (!caiji_hub_reviewer_check_name (name, error) || !check_password (password, error) || !ensure_sodium (error))
    return FALSE;
  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_DATABASE,
                   _("Not enough memory to hash the password; try again."));
      return FALSE;
    }
  result = caiji_hub_db_query (db, "INSERT INTO reviewers (name, password_hash) VALUES ($1, $2)"
                               " ON CONFLICT (name) DO NOTHING;", 2,
                               (CaijiHubParam[]) { HUB_TEXT (name), HUB_TEXT (hash) }, error);
  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_CONFLICT,
                   _("There is already a reviewer named %s; remove it first to set a new password."), name);
      return FALSE;
    }
  return TRUE;
}

/* Lines "name<TAB>created", by name. */
GPtrArray *
caiji_hub_reviewer_list (CaijiHubDb *db,
                         GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *lines;

  result = caiji_hub_db_query (db, "SELECT name, to_char (created_at, 'YYYY-MM-DD HH24:MI:SSOF')"
                               " FROM reviewers ORDER BY name;", 0, NULL, error);
  if (result == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func (g_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (lines, g_strdup_printf ("%s\t%s", PQgetvalue (result, row, 0), PQgetvalue (result, row, 1)));
  return lines;
}

/* Their sessions go with them (ON DELETE CASCADE): a removed reviewer is
 * logged out at once. */
gboolean
caiji_hub_reviewer_remove (CaijiHubDb *db,
                           const char *name,
                           GError    **error)
{
  g_autoptr(PGresult) result = NULL;

  result = caiji_hub_db_query (db, "DELETE FROM reviewers WHERE name = $1;", 1,
                               (CaijiHubParam[]) { HUB_TEXT (name) }, error);
  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_NOT_FOUND,
                   _("There is no reviewer named %s; `caiji-hub reviewer list` shows them."), name);
      return FALSE;
    }
  return TRUE;
}

static const char *
dummy_hash_for_timing (void)
{
  static const char dummy_password[] = "caiji-hub timing equaliser";

  if (dummy_hash[0] == '\0' &&
      crypto_pwhash_str (dummy_hash, dummy_password, strlen (dummy_password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return NULL;
  return dummy_hash;
}

/* *valid: the name exists and the password is its own.  FALSE only when
 * the check itself could not be made. */
gboolean
caiji_hub_reviewer_verify (CaijiHubDb *db,
                           const char *name,
                           const char *password,
                           gboolean   *valid,
                           GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *hash;
  gboolean known;

  *valid = FALSE;
  if (!ensure_sodium (error))
    return FALSE;
  result = caiji_hub_db_query (db, "SELECT password_hash FROM reviewers WHERE name = $1;", 1,
                               (CaijiHubParam[]) { HUB_TEXT (name) }, error);
  if (result == NULL)
    return FALSE;
  known = PQntuples (result) == 1;
  hash = known ? PQgetvalue (result, 0, 0) : dummy_hash_for_timing ();
  if (hash == NULL || password == NULL || strlen (password) > CAIJI_HUB_PASSWORD_MAX_BYTES)
    return TRUE;
  *valid = crypto_pwhash_str_verify (hash, password, strlen (password)) == 0 && known;
  return TRUE;
}

/* Sessions */

static char *
random_hex (void)
{
  guint8 bytes[SECRET_BYTES];
  char hex[SECRET_BYTES * 2 + 1];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);
  return g_strdup (hex);
}

static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/* Returns the cookie token, which is not kept anywhere on the hub. */
char *
caiji_hub_session_open (CaijiHubDb      *db,
                        const char      *reviewer,
                        CaijiHubSession *session,
                        GError         **error)
{
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *csrf = NULL;
  g_autofree char *lifetime = g_strdup_printf ("%d", CAIJI_HUB_SESSION_SECONDS);
  g_autoptr(PGresult) expired = NULL;
  g_autoptr(PGresult) result = NULL;

  if (!ensure_sodium (error))
    return NULL;
  token = random_hex ();
  hash = token_hash (token);
  csrf = random_hex ();
  expired = caiji_hub_db_query (db, "DELETE FROM review_sessions WHERE expires_at < now ();", 0, NULL, error);
  if (expired == NULL)
    return NULL;
  result = caiji_hub_db_query (db, "INSERT INTO review_sessions (token_sha256, reviewer, csrf_token, expires_at)"
                               " VALUES ($1, $2, $3, now () + make_interval (secs => $4::integer));", 4,
                               (CaijiHubParam[]) { HUB_TEXT (hash), HUB_TEXT (reviewer), HUB_TEXT (csrf),
                                                   HUB_TEXT (lifetime) }, error);
  if (result == NULL)
    return NULL;
  session->reviewer = g_strdup (reviewer);
  session->csrf_token = g_steal_pointer (&csrf);
  return g_steal_pointer (&token);
}

/* FALSE with CAIJI_HUB_ERROR_UNAUTHORIZED for no, expired or unknown
 * sessions. */
gboolean
caiji_hub_session_find (CaijiHubDb      *db,
                        const char      *token,
                        CaijiHubSession *session,
                        GError         **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) result = NULL;

  if (token == NULL || strlen (token) != SECRET_BYTES * 2)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_UNAUTHORIZED, _("Please log in."));
      return FALSE;
    }
  hash = token_hash (token);
  result = caiji_hub_db_query (db, "SELECT reviewer, csrf_token FROM review_sessions"
                               " WHERE token_sha256 = $1 AND expires_at > now ();", 1,
                               (CaijiHubParam[]) { HUB_TEXT (hash) }, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_UNAUTHORIZED,
                   _("The session has expired or was closed; please log in again."));
      return FALSE;
    }
  session->reviewer = g_strdup (PQgetvalue (result, 0, 0));
  session->csrf_token = g_strdup (PQgetvalue (result, 0, 1));
  return TRUE;
}

gboolean
caiji_hub_session_close (CaijiHubDb *db,
                         const char *token,
                         GError    **error)
{
  g_autofree char *hash = token_hash (token);
  g_autoptr(PGresult) result = NULL;

  result = caiji_hub_db_query (db, "DELETE FROM review_sessions WHERE token_sha256 = $1;", 1,
                               (CaijiHubParam[]) { HUB_TEXT (hash) }, error);
  return result != NULL;
}

void
caiji_hub_session_clear (CaijiHubSession *session)
{
  g_clear_pointer (&session->reviewer, g_free);
  g_clear_pointer (&session->csrf_token, g_free);
}
