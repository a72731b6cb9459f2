/* test-id-number.c: GB 11643-1999 rules, masking and the password rule */
#include <glib.h>

#include "caiji-id-number.h"
#include "caiji-test-utils.h"

/* The worked example printed in GB 11643-1999 itself. */
#define STANDARD_EXAMPLE "11010519491231002X"

static GDate *
fixed_today (void)
{
  return g_date_new_dmy (24, G_DATE_NOVEMBER, 2026);
}

static void
assert_rejected (const char  *text,
                 CaijiIdError code)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autoptr(GError) error = NULL;
  CaijiIdInfo info;

  g_assert_false (caiji_id_number_parse (text, today, &info, &error));
  g_assert_error (error, CAIJI_ID_ERROR, (int) code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_standard_example (void)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autoptr(GError) error = NULL;
  CaijiIdInfo info;

  g_assert_true (caiji_id_number_parse (STANDARD_EXAMPLE, today, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.normalized, ==, STANDARD_EXAMPLE);
  g_assert_cmpstr (info.area_code, ==, "110105");
  g_assert_cmpstr (info.province, ==, "北京市");
  g_assert_cmpint (info.birth_year, ==, 1949);
  g_assert_cmpint (info.birth_month, ==, 12);
  g_assert_cmpint (info.birth_day, ==, 31);
  g_assert_cmpint (info.sex, ==, CAIJI_SEX_FEMALE);
}

static void
test_synthetic_valid (void)
{
  g_autoptr(GDate) today = fixed_today ();

  for (guint n = 0; n < 500; n++)
    {
      CaijiSex sex = n % 2 ? CAIJI_SEX_MALE : CAIJI_SEX_FEMALE;
      g_autofree char *id = caiji_test_synthetic_id (n, sex);
      g_autoptr(GError) error = NULL;
      CaijiIdInfo info;

      g_assert_true (caiji_id_number_parse (id, today, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (info.sex, ==, sex);
      g_assert_cmpstr (info.normalized, ==, id);
    }
}

static void
test_every_wrong_check_character (void)
{
  const char candidates[] = "0123456789X";

  for (guint n = 0; n < 40; n++)
    {
      g_autofree char *id = caiji_test_synthetic_id (n, CAIJI_SEX_MALE);
      char right = id[17];

      for (guint i = 0; i < sizeof candidates - 1; i++)
        {
          if (candidates[i] == right)
            continue;
          id[17] = candidates[i];
          assert_rejected (id, CAIJI_ID_ERROR_CHECKSUM);
        }
    }
}

static void
test_single_digit_typos (void)
{
  g_autofree char *id = caiji_test_synthetic_id (3, CAIJI_SEX_FEMALE);

  /* GB 11643's check character catches every single-digit change. */
  for (guint pos = 14; pos < 17; pos++)
    {
      g_autofree char *typo = g_strdup (id);

      typo[pos] = typo[pos] == '9' ? '0' : typo[pos] + 1;
      assert_rejected (typo, CAIJI_ID_ERROR_CHECKSUM);
    }
}

static char *
with_check_char (const char *first17)
{
  char *id = g_strdup_printf ("%s?", first17);

  id[17] = caiji_id_number_check_char (id);
  return id;
}

static void
test_bad_dates (void)
{
  const char *const bad[] = {
    "41082019990230123",  /* 30 February */
    "41082019991301123",  /* month 13 */
    "41082019990000123",  /* month 0, day 0 */
    "41082020230229123",  /* 2023 is not a leap year */
    "41082018991231123",  /* before 1900 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *id = with_check_char (bad[i]);
      assert_rejected (id, CAIJI_ID_ERROR_BIRTH_DATE);
    }
}

static void
test_leap_day_and_future (void)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autofree char *leap = with_check_char ("41082020000229123");
  g_autofree char *tomorrow = with_check_char ("41082020261125123");
  g_autofree char *on_today = with_check_char ("41082020261124123");
  CaijiIdInfo info;

  g_assert_true (caiji_id_number_parse (leap, today, &info, NULL));
  g_assert_true (caiji_id_number_parse (on_today, today, &info, NULL));
  assert_rejected (tomorrow, CAIJI_ID_ERROR_FUTURE_BIRTH);
}

static void
test_bad_area_codes (void)
{
  const char *const prefixes[] = { "00", "10", "19", "20", "39", "47", "55", "66", "70", "80", "83", "99" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("%s082019900102123", prefixes[i]);
      g_autofree char *id = with_check_char (first17);

      assert_rejected (id, CAIJI_ID_ERROR_AREA);
    }
}

static void
test_lowercase_x_and_whitespace (void)
{
  g_autoptr(GDate) today = fixed_today ();
  const char *const spellings[] = {
    "11010519491231002x",
    "  11010519491231002X\n",
    "110105 19491231 002X",
    "\t110105194912310 02x ",
    "１１０１０５１９４９１２３１００２Ｘ",   /* full-width, as some IMEs type */
    "110105\xe3\x80\x80" "19491231002X",      /* ideographic space */
  };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(GError) error = NULL;
      CaijiIdInfo info;

      g_assert_true (caiji_id_number_parse (spellings[i], today, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (info.normalized, ==, STANDARD_EXAMPLE);
    }
}

static void
test_shape_errors (void)
{
  assert_rejected ("", CAIJI_ID_ERROR_EMPTY);
  assert_rejected ("   ", CAIJI_ID_ERROR_EMPTY);
  assert_rejected ("1101051949123100", CAIJI_ID_ERROR_LENGTH);
  assert_rejected ("11010519491231002", CAIJI_ID_ERROR_LENGTH);
  assert_rejected ("11010519491231002X1", CAIJI_ID_ERROR_LENGTH);
  assert_rejected ("110105194912310X2X", CAIJI_ID_ERROR_CHARACTERS);
  assert_rejected ("11010519491231002Y", CAIJI_ID_ERROR_CHARACTERS);
  assert_rejected ("1101051949-231002X", CAIJI_ID_ERROR_CHARACTERS);
  assert_rejected ("\xff\xfe", CAIJI_ID_ERROR_CHARACTERS);
  assert_rejected (NULL, CAIJI_ID_ERROR_CHARACTERS);
}

static void
test_sex_digit (void)
{
  g_autofree char *male = with_check_char ("41082019900102121");
  g_autofree char *female = with_check_char ("41082019900102128");
  CaijiIdInfo info;

  g_assert_true (caiji_id_number_parse (male, NULL, &info, NULL));
  g_assert_cmpint (info.sex, ==, CAIJI_SEX_MALE);
  g_assert_true (caiji_id_number_parse (female, NULL, &info, NULL));
  g_assert_cmpint (info.sex, ==, CAIJI_SEX_FEMALE);
}

static void
test_password (void)
{
  g_assert_true (caiji_id_password_matches (STANDARD_EXAMPLE, "31002X"));
  g_assert_true (caiji_id_password_matches (STANDARD_EXAMPLE, "31002x"));
  g_assert_true (caiji_id_password_matches (STANDARD_EXAMPLE, " 31002X "));
  g_assert_false (caiji_id_password_matches (STANDARD_EXAMPLE, "31002"));
  g_assert_false (caiji_id_password_matches (STANDARD_EXAMPLE, "231002X"));
  g_assert_false (caiji_id_password_matches (STANDARD_EXAMPLE, "310021"));
  g_assert_false (caiji_id_password_matches (STANDARD_EXAMPLE, ""));
  g_assert_false (caiji_id_password_matches (STANDARD_EXAMPLE, NULL));
}

static void
test_masks (void)
{
  g_autofree char *id = caiji_id_number_mask ("410820199901025866");
  g_autofree char *phone = caiji_phone_mask ("13800001234");
  g_autofree char *short_text = caiji_id_number_mask ("1234");

  g_assert_cmpstr (id, ==, "4108**********5866");
  g_assert_cmpstr (phone, ==, "138****1234");
  g_assert_cmpstr (short_text, ==, "1234");
}

static void
test_sex_strings (void)
{
  g_assert_cmpint (caiji_sex_from_string ("男"), ==, CAIJI_SEX_MALE);
  g_assert_cmpint (caiji_sex_from_string ("female"), ==, CAIJI_SEX_FEMALE);
  g_assert_cmpint (caiji_sex_from_string ("?"), ==, CAIJI_SEX_UNKNOWN);
  g_assert_cmpstr (caiji_sex_to_string (CAIJI_SEX_MALE), ==, "male");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-number/standard-example", test_standard_example);
  g_test_add_func ("/id-number/synthetic-valid", test_synthetic_valid);
  g_test_add_func ("/id-number/every-wrong-check-character", test_every_wrong_check_character);
  g_test_add_func ("/id-number/single-digit-typos", test_single_digit_typos);
  g_test_add_func ("/id-number/bad-dates", test_bad_dates);
  g_test_add_func ("/id-number/leap-day-and-future", test_leap_day_and_future);
  g_test_add_func ("/id-number/bad-area-codes", test_bad_area_codes);
  g_test_add_func ("/id-number/lowercase-x-and-whitespace", test_lowercase_x_and_whitespace);
  g_test_add_func ("/id-number/shape-errors", test_shape_errors);
  g_test_add_func ("/id-number/sex-digit", test_sex_digit);
  g_test_add_func ("/id-number/password", test_password);
  g_test_add_func ("/id-number/masks", test_masks);
  g_test_add_func ("/id-number/sex-strings", test_sex_strings);

  return g_test_run ();
}
