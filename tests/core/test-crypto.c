/* test-crypto.c: sealed values open only with their key and in their
 * place; the key file is created private and refused when it is not. */
#define _GNU_SOURCE  /* memmem */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "caiji-crypto.h"
#include "caiji-test-utils.h"

static const char secret[] = "110105200001010016";

static GBytes *
seal (const CaijiKey *key,
      const char     *where)
{
  return caiji_crypto_seal (key, (const guint8 *) secret, strlen (secret), where);
}

static void
assert_tampered (const CaijiKey *key,
                 GBytes         *sealed,
                 const char     *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = caiji_crypto_open (key, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed),
                                               where, &error);

  g_assert_null (plain);
  g_assert_error (error, CAIJI_CRYPTO_ERROR, CAIJI_CRYPTO_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, where));
}

static void
test_round_trip_and_tampering (void)
{
  CaijiKey key, other;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) flipped = NULL;
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GError) error = NULL;
  guint8 *copy;
  gsize size;

  g_assert_true (caiji_crypto_init (NULL));
  caiji_key_generate (&key);
  caiji_key_generate (&other);
  sealed = seal (&key, "roster:1:id_number");
  g_assert_null (memmem (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), secret, strlen (secret)));
  plain = caiji_crypto_open (&key, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed),
                             "roster:1:id_number", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), secret, strlen (secret));

  assert_tampered (&key, sealed, "roster:2:id_number");
  assert_tampered (&other, sealed, "roster:1:id_number");
  copy = g_bytes_unref_to_data (g_bytes_ref (sealed), &size);
  copy[size / 2] ^= 0x01;
  flipped = g_bytes_new_take (copy, size);
  assert_tampered (&key, flipped, "roster:1:id_number");
  truncated = g_bytes_new (g_bytes_get_data (sealed, NULL), 10);
  assert_tampered (&key, truncated, "roster:1:id_number");
}

static void
test_fresh_nonce_each_time (void)
{
  CaijiKey key;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  caiji_key_generate (&key);
  first = seal (&key, "here");
  second = seal (&key, "here");
  g_assert_false (g_bytes_equal (first, second));
}

static void
test_keyed_hash (void)
{
  CaijiKey key, other;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  caiji_key_generate (&key);
  caiji_key_generate (&other);
  a = caiji_crypto_keyed_hash (&key, secret);
  b = caiji_crypto_keyed_hash (&key, secret);
  c = caiji_crypto_keyed_hash (&other, secret);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpuint (strlen (a), ==, 64);
  g_assert_null (strstr (a, secret));
}

static void
test_key_file (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "config", "caiji", "kiosk.key", NULL);
  g_autoptr(GError) error = NULL;
  CaijiKey first, again;
  GStatBuf info;

  g_unsetenv ("CAIJI_KEK_HEX");
  g_assert_true (caiji_kek_load (path, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (info.st_size, ==, CAIJI_KEY_BYTES);
  g_assert_true (caiji_kek_load (path, &again, &error));
  g_assert_cmpmem (first.bytes, sizeof first.bytes, again.bytes, sizeof again.bytes);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_false (caiji_kek_load (path, &again, &error));
  g_assert_error (error, CAIJI_CRYPTO_ERROR, CAIJI_CRYPTO_ERROR_KEY_FILE);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "short", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_false (caiji_kek_load (path, &again, &error));
  g_assert_error (error, CAIJI_CRYPTO_ERROR, CAIJI_CRYPTO_ERROR_KEY_FILE);
  g_clear_error (&error);

  g_setenv ("CAIJI_KEK_HEX", "not hex", TRUE);
  g_assert_false (caiji_kek_load (path, &again, &error));
  g_assert_error (error, CAIJI_CRYPTO_ERROR, CAIJI_CRYPTO_ERROR_KEY_FILE);
  caiji_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crypto/round-trip-and-tampering", test_round_trip_and_tampering);
  g_test_add_func ("/crypto/fresh-nonce", test_fresh_nonce_each_time);
  g_test_add_func ("/crypto/keyed-hash", test_keyed_hash);
  g_test_add_func ("/crypto/key-file", test_key_file);

  return g_test_run ();
}
