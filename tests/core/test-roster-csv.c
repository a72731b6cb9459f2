/* test-roster-csv.c: the roster CSV reader, on the shapes offices export
 *
 * Every ID number here is synthetic (caiji_test_synthetic_id) or built
 * from a made-up area code and date with a computed check character.
 */
#include <glib.h>
#include <string.h>

#include "caiji-id-number.h"
#include "caiji-roster-csv.h"
#include "caiji-test-utils.h"

#define CHINESE_HEADER "学号,姓名,性别,证件号,手机号,所属高校,专业,年级"

static GPtrArray *
parse_text (const char *text,
            GPtrArray **row_errors,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return caiji_roster_csv_parse (bytes, row_errors, error);
}

static CaijiCandidate *
candidate_at (GPtrArray *candidates,
              guint      i)
{
  return g_ptr_array_index (candidates, i);
}

/* A synthetic ID with a chosen birth date, valid checksum. */
static char *
id_born_on (const char *yyyymmdd,
            CaijiSex    sex)
{
  char id[19];

  g_snprintf (id, sizeof id, "410820%s03%c", yyyymmdd, sex == CAIJI_SEX_MALE ? '1' : '2');
  id[17] = caiji_id_number_check_char (id);
  id[18] = '\0';
  return g_strdup (id);
}

static void
assert_row_error (GPtrArray  *row_errors,
                  guint       i,
                  const char *line_prefix)
{
  const char *message;

  g_assert_cmpuint (row_errors->len, >, i);
  message = g_ptr_array_index (row_errors, i);
  g_test_message ("row error: %s", message);
  g_assert_true (g_str_has_prefix (message, line_prefix));
  g_assert_cmpuint (strlen (message), >, strlen (line_prefix) + 5);
}

static void
test_chinese_bom_crlf_quoted (void)
{
  g_autofree char *woman = caiji_test_synthetic_id (2, CAIJI_SEX_FEMALE);
  g_autofree char *man = caiji_test_synthetic_id (3, CAIJI_SEX_MALE);
  g_autofree char *man_spaced = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  /* Typed IDs come with spaces; the reader must normalise them. */
  man_spaced = g_strdup_printf (" %.6s %s ", man, man + 6);
  text = g_strdup_printf ("\xEF\xBB\xBF" CHINESE_HEADER "\r\n"
                          "23030002,王静怡,女,%s,13800000002,\"网梯测试大学, 北京校区\",英语,2023\r\n"
                          "\r\n"
                          "23030003,\"李\"\"明\"\"\",男,%s,,网梯测试大学,\"计算机\r\n科学\",2022\r\n",
                          woman, man_spaced);
  candidates = parse_text (text, &row_errors, &error);

  g_assert_no_error (error);
  g_assert_nonnull (candidates);
  g_assert_cmpuint (row_errors->len, ==, 0);
  g_assert_cmpuint (candidates->len, ==, 2);

  g_assert_cmpstr (candidate_at (candidates, 0)->student_no, ==, "23030002");
  g_assert_cmpstr (candidate_at (candidates, 0)->name, ==, "王静怡");
  g_assert_cmpint (candidate_at (candidates, 0)->sex, ==, CAIJI_SEX_FEMALE);
  g_assert_cmpstr (candidate_at (candidates, 0)->id_number, ==, woman);
  g_assert_cmpstr (candidate_at (candidates, 0)->phone, ==, "13800000002");
  g_assert_cmpstr (candidate_at (candidates, 0)->university, ==, "网梯测试大学, 北京校区");
  g_assert_cmpstr (candidate_at (candidates, 0)->major, ==, "英语");
  g_assert_cmpstr (candidate_at (candidates, 0)->grade, ==, "2023");

  g_assert_cmpstr (candidate_at (candidates, 1)->name, ==, "李\"明\"");
  g_assert_cmpstr (candidate_at (candidates, 1)->id_number, ==, man);
  g_assert_cmpint (candidate_at (candidates, 1)->sex, ==, CAIJI_SEX_MALE);
  g_assert_null (candidate_at (candidates, 1)->phone);
  g_assert_cmpstr (candidate_at (candidates, 1)->major, ==, "计算机\r\n科学");
}

