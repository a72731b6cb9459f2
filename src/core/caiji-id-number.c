/* caiji-id-number.c: resident ID number rules (GB 11643-1999)
 *
 * Every rejection carries a message a candidate can act on, because the
 * kiosk shows it verbatim under the ID number field.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-id-number.h"

G_DEFINE_QUARK (caiji-id-error-quark, caiji_id_error)

static const int check_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_chars[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

/* GB/T 2260 province-level codes: the first two digits of every area code. */
static const struct {
  int         code;
  const char *name;
} provinces[] = {
  { 11, "北京市" }, { 12, "天津市" }, { 13, "河北省" }, { 14, "山西省" }, { 15, "内蒙古自治区" },
  { 21, "辽宁省" }, { 22, "吉林省" }, { 23, "黑龙江省" },
  { 31, "上海市" }, { 32, "江苏省" }, { 33, "浙江省" }, { 34, "安徽省" }, { 35, "福建省" },
  { 36, "江西省" }, { 37, "山东省" },
  { 41, "河南省" }, { 42, "湖北省" }, { 43, "湖南省" }, { 44, "广东省" }, { 45, "广西壮族自治区" },
  { 46, "海南省" },
  { 50, "重庆市" }, { 51, "四川省" }, { 52, "贵州省" }, { 53, "云南省" }, { 54, "西藏自治区" },
  { 61, "陕西省" }, { 62, "甘肃省" }, { 63, "青海省" }, { 64, "宁夏回族自治区" },
  { 65, "新疆维吾尔自治区" },
  { 71, "台湾省" }, { 81, "香港特别行政区" }, { 82, "澳门特别行政区" },
};

/* Nobody registering for an exam today was born before this year. */
#define EARLIEST_BIRTH_YEAR 1900

const char *
caiji_id_province_name (int code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (provinces[i].code == code)
      return provinces[i].name;
  return NULL;
}

char
caiji_id_number_check_char (const char *first17)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (first17[i] - '0') * check_weights[i];
    }
  return check_chars[sum % 11];
}

/* Candidates type on phones and IME keyboards: accept full-width digits,
 * a lower-case x and stray spaces, and reduce everything to ASCII. */
static gboolean
normalize_characters (const char *text,
                      GString    *out)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF38 || c == 0xFF58)
        c = 'X';
      else if (c == 'x')
        c = 'X';

      if (!g_ascii_isdigit (c) && c != 'X')
        return FALSE;
      g_string_append_c (out, (char) c);
    }
  return TRUE;
}

static int
parse_digits (const char *s,
              int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');
  return value;
}

