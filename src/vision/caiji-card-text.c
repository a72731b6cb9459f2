/* caiji-card-text.c: turning raw OCR text from card fields into values */
#include "caiji-card-text.h"

#include <stdlib.h>
#include <string.h>

#include "caiji-nations.h"

#define MIDDLE_DOT 0x00B7   /* the · of transliterated minority names */
#define NAME_MAX_CHARS 15   /* what the chip stores, and so what is printed */

static gboolean
is_hanzi (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Longest common subsequence of a[0..n) and b[0..m). */
static guint
common_subsequence (const gunichar *a,
                    glong           n,
                    const gunichar *b,
                    glong           m)
{
  g_autofree guint *row = g_new0 (guint, m + 1);

  for (glong i = 0; i < n; i++)
    {
      guint diagonal = 0;

      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];

          row[j] = a[i] == b[j - 1] ? diagonal + 1 : MAX (row[j], row[j - 1]);
          diagonal = above;
        }
    }
  return row[m];
}

/* How many characters of pattern occur in text in the same order, within
 * a stretch of the text (spaces left out) half again as long as pattern.
 * OCR drops and invents characters, but rarely reorders them, so this
 * scores a printed title robustly; the stretch keeps a page of dense
 * print from spelling a title out of characters scattered over it (a
 * sideways page gave 5 of 中华人民共和国, eval-card seed 16180665). */
guint
caiji_card_text_overlap (const char *text,
                         const char *pattern)
{
  glong n = 0, m = 0, kept = 0, window;
  g_autofree gunichar *a = g_utf8_to_ucs4_fast (text != NULL ? text : "", -1, &n);
  g_autofree gunichar *b = g_utf8_to_ucs4_fast (pattern, -1, &m);
  guint best = 0;

  for (glong i = 0; i < n; i++)
    if (!g_unichar_isspace (a[i]))
      a[kept++] = a[i];
  window = m + m / 2;
  for (glong start = 0; start == 0 || start + window <= kept; start++)
    best = MAX (best, common_subsequence (a + start, MIN (window, kept - start), b, m));
  return best;
}

char *
caiji_card_text_keep_hanzi (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (is_hanzi (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

char *
caiji_card_text_keep_id_chars (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == 'X' || *p == 'x')
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

/* Two to fifteen characters, hanzi and the middle dot between them;
 * NULL when the text cannot be a name. */
char *
caiji_card_text_name (const char *text)
{
  GString *out = g_string_new (NULL);
  guint count = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_hanzi (c))
        {
          g_string_append_unichar (out, c);
          count++;
        }
      else if ((c == MIDDLE_DOT || c == 0x2022 || c == 0x30FB) && count > 0)
        {
          g_string_append_unichar (out, MIDDLE_DOT);
        }
    }
  if (count < 2 || count > NAME_MAX_CHARS || g_str_has_suffix (out->str, "·"))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The runs of ASCII digits in text, in order. */
static GPtrArray *
digit_runs (const char *text)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *start = p;

      while (g_ascii_isdigit (*p))
        p++;
      if (p > start)
        g_ptr_array_add (runs, g_strndup (start, p - start));
      else
        p++;
    }
  return runs;
}

/* The Chinese recogniser reads the birth line, and now and then returns
 * a character that looks like the digit printed there: 了 for 7 (seen on
 * eval-card seed 7316), 工 for 1 (seed 27182842), 〇 or O for 0, l or I
 * for 1.  Only the birth line goes through this, and it must still agree
 * with the number. */
static char *
with_lookalike_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x4E86 /* 了 */)
        g_string_append_c (out, '7');
      else if (c == 0x3007 /* 〇 */ || c == 'O' || c == 'o')
        g_string_append_c (out, '0');
      else if (c == 'l' || c == 'I' || c == 0x5DE5 /* 工 */)
        g_string_append_c (out, '1');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The 出生 line prints "1990 年 1 月 1 日": the three numbers must be
 * the ones the ID number encodes, in that order. */
gboolean
caiji_card_text_birth_matches (const char *text,
                               int         year,
                               int         month,
                               int         day)
{
  g_autofree char *digits = with_lookalike_digits (text);
  g_autoptr(GPtrArray) runs = digit_runs (digits);

  if (runs->len != 3)
    return FALSE;
  return atoi (runs->pdata[0]) == year && strlen (runs->pdata[0]) == 4 &&
         atoi (runs->pdata[1]) == month && atoi (runs->pdata[2]) == day;
}

static char *
iso_date (const char *eight_digits)
{
  int year = (eight_digits[0] - '0') * 1000 + (eight_digits[1] - '0') * 100 +
             (eight_digits[2] - '0') * 10 + (eight_digits[3] - '0');
  int month = (eight_digits[4] - '0') * 10 + (eight_digits[5] - '0');
  int day = (eight_digits[6] - '0') * 10 + (eight_digits[7] - '0');

  if (year < 1980 || year > 2100 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* "2015.03.01-2035.03.01" or "2015.03.01-长期".  A fixed term is 5, 10 or
 * 20 years to the day (GB 11643's terms), so a misread digit is caught. */
gboolean
caiji_card_text_validity (const char *text,
                          char      **valid_from,
                          char      **valid_to)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int years;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len == 8 && caiji_card_text_overlap (text, "长期") >= 1)
    {
      from = iso_date (digits->str);
      if (from == NULL)
        return FALSE;
      *valid_from = g_steal_pointer (&from);
      *valid_to = g_strdup ("长期");
      return TRUE;
    }
  if (digits->len != 16)
    return FALSE;
  from = iso_date (digits->str);
  to = iso_date (digits->str + 8);
  if (from == NULL || to == NULL || strcmp (from + 4, to + 4) != 0)
    return FALSE;
  years = atoi (to) - atoi (from);
  if (years != 5 && years != 10 && years != 20)
    return FALSE;
  *valid_from = g_steal_pointer (&from);
  *valid_to = g_steal_pointer (&to);
  return TRUE;
}

/* The one nation name that best explains the text, or NULL when the text
 * is empty or two names explain it equally well. */
const char *
caiji_card_text_nation (const char *text)
{
  g_autofree char *hanzi = caiji_card_text_keep_hanzi (text);
  const char *best = NULL;
  double best_score = 0;
  gboolean tie = FALSE;

  for (int code = 1; code <= CAIJI_NATION_COUNT; code++)
    {
      const char *name = caiji_nation_name (code);
      guint common = caiji_card_text_overlap (hanzi, name);
      /* Matched characters over the longer of the two: an exact match is 1. */
      double score = (double) common / MAX (g_utf8_strlen (hanzi, -1), g_utf8_strlen (name, -1));

      if (score > best_score)
        best = name, best_score = score, tie = FALSE;
      else if (score == best_score && score > 0)
        tie = TRUE;
    }
  return tie || best_score < 0.5 ? NULL : best;
}
