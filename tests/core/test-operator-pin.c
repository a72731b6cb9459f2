/* test-operator-pin.c: PIN rules, hashing, first run, wrong PIN, lockout
 *
 * GSettings runs on the memory backend with the build's compiled schema
 * (tests/meson.build), so every test starts with no PIN set.
 */
#include "caiji-config.h"

#include <gio/gio.h>
#include <string.h>

#include "caiji-operator-pin.h"

typedef struct {
  GSettings        *settings;
  CaijiOperatorPin *pin;
} Fixture;

static gint64 fake_now;

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
reset_keys (GSettings *settings)
{
  g_settings_reset (settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY);
  g_settings_reset (settings, CAIJI_OPERATOR_PIN_FAILURES_KEY);
  g_settings_reset (settings, CAIJI_OPERATOR_PIN_LOCKED_KEY);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  reset_keys (fixture->settings);
  fixture->pin = caiji_operator_pin_new (fixture->settings);
  fake_now = 1000 * G_USEC_PER_SEC;
  caiji_operator_pin_set_clock (fixture->pin, fake_clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->pin);
  reset_keys (fixture->settings);
  g_clear_object (&fixture->settings);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
set_pin (Fixture     *fixture,
         const char  *pin,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  caiji_operator_pin_set_async (fixture->pin, pin, NULL, store_result, &result);
  return caiji_operator_pin_set_finish (fixture->pin, wait_for (&result), error);
}

static gboolean
verify (Fixture     *fixture,
        const char  *pin,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  caiji_operator_pin_verify_async (fixture->pin, pin, NULL, store_result, &result);
  return caiji_operator_pin_verify_finish (fixture->pin, wait_for (&result), error);
}

static gboolean
change (Fixture     *fixture,
        const char  *current,
        const char  *new_pin,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  caiji_operator_pin_change_async (fixture->pin, current, new_pin, NULL, store_result, &result);
  return caiji_operator_pin_change_finish (fixture->pin, wait_for (&result), error);
}

static void
assert_refused (Fixture              *fixture,
                const char           *pin,
                CaijiOperatorPinError code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (verify (fixture, pin, &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, (int) code);
}

static void
test_rules (void)
{
  const char *good[] = { "0000", "1234", "12345678", "00001111" };
  const char *bad[] = { "", "123", "123456789", "12a4", "12 34", "１２３４", "-123" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (caiji_operator_pin_check_rules (good[i], NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (caiji_operator_pin_check_rules (bad[i], &error));
      g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_RULES);
    }
  g_assert_false (caiji_operator_pin_check_rules (NULL, NULL));
}

static void
test_hash_and_match (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = caiji_operator_pin_hash ("246810", &error);
  g_autofree char *again = caiji_operator_pin_hash ("246810", &error);

  g_assert_no_error (error);
  g_assert_nonnull (hash);
  /* An Argon2id string with its own salt: never the PIN, never twice the same. */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "246810"));
  g_assert_cmpstr (hash, !=, again);

  g_assert_true (caiji_operator_pin_matches (hash, "246810"));
  g_assert_true (caiji_operator_pin_matches (again, "246810"));
  g_assert_false (caiji_operator_pin_matches (hash, "246811"));
  g_assert_false (caiji_operator_pin_matches (hash, "24681"));
  g_assert_false (caiji_operator_pin_matches ("", "246810"));
  g_assert_false (caiji_operator_pin_matches ("garbage", "246810"));

  g_assert_null (caiji_operator_pin_hash ("12", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_RULES);
}

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_false (caiji_operator_pin_is_set (fixture->pin));
  assert_refused (fixture, "1234", CAIJI_OPERATOR_PIN_ERROR_NOT_SET);

  g_assert_false (set_pin (fixture, "12", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_RULES);
  g_clear_error (&error);
  g_assert_false (caiji_operator_pin_is_set (fixture->pin));

  g_assert_true (set_pin (fixture, "135790", &error));
  g_assert_no_error (error);
  g_assert_true (caiji_operator_pin_is_set (fixture->pin));
  stored = g_settings_get_string (fixture->settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY);
  g_assert_true (caiji_operator_pin_matches (stored, "135790"));
  g_assert_null (strstr (stored, "135790"));

  /* Nobody replaces a set PIN without knowing it. */
  g_assert_false (set_pin (fixture, "2468", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_ALREADY_SET);
  g_assert_true (verify (fixture, "135790", NULL));
}

static void
test_wrong_pin (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (set_pin (fixture, "5555", NULL));
  g_assert_false (verify (fixture, "5556", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_WRONG);
  g_assert_nonnull (strstr (error->message, "4"));
  g_assert_true (verify (fixture, "5555", NULL));
}

static void
test_lockout_and_expiry (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (set_pin (fixture, "8080", NULL));
  for (guint i = 1; i < CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    assert_refused (fixture, "1111", CAIJI_OPERATOR_PIN_ERROR_WRONG);
  g_assert_false (verify (fixture, "1111", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in 5 minutes"));
  g_clear_error (&error);
  /* Locked: even the right PIN is refused, until the five minutes pass. */
  assert_refused (fixture, "8080", CAIJI_OPERATOR_PIN_ERROR_LOCKED);
  fake_now += (CAIJI_OPERATOR_PIN_LOCKOUT_SECONDS - 1) * G_USEC_PER_SEC;
  g_assert_false (verify (fixture, "8080", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in 1 minute."));
  fake_now += 1 * G_USEC_PER_SEC;
  g_assert_true (verify (fixture, "8080", NULL));

  /* After the lock, five fresh tries again. */
  for (guint i = 1; i < CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    assert_refused (fixture, "1111", CAIJI_OPERATOR_PIN_ERROR_WRONG);
  g_assert_true (verify (fixture, "8080", NULL));
}

static void
test_success_resets_count (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_true (set_pin (fixture, "8080", NULL));

  for (guint i = 1; i < CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    assert_refused (fixture, "1111", CAIJI_OPERATOR_PIN_ERROR_WRONG);
  g_assert_true (verify (fixture, "8080", NULL));
  for (guint i = 1; i < CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    assert_refused (fixture, "1111", CAIJI_OPERATOR_PIN_ERROR_WRONG);
}

static void
test_malformed_pin_is_not_a_try (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_assert_true (set_pin (fixture, "8080", NULL));

  for (guint i = 0; i < 2 * CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    assert_refused (fixture, "80", CAIJI_OPERATOR_PIN_ERROR_RULES);
  g_assert_true (verify (fixture, "8080", NULL));
}

static void
test_one_check_at_a_time (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (set_pin (fixture, "8080", NULL));
  caiji_operator_pin_verify_async (fixture->pin, "1111", NULL, store_result, &first);
  g_assert_true (caiji_operator_pin_is_busy (fixture->pin));
  caiji_operator_pin_verify_async (fixture->pin, "8080", NULL, store_result, &second);
  g_assert_false (caiji_operator_pin_verify_finish (fixture->pin, wait_for (&second), &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (caiji_operator_pin_verify_finish (fixture->pin, wait_for (&first), &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_WRONG);
  g_assert_false (caiji_operator_pin_is_busy (fixture->pin));
}

static void
test_change (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (change (fixture, "1111", "2222", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_NOT_SET);
  g_clear_error (&error);

  g_assert_true (set_pin (fixture, "8080", NULL));
  g_assert_true (change (fixture, "8080", "246813", &error));
  g_assert_no_error (error);
  assert_refused (fixture, "8080", CAIJI_OPERATOR_PIN_ERROR_WRONG);
  g_assert_true (verify (fixture, "246813", NULL));

  /* A bad new PIN is refused before anything is compared or counted. */
  g_assert_false (change (fixture, "246813", "12", &error));
  g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, CAIJI_OPERATOR_PIN_ERROR_RULES);
  g_clear_error (&error);
  g_assert_true (verify (fixture, "246813", NULL));
}

static void
test_change_with_wrong_pin_counts (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_assert_true (set_pin (fixture, "8080", NULL));

  for (guint i = 1; i <= CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    {
      int expected = i < CAIJI_OPERATOR_PIN_MAX_FAILURES ? CAIJI_OPERATOR_PIN_ERROR_WRONG
                                                         : CAIJI_OPERATOR_PIN_ERROR_LOCKED;
      g_autoptr(GError) error = NULL;

      g_assert_false (change (fixture, "1111", "2222", &error));
      g_assert_error (error, CAIJI_OPERATOR_PIN_ERROR, expected);
    }
  assert_refused (fixture, "8080", CAIJI_OPERATOR_PIN_ERROR_LOCKED);
  fake_now += CAIJI_OPERATOR_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  g_assert_true (verify (fixture, "8080", NULL));
  assert_refused (fixture, "2222", CAIJI_OPERATOR_PIN_ERROR_WRONG);
}

/* Switching the kiosk off and on is not a way to get fresh tries. */
static void
restart (Fixture *fixture)
{
  g_clear_object (&fixture->pin);
  fixture->pin = caiji_operator_pin_new (fixture->settings);
  caiji_operator_pin_set_clock (fixture->pin, fake_clock);
}

static void
test_tries_survive_restart (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_true (set_pin (fixture, "8080", NULL));

  for (guint i = 1; i < CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    {
      assert_refused (fixture, "1111", CAIJI_OPERATOR_PIN_ERROR_WRONG);
      restart (fixture);
    }
  assert_refused (fixture, "1111", CAIJI_OPERATOR_PIN_ERROR_LOCKED);
  restart (fixture);
  assert_refused (fixture, "8080", CAIJI_OPERATOR_PIN_ERROR_LOCKED);
  fake_now += CAIJI_OPERATOR_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  restart (fixture);
  g_assert_true (verify (fixture, "8080", NULL));
}

/* A wall clock set back by an hour must not lock operator mode for an hour. */
static void
test_clock_set_back (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_true (set_pin (fixture, "8080", NULL));
  for (guint i = 0; i < CAIJI_OPERATOR_PIN_MAX_FAILURES; i++)
    verify (fixture, "1111", NULL);
  assert_refused (fixture, "8080", CAIJI_OPERATOR_PIN_ERROR_LOCKED);

  fake_now -= (gint64) 3600 * G_USEC_PER_SEC;
  assert_refused (fixture, "8080", CAIJI_OPERATOR_PIN_ERROR_LOCKED);
  fake_now += CAIJI_OPERATOR_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  g_assert_true (verify (fixture, "8080", NULL));
}

static void
add_pin_test (const char *path,
              void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/operator-pin/rules", test_rules);
  g_test_add_func ("/operator-pin/hash-and-match", test_hash_and_match);
  add_pin_test ("/operator-pin/first-run", test_first_run);
  add_pin_test ("/operator-pin/wrong-pin", test_wrong_pin);
  add_pin_test ("/operator-pin/lockout-and-expiry", test_lockout_and_expiry);
  add_pin_test ("/operator-pin/success-resets-count", test_success_resets_count);
  add_pin_test ("/operator-pin/malformed-is-not-a-try", test_malformed_pin_is_not_a_try);
  add_pin_test ("/operator-pin/one-check-at-a-time", test_one_check_at_a_time);
  add_pin_test ("/operator-pin/change", test_change);
  add_pin_test ("/operator-pin/tries-survive-restart", test_tries_survive_restart);
  add_pin_test ("/operator-pin/clock-set-back", test_clock_set_back);
  add_pin_test ("/operator-pin/change-with-wrong-pin-counts", test_change_with_wrong_pin_counts);

  return g_test_run ();
}
