/* caiji-hub-devices.c: enrolment, revocation and token checks
 *
 * The hub keeps only the SHA-256 of each token.  Tokens are 256 random
 * bits from the kernel, so a fast hash is as good as a slow one here, and
 * a stolen database does not let anyone pose as a kiosk.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "caiji-hub-devices.h"

#define TOKEN_PREFIX "cjt_"
#define TOKEN_BYTES  32

static char *
new_token (GError **error)
{
  guint8 random[TOKEN_BYTES];
  g_autoptr(GString) token = g_string_new (TOKEN_PREFIX);

  if (getrandom (random, sizeof random, 0) != sizeof random)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_DATABASE,
                   _("The system could not provide random bytes for a device token."));
      return NULL;
    }
  for (gsize i = 0; i < sizeof random; i++)
    g_string_append_printf (token, "%02x", random[i]);
  return g_string_free (g_steal_pointer (&token), FALSE);
}

static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

gboolean
caiji_hub_device_add (CaijiHubDb *db,
                      const char *name,
                      char      **id,
                      char      **token,
                      GError    **error)
{
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *secret = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) result = NULL;

  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > 200 || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
                   _("A device needs a name of 1 to 200 characters."));
      return FALSE;
    }
  secret = new_token (error);
  if (secret == NULL)
    return FALSE;
  hash = token_hash (secret);
  result = caiji_hub_db_query (db, "INSERT INTO devices (id, name, token_sha256) VALUES ($1, $2, $3);", 3,
                               (CaijiHubParam[]) { HUB_TEXT (new_id), HUB_TEXT (name), HUB_TEXT (hash) }, error);
  if (result == NULL)
    return FALSE;
  *id = g_steal_pointer (&new_id);
  *token = g_steal_pointer (&secret);
  return TRUE;
}

/* Lines "id<TAB>name<TAB>created<TAB>revoked-or-empty", oldest first. */
GPtrArray *
caiji_hub_device_list (CaijiHubDb *db,
                       GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *lines;

  result = caiji_hub_db_query (db,
                               "SELECT id, name, to_char (created_at, 'YYYY-MM-DD HH24:MI:SSOF'),"
                               " coalesce (to_char (revoked_at, 'YYYY-MM-DD HH24:MI:SSOF'), '')"
                               " FROM devices ORDER BY created_at, id;", 0, NULL, error);
  if (result == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func (g_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%s\t%s", PQgetvalue (result, row, 0),
                                             PQgetvalue (result, row, 1), PQgetvalue (result, row, 2),
                                             PQgetvalue (result, row, 3)));
  return lines;
}

gboolean
caiji_hub_device_revoke (CaijiHubDb *db,
                         const char *id,
                         GError    **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!g_uuid_string_is_valid (id))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
                   _("“%s” is not a device id; `caiji-hub device list` shows them."), id);
      return FALSE;
    }
  result = caiji_hub_db_query (db, "UPDATE devices SET revoked_at = now () WHERE id = $1 AND revoked_at IS NULL;",
                               1, (CaijiHubParam[]) { HUB_TEXT (id) }, error);
  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_NOT_FOUND,
                   _("There is no active device %s."), id);
      return FALSE;
    }
  return TRUE;
}

/* The device id for a valid, unrevoked token. */
char *
caiji_hub_device_authenticate (CaijiHubDb *db,
                               const char *token,
                               GError    **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(PGresult) result = NULL;

  if (token == NULL || !g_str_has_prefix (token, TOKEN_PREFIX) || strlen (token) > 128)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_UNAUTHORIZED,
                   _("This request carries no valid device token (Authorization: Bearer …)."));
      return NULL;
    }
  hash = token_hash (token);
  result = caiji_hub_db_query (db, "SELECT id FROM devices WHERE token_sha256 = $1 AND revoked_at IS NULL;",
                               1, (CaijiHubParam[]) { HUB_TEXT (hash) }, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_UNAUTHORIZED,
                   _("This device token is unknown or was revoked. Enrol the kiosk again with `caiji-hub device add`."));
      return NULL;
    }
  return g_strdup (PQgetvalue (result, 0, 0));
}
