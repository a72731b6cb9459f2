/* caiji-crypto.c: sealing and opening values, keyed hashes */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "caiji-crypto.h"

G_DEFINE_QUARK (caiji-crypto-error-quark, caiji_crypto_error)

#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES

G_STATIC_ASSERT (CAIJI_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
G_STATIC_ASSERT (CAIJI_KEY_BYTES >= crypto_generichash_KEYBYTES_MIN);

gboolean
caiji_crypto_init (GError **error)
{
  if (sodium_init () >= 0)
    return TRUE;
  g_set_error_literal (error, CAIJI_CRYPTO_ERROR, CAIJI_CRYPTO_ERROR_UNAVAILABLE,
                       _("The encryption library could not start, so personal data cannot be protected."));
  return FALSE;
}

void
caiji_key_generate (CaijiKey *key)
{
  crypto_aead_xchacha20poly1305_ietf_keygen (key->bytes);
}

void
caiji_key_wipe (CaijiKey *key)
{
  sodium_memzero (key->bytes, sizeof key->bytes);
}

/* Layout: nonce ‖ ciphertext ‖ tag. */
GBytes *
caiji_crypto_seal (const CaijiKey *key,
                   const guint8   *plain,
                   gsize           size,
                   const char     *where)
{
  gsize sealed_size = NONCE_BYTES + size + TAG_BYTES;
  guint8 *sealed = g_malloc (sealed_size);
  unsigned long long written = 0;

  randombytes_buf (sealed, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed + NONCE_BYTES, &written, plain, size,
                                              (const guint8 *) where, strlen (where),
                                              NULL, sealed, key->bytes);
  g_assert (written == size + TAG_BYTES);
  return g_bytes_new_take (sealed, sealed_size);
}

GBytes *
caiji_crypto_open (const CaijiKey *key,
                   const guint8   *sealed,
                   gsize           size,
                   const char     *where,
                   GError        **error)
{
  g_autofree guint8 *plain = NULL;
  unsigned long long plain_size = 0;

  if (size < NONCE_BYTES + TAG_BYTES)
    goto tampered;
  plain = g_malloc (size - NONCE_BYTES - TAG_BYTES + 1);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_size, NULL,
                                                  sealed + NONCE_BYTES, size - NONCE_BYTES,
                                                  (const guint8 *) where, strlen (where),
                                                  sealed, key->bytes) != 0)
    goto tampered;
  return g_bytes_new_take (g_steal_pointer (&plain), plain_size);

tampered:
  g_set_error (error, CAIJI_CRYPTO_ERROR, CAIJI_CRYPTO_ERROR_TAMPERED,
               _("The protected data for %s cannot be opened: it was altered, or it was sealed with another key."),
               where);
  return NULL;
}

char *
caiji_crypto_keyed_hash (const CaijiKey *key,
                         const char     *text)
{
  guint8 hash[32];
  char hex[sizeof hash * 2 + 1];

  crypto_generichash (hash, sizeof hash, (const guint8 *) text, strlen (text), key->bytes, sizeof key->bytes);
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
  return g_strdup (hex);
}