static gboolean
check_shape (const char *id,
             GError    **error)
{
  gsize len = strlen (id);

  if (len != CAIJI_ID_NUMBER_LENGTH)
    {
      g_set_error (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_LENGTH,
                   _("An ID number has 18 characters; this one has %u."), (guint) len);
      return FALSE;
    }
  for (int i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      {
        g_set_error_literal (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_CHARACTERS,
                             _("Only the last character of an ID number may be X; the others are digits."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_birth (const char  *id,
             const GDate *today,
             CaijiIdInfo *info,
             GError     **error)
{
  int year = parse_digits (id + 6, 4);
  int month = parse_digits (id + 10, 2);
  int day = parse_digits (id + 12, 2);
  g_autoptr(GDate) now = NULL;
  GDate birth;

  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_BIRTH_DATE,
                   _("Characters 7 to 14 of an ID number are the date of birth; %.8s is not a real date."),
                   id + 6);
      return FALSE;
    }

  if (today == NULL)
    {
      now = g_date_new ();
      g_date_set_time_t (now, time (NULL));
      today = now;
    }
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  if (g_date_compare (&birth, today) > 0)
    {
      g_set_error (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_FUTURE_BIRTH,
                   _("The date of birth in this ID number, %.8s, lies in the future."), id + 6);
      return FALSE;
    }

  info->birth_year = year;
  info->birth_month = month;
  info->birth_day = day;
  return TRUE;
}

gboolean
caiji_id_number_parse (const char  *text,
                       const GDate *today,
                       CaijiIdInfo *info,
                       GError     **error)
{
  g_autoptr(GString) id = g_string_new (NULL);
  CaijiIdInfo parsed = { 0 };
  char expected;

  g_return_val_if_fail (info != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || !normalize_characters (text, id))
    {
      g_set_error_literal (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_CHARACTERS,
                           _("An ID number contains only digits and, at the end, the letter X."));
      return FALSE;
    }
  if (id->len == 0)
    {
      g_set_error_literal (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_EMPTY,
                           _("Please enter your 18-character ID number."));
      return FALSE;
    }
  if (!check_shape (id->str, error))
    return FALSE;

  parsed.province = caiji_id_province_name (parse_digits (id->str, 2));
  if (parsed.province == NULL)
    {
      g_set_error (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_AREA,
                   _("An ID number starts with a province code; %.2s is not one."), id->str);
      return FALSE;
    }
  if (!check_birth (id->str, today, &parsed, error))
    return FALSE;

  expected = caiji_id_number_check_char (id->str);
  if (id->str[17] != expected)
    {
      g_set_error_literal (error, CAIJI_ID_ERROR, CAIJI_ID_ERROR_CHECKSUM,
                           _("This ID number's last character does not match the others. Please check every digit."));
      return FALSE;
    }

  memcpy (parsed.normalized, id->str, CAIJI_ID_NUMBER_LENGTH + 1);
  memcpy (parsed.area_code, id->str, 6);
  parsed.sex = (id->str[16] - '0') % 2 == 1 ? CAIJI_SEX_MALE : CAIJI_SEX_FEMALE;
  *info = parsed;
  return TRUE;
}

gboolean
caiji_id_password_matches (const char *normalized_id,
                           const char *password)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  gsize len;

  if (normalized_id == NULL || password == NULL)
    return FALSE;
  len = strlen (normalized_id);
  if (len < CAIJI_ID_PASSWORD_LENGTH || !normalize_characters (password, typed))
    return FALSE;
  return typed->len == CAIJI_ID_PASSWORD_LENGTH &&
         memcmp (typed->str, normalized_id + len - CAIJI_ID_PASSWORD_LENGTH,
                 CAIJI_ID_PASSWORD_LENGTH) == 0;
}

static char *
mask_middle (const char *text,
             gsize       keep_head,
             gsize       keep_tail)
{
  gsize len = text != NULL ? strlen (text) : 0;
  GString *masked;

  if (len <= keep_head + keep_tail)
    return g_strdup (text != NULL ? text : "");
  masked = g_string_new_len (text, keep_head);
  for (gsize i = keep_head; i < len - keep_tail; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, text + len - keep_tail);
  return g_string_free (masked, FALSE);
}

char *
caiji_id_number_mask (const char *id_number)
{
  return mask_middle (id_number, 4, 4);
}

char *
caiji_phone_mask (const char *phone)
{
  return mask_middle (phone, 3, 4);
}

const char *
caiji_sex_to_string (CaijiSex sex)
{
  switch (sex)
    {
    case CAIJI_SEX_MALE:
      return "male";
    case CAIJI_SEX_FEMALE:
      return "female";
    case CAIJI_SEX_UNKNOWN:
    default:
      return "unknown";
    }
}

CaijiSex
caiji_sex_from_string (const char *text)
{
  if (text == NULL)
    return CAIJI_SEX_UNKNOWN;
  if (g_ascii_strcasecmp (text, "male") == 0 || g_ascii_strcasecmp (text, "m") == 0 ||
      g_strcmp0 (text, "男") == 0)
    return CAIJI_SEX_MALE;
  if (g_ascii_strcasecmp (text, "female") == 0 || g_ascii_strcasecmp (text, "f") == 0 ||
      g_strcmp0 (text, "女") == 0)
    return CAIJI_SEX_FEMALE;
  return CAIJI_SEX_UNKNOWN;
}

const char *
caiji_sex_display_name (CaijiSex sex)
{
  switch (sex)
    {
    case CAIJI_SEX_MALE:
      return C_("sex", "Male");
    case CAIJI_SEX_FEMALE:
      return C_("sex", "Female");
    case CAIJI_SEX_UNKNOWN:
    default:
      return C_("sex", "Unknown");
    }
}
