/* caiji-sync-token.c: the hub device token, kept sealed on disk
 *
 * Whoever holds the token can upload records as this kiosk, so its file
 * holds it sealed (XChaCha20-Poly1305) with the kiosk's key-encryption key,
 * the 0600 key file that also wraps the store's data keys: a token file
 * copied on its own is useless.  A token pasted into the file in the clear
 * (the way earlier versions kept it) is sealed in place the first time it
 * is read.  The file must still be private to its owner.
 */
#include "caiji-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "caiji-crypto.h"
#include "caiji-sync-payload.h"
#include "caiji-sync-token.h"

#define SEALED_PREFIX "caiji-sealed-token-v1 "
/* Associated data: a ciphertext from another field cannot pass as the token. */
#define TOKEN_PLACE "hub-token"

static gboolean
load_kek (CaijiKey *kek,
          GError  **error)
{
  g_autofree char *key_file = caiji_kek_default_path ();

  return caiji_kek_load (key_file, kek, error);
}

gboolean
caiji_sync_token_save (const char *path,
                       const char *token,
                       GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) sealed = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *contents = NULL;
  CaijiKey kek;

  if (token == NULL || *token == '\0')
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID, _("The device token is empty."));
      return FALSE;
    }
  if (!load_kek (&kek, error))
    return FALSE;
  sealed = caiji_crypto_seal (&kek, (const guint8 *) token, strlen (token), TOKEN_PLACE);
  caiji_key_wipe (&kek);
  encoded = g_base64_encode (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
  contents = g_strconcat (SEALED_PREFIX, encoded, "\n", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot save the device token in %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_prefix_error (error, _("Cannot save the device token in %s: "), path);
      return FALSE;
    }
  return TRUE;
}

static char *
unseal (const char *path,
        const char *encoded,
        GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree guint8 *sealed = NULL;
  gsize size = 0;
  CaijiKey kek;

  if (!load_kek (&kek, error))
    return NULL;
  sealed = g_base64_decode (encoded, &size);
  plain = caiji_crypto_open (&kek, sealed, size, TOKEN_PLACE, &local_error);
  caiji_key_wipe (&kek);
  if (plain == NULL)
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID,
                   _("The device token in %s was sealed with another kiosk’s key or has been altered. "
                     "Enter this kiosk’s token again with “caiji sync set-token”."), path);
      return NULL;
    }
  return g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
}

static char *
read_private_file (const char *path,
                   GError    **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;

  if (!g_file_get_contents (path, &contents, NULL, error))
    {
      g_prefix_error (error, _("Cannot read the device token: "));
      return NULL;
    }
  if (g_stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID,
                   _("The device token file %s may be read by other users; run “chmod 600 %s” first."),
                   path, path);
      return NULL;
    }
  return g_strstrip (g_steal_pointer (&contents));
}

char *
caiji_sync_token_load (const char *path,
                       GError    **error)
{
  g_autofree char *contents = read_private_file (path, error);

  if (contents == NULL)
    return NULL;
  if (g_str_has_prefix (contents, SEALED_PREFIX))
    return unseal (path, contents + strlen (SEALED_PREFIX), error);
  if (*contents == '\0')
    {
      g_set_error (error, CAIJI_SYNC_ERROR, CAIJI_SYNC_ERROR_INVALID,
                   _("The device token file %s is empty."), path);
      return NULL;
    }
  if (!caiji_sync_token_save (path, contents, error))
    return NULL;
  return g_steal_pointer (&contents);
}