static void
test_english_headers (void)
{
  g_autofree char *id = caiji_test_synthetic_id (7, CAIJI_SEX_MALE);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  /* Columns in another order, an unknown column, no sex column, LF only,
   * no final newline. */
  text = g_strdup_printf ("Name,Remarks,ID_Number,Student_No,Major\n"
                          "赵伟,late,%s,23030007,Law", id);
  candidates = parse_text (text, &row_errors, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (row_errors->len, ==, 0);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpstr (candidate_at (candidates, 0)->student_no, ==, "23030007");
  g_assert_cmpstr (candidate_at (candidates, 0)->name, ==, "赵伟");
  g_assert_cmpstr (candidate_at (candidates, 0)->id_number, ==, id);
  g_assert_cmpstr (candidate_at (candidates, 0)->major, ==, "Law");
  /* Without a sex column the ID number decides. */
  g_assert_cmpint (candidate_at (candidates, 0)->sex, ==, CAIJI_SEX_MALE);
  g_assert_null (candidate_at (candidates, 0)->university);
}

static void
test_id_card_header_alias (void)
{
  g_autofree char *id = caiji_test_synthetic_id (9, CAIJI_SEX_FEMALE);
  g_autofree char *text = g_strdup_printf ("学号,姓名,身份证号,性别\n1,周芳,%s,F\n", id);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = parse_text (text, &row_errors, NULL);

  g_assert_nonnull (candidates);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpuint (row_errors->len, ==, 0);
}

static void
assert_file_error (const char         *text,
                   gsize               len,
                   CaijiRosterCsvError code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  candidates = caiji_roster_csv_parse (bytes, &row_errors, &error);
  g_assert_null (candidates);
  g_assert_null (row_errors);
  g_assert_error (error, CAIJI_ROSTER_CSV_ERROR, (int) code);
  g_test_message ("file error: %s", error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_missing_column (void)
{
  const char *text = "学号,姓名,性别\n23030001,王明,男\n";

  assert_file_error (text, strlen (text), CAIJI_ROSTER_CSV_ERROR_HEADER);
}

static void
test_missing_column_names_it (void)
{
  const char *text = "学号,证件号\n1,2\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = parse_text (text, NULL, &error);

  g_assert_null (candidates);
  g_assert_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "姓名"));
}

static void
test_doubled_column (void)
{
  const char *text = "学号,姓名,证件号,name\n1,2,3,4\n";

  assert_file_error (text, strlen (text), CAIJI_ROSTER_CSV_ERROR_HEADER);
}

static void
test_row_errors (void)
{
  g_autofree char *good = caiji_test_synthetic_id (1, CAIJI_SEX_MALE);
  g_autofree char *other = caiji_test_synthetic_id (4, CAIJI_SEX_FEMALE);
  g_autofree char *bad_sum = g_strdup (good);
  g_autofree char *future = id_born_on ("20990101", CAIJI_SEX_FEMALE);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  bad_sum[17] = bad_sum[17] == '0' ? '1' : '0';
  text = g_strdup_printf (CHINESE_HEADER "\n"
                          "1,甲,男,%s,,,,\n"        /* line 2: good */
                          "2,乙,男,%s,,,,\n"        /* line 3: checksum */
                          "3,丙,女,%s,,,,\n"        /* line 4: born 2099 */
                          "4,丁,男,%s,,,,\n"        /* line 5: sex mismatch */
                          "1,戊,女,%s,,,,\n"        /* line 6: student number again */
                          "6,己,男,%s,,,,\n"        /* line 7: ID number again */
                          "7,,女,%s,,,,\n"          /* line 8: no name */
                          "8,庚,x,%s,,,,\n"         /* line 9: unknown sex */
                          "9,辛,女,%s,,,,\n",       /* line 10: good */
                          good, bad_sum, future, other, other, good, other, other, other);
  candidates = parse_text (text, &row_errors, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_cmpstr (candidate_at (candidates, 0)->student_no, ==, "1");
  g_assert_cmpstr (candidate_at (candidates, 1)->student_no, ==, "9");
  g_assert_cmpuint (row_errors->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("line %u: ", i + 3);

      assert_row_error (row_errors, i, prefix);
    }
  /* The duplicate messages point at the first occurrence. */
  g_assert_nonnull (strstr (g_ptr_array_index (row_errors, 3), "line 2"));
  g_assert_nonnull (strstr (g_ptr_array_index (row_errors, 4), "line 2"));
}

static void
test_shifted_row (void)
{
  g_autofree char *id = caiji_test_synthetic_id (5, CAIJI_SEX_MALE);
  g_autofree char *text = g_strdup_printf ("学号,姓名,证件号\n"
                                           "5,王,明,%s\n"
                                           "6,李明,%s,,\n", id, id);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = parse_text (text, &row_errors, NULL);

  /* An unquoted comma shifts the cells: refuse, don't guess.  Trailing
   * empty cells are harmless. */
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpstr (candidate_at (candidates, 0)->name, ==, "李明");
  g_assert_cmpuint (row_errors->len, ==, 1);
  assert_row_error (row_errors, 0, "line 2: ");
}

static void
test_not_utf8 (void)
{
  /* "学号,姓名" in GBK. */
  const char gbk[] = "\xD1\xA7\xBA\xC5,\xD0\xD5\xC3\xFB\n1,2\n";
  const char utf16[] = "\xFF\xFE\x66\x5B";

  assert_file_error (gbk, sizeof gbk - 1, CAIJI_ROSTER_CSV_ERROR_ENCODING);
  assert_file_error (utf16, sizeof utf16 - 1, CAIJI_ROSTER_CSV_ERROR_ENCODING);
  assert_file_error ("a,b\n\0\n", 6, CAIJI_ROSTER_CSV_ERROR_ENCODING);
}

static void
test_empty (void)
{
  assert_file_error ("", 0, CAIJI_ROSTER_CSV_ERROR_EMPTY);
  assert_file_error ("\xEF\xBB\xBF\r\n\r\n", 7, CAIJI_ROSTER_CSV_ERROR_EMPTY);
  assert_file_error (CHINESE_HEADER "\r\n", strlen (CHINESE_HEADER) + 2, CAIJI_ROSTER_CSV_ERROR_EMPTY);
}

static void
test_unclosed_quote (void)
{
  const char *text = "学号,姓名,证件号\n1,\"王明,x\n2,李,y\n";

  assert_file_error (text, strlen (text), CAIJI_ROSTER_CSV_ERROR_SYNTAX);
}

static void
test_too_large (void)
{
  gsize size = CAIJI_ROSTER_CSV_MAX_BYTES + 1;
  g_autofree char *data = g_malloc (size);

  memset (data, 'a', size);
  assert_file_error (data, size, CAIJI_ROSTER_CSV_ERROR_TOO_LARGE);
}

static void
test_demo_roster (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "roster.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  candidates = parse_text (contents, &row_errors, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row_errors->len, ==, 0);
  g_assert_cmpuint (candidates->len, >, 0);
  g_assert_cmpstr (candidate_at (candidates, 0)->id_number, ==, "410820200103051241");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roster-csv/chinese-bom-crlf-quoted", test_chinese_bom_crlf_quoted);
  g_test_add_func ("/roster-csv/english-headers", test_english_headers);
  g_test_add_func ("/roster-csv/id-card-header-alias", test_id_card_header_alias);
  g_test_add_func ("/roster-csv/missing-column", test_missing_column);
  g_test_add_func ("/roster-csv/missing-column-names-it", test_missing_column_names_it);
  g_test_add_func ("/roster-csv/doubled-column", test_doubled_column);
  g_test_add_func ("/roster-csv/row-errors", test_row_errors);
  g_test_add_func ("/roster-csv/shifted-row", test_shifted_row);
  g_test_add_func ("/roster-csv/not-utf8", test_not_utf8);
  g_test_add_func ("/roster-csv/empty", test_empty);
  g_test_add_func ("/roster-csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/roster-csv/too-large", test_too_large);
  g_test_add_func ("/roster-csv/demo-roster", test_demo_roster);
  return g_test_run ();
}
