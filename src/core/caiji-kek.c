/* caiji-kek.c: where the key-encryption key comes from
 *
 * The KEK wraps the database's data keys.  It lives in a file only the
 * kiosk user may read, outside the database's folder, so a copied
 * database alone reveals nothing.  A deployment can keep the file on a
 * removable token or have a TPM-sealed secret written there at boot
 * (see docs/data-protection.md).
 */
#include "caiji-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caiji-crypto.h"

char *
caiji_kek_default_path (void)
{
  const char *configured = g_getenv ("CAIJI_KEY_FILE");

  if (configured != NULL && *configured != '\0')
    return g_strdup (configured);
  return g_build_filename (g_get_user_config_dir (), "caiji", "kiosk.key", NULL);
}

static gboolean key_file_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
key_file_error (GError    **error,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CAIJI_CRYPTO_ERROR, CAIJI_CRYPTO_ERROR_KEY_FILE, message);
  return FALSE;
}

static gboolean
from_hex (const char *hex,
          CaijiKey   *kek)
{
  size_t length = 0;

  return hex != NULL && strlen (hex) == 2 * CAIJI_KEY_BYTES &&
         sodium_hex2bin (kek->bytes, sizeof kek->bytes, hex, strlen (hex), NULL, &length, NULL) == 0 &&
         length == CAIJI_KEY_BYTES;
}

/* O_EXCL: two processes starting at once must not each write a key. */
static gboolean
create_key_file (const char *path,
                 CaijiKey   *kek,
                 GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;
  gboolean written;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return key_file_error (error, _("Cannot create the folder for the key file %s: %s"), path, g_strerror (errno));
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return key_file_error (error, _("Cannot create the key file %s: %s"), path, g_strerror (errno));
  caiji_key_generate (kek);
  written = write (fd, kek->bytes, sizeof kek->bytes) == (ssize_t) sizeof kek->bytes && fsync (fd) == 0;
  close (fd);
  if (!written)
    {
      g_unlink (path);
      return key_file_error (error, _("Cannot write the key file %s: %s"), path, g_strerror (errno));
    }
  return TRUE;
}

static gboolean
read_key_file (const char *path,
               CaijiKey   *kek,
               GError    **error)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return key_file_error (error, _("Cannot read the key file %s: %s"), path, g_strerror (errno));
  if ((info.st_mode & 077) != 0)
    return key_file_error (error, _("The key file %s may be read by other users. Make it private with “chmod 600 %s”."),
                           path, path);
  if (!g_file_get_contents (path, &contents, &size, NULL))
    return key_file_error (error, _("Cannot read the key file %s: %s"), path, g_strerror (errno));
  if (size != CAIJI_KEY_BYTES)
    {
      sodium_memzero (contents, size);
      return key_file_error (error, _("The key file %s is not a Caiji key: it should hold %d bytes."), path,
                             CAIJI_KEY_BYTES);
    }
  memcpy (kek->bytes, contents, CAIJI_KEY_BYTES);
  sodium_memzero (contents, size);
  return TRUE;
}

gboolean
caiji_kek_load (const char *key_file,
                CaijiKey   *kek,
                GError    **error)
{
  const char *hex = g_getenv ("CAIJI_KEK_HEX");

  if (!caiji_crypto_init (error))
    return FALSE;
  if (hex != NULL && *hex != '\0')
    {
      if (from_hex (hex, kek))
        return TRUE;
      return key_file_error (error, _("%s is set but does not hold %d hexadecimal digits."), "CAIJI_KEK_HEX",
                             2 * CAIJI_KEY_BYTES);
    }
  if (!g_file_test (key_file, G_FILE_TEST_EXISTS))
    return create_key_file (key_file, kek, error);
  return read_key_file (key_file, kek, error);
}
