/* test-nations.c: GB 3304 codes map to names and back */
#include <glib.h>

#include "caiji-nations.h"

static void
test_known_codes (void)
{
  g_assert_cmpstr (caiji_nation_name (1), ==, "汉");
  g_assert_cmpstr (caiji_nation_name (5), ==, "维吾尔");
  g_assert_cmpstr (caiji_nation_name (56), ==, "基诺");
  g_assert_null (caiji_nation_name (0));
  g_assert_null (caiji_nation_name (57));
}

static void
test_round_trip (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int code = 1; code <= CAIJI_NATION_COUNT; code++)
    {
      const char *name = caiji_nation_name (code);

      g_assert_nonnull (name);
      g_assert_true (g_hash_table_add (seen, (gpointer) name));
      g_assert_cmpint (caiji_nation_code (name), ==, code);
    }
  g_assert_cmpint (caiji_nation_code ("火星"), ==, 0);
  g_assert_cmpint (caiji_nation_code (NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nations/known-codes", test_known_codes);
  g_test_add_func ("/nations/round-trip", test_round_trip);
  return g_test_run ();
}
