/* caiji-crypto.h: authenticated encryption of personal data at rest
 *
 * XChaCha20-Poly1305 (libsodium) with a fresh random nonce per value and
 * associated data naming where the value belongs ("image:12:face"), so a
 * ciphertext moved to another record or field fails to open.  ID numbers
 * are found through a keyed BLAKE2b hash, never stored in the clear.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIJI_CRYPTO_ERROR (caiji_crypto_error_quark ())

typedef enum {
  CAIJI_CRYPTO_ERROR_UNAVAILABLE,  /* libsodium could not start */
  CAIJI_CRYPTO_ERROR_TAMPERED,     /* altered, moved, or sealed with another key */
  CAIJI_CRYPTO_ERROR_KEY_FILE,     /* the key file is missing, unreadable or unsafe */
} CaijiCryptoError;

#define CAIJI_KEY_BYTES 32

typedef struct {
  guint8 bytes[CAIJI_KEY_BYTES];
} CaijiKey;

GQuark    caiji_crypto_error_quark (void);
gboolean  caiji_crypto_init        (GError        **error);

void      caiji_key_generate       (CaijiKey       *key);
void      caiji_key_wipe           (CaijiKey       *key);

GBytes   *caiji_crypto_seal        (const CaijiKey *key,
                                    const guint8   *plain,
                                    gsize           size,
                                    const char     *where);
GBytes   *caiji_crypto_open        (const CaijiKey *key,
                                    const guint8   *sealed,
                                    gsize           size,
                                    const char     *where,
                                    GError        **error);
char     *caiji_crypto_keyed_hash  (const CaijiKey *key,
                                    const char     *text);

/* The key-encryption key: $CAIJI_KEK_HEX (tests only), else the key file
 * (created 0600 on first use, refused if others may read it). */
char     *caiji_kek_default_path   (void);
gboolean  caiji_kek_load           (const char     *key_file,
                                    CaijiKey       *kek,
                                    GError        **error);

G_END_DECLS
