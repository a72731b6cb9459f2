/* caiji-id-reader-card.c: decoding (and, for tests, encoding) the chip's
 * text block
 *
 * The chip's data is signed by the issuer, but the bytes still pass a USB
 * cable and a reader's firmware: a number that breaks GB 11643, or a birth
 * date or sex that disagrees with it, is refused rather than shown.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-id-number.h"
#include "caiji-id-reader-card.h"
#include "caiji-id-reader-frame.h"
#include "caiji-nations.h"

/* Field widths in UCS-2 characters, in the block's order. */
enum {
  FIELD_NAME,
  FIELD_SEX,
  FIELD_NATION,
  FIELD_BIRTH,
  FIELD_ADDRESS,
  FIELD_NUMBER,
  FIELD_AUTHORITY,
  FIELD_VALID_FROM,
  FIELD_VALID_TO,
  N_FIELDS
};

static const guint field_chars[N_FIELDS] = { 15, 1, 2, 8, 35, 18, 15, 8, 8 };

static const char long_term[] = "长期";

typedef struct {
  char *fields[N_FIELDS];
} TextBlock;

static void
text_block_clear (TextBlock *block)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&block->fields[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TextBlock, text_block_clear)

static gboolean
malformed (GError    **error,
           const char *message)
{
  g_set_error_literal (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_MALFORMED, message);
  return FALSE;
}

static gboolean
refuse (GError    **error,
        const char *reason)
{
  g_set_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_REFUSED,
               _("The ID card’s chip data is not valid (%s). Please sign in with your ID number and password, or ask the operator."),
               reason);
  return FALSE;
}

/* One field: UCS-2LE without its padding (spaces and NULs). */
static char *
decode_field (const guint8 *bytes,
              guint         chars)
{
  g_autofree gunichar2 *units = g_new0 (gunichar2, chars + 1);
  guint n = 0;

  for (guint i = 0; i < chars; i++)
    units[i] = (gunichar2) (bytes[2 * i] | (bytes[2 * i + 1] << 8));
  for (n = chars; n > 0 && (units[n - 1] == ' ' || units[n - 1] == 0); n--)
    ;
  return g_utf16_to_utf8 (units, n, NULL, NULL, NULL);
}

static gboolean
decode_text (const guint8 *text,
             TextBlock    *block,
             GError      **error)
{
  gsize offset = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      block->fields[i] = decode_field (text + offset, field_chars[i]);
      if (block->fields[i] == NULL)
        return malformed (error, _("The ID card reader sent text that is not valid UCS-2."));
      offset += 2 * field_chars[i];
    }
  return TRUE;
}

static gboolean
all_digits (const char *text,
            gsize       count)
{
  if (strlen (text) != count)
    return FALSE;
  for (gsize i = 0; i < count; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* YYYYMMDD → YYYY-MM-DD, NULL when it is not a calendar date. */
static char *
iso_date (const char *compact)
{
  int year, month, day;

  if (!all_digits (compact, 8))
    return NULL;
  year = (compact[0] - '0') * 1000 + (compact[1] - '0') * 100 + (compact[2] - '0') * 10 + (compact[3] - '0');
  month = (compact[4] - '0') * 10 + (compact[5] - '0');
  day = (compact[6] - '0') * 10 + (compact[7] - '0');
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* As the card prints it (GB/T 2261.1 codes 1 and 2); the vision path
 * fills the same words. */
static const char *
sex_name (const char *code)
{
  if (g_strcmp0 (code, "1") == 0)
    return "男";
  if (g_strcmp0 (code, "2") == 0)
    return "女";
  return NULL;
}

/* Cards of the 56 nationalities carry 01…56; other codes (97, 98) have no
 * printed name here, so the field stays unread. */
static char *
nation_name (const char *code)
{
  if (!all_digits (code, 2))
    return NULL;
  return g_strdup (caiji_nation_name ((code[0] - '0') * 10 + (code[1] - '0')));
}

static gboolean
check_number (CaijiCardReading *card,
              CaijiSex          sex,
              GError          **error)
{
  CaijiIdInfo info;
  g_autofree char *birth = NULL;

  if (!caiji_id_number_parse (card->id_number, NULL, &info, NULL))
    return refuse (error, _("the ID number is not a valid resident ID number"));
  birth = g_strdup_printf ("%04d-%02d-%02d", info.birth_year, info.birth_month, info.birth_day);
  if (g_strcmp0 (birth, card->birth) != 0)
    return refuse (error, _("the birth date does not match the ID number"));
  if (sex != info.sex)
    return refuse (error, _("the sex does not match the ID number"));
  g_free (card->id_number);
  card->id_number = g_strdup (info.normalized);
  return TRUE;
}

static CaijiCardReading *
reading_from_text (TextBlock *block,
                   GError   **error)
{
  g_autoptr(CaijiCardReading) card = caiji_card_reading_new (CAIJI_CARD_SIDE_FRONT);
  const char *sex = sex_name (block->fields[FIELD_SEX]);
  const char *valid_to = block->fields[FIELD_VALID_TO];

  card->name = g_steal_pointer (&block->fields[FIELD_NAME]);
  card->nation = nation_name (block->fields[FIELD_NATION]);
  card->birth = iso_date (block->fields[FIELD_BIRTH]);
  card->address = g_steal_pointer (&block->fields[FIELD_ADDRESS]);
  card->id_number = g_steal_pointer (&block->fields[FIELD_NUMBER]);
  card->authority = g_steal_pointer (&block->fields[FIELD_AUTHORITY]);
  card->valid_from = iso_date (block->fields[FIELD_VALID_FROM]);
  card->valid_to = g_str_has_prefix (valid_to, long_term) ? g_strdup (long_term) : iso_date (valid_to);

  if (card->name[0] == '\0')
    return refuse (error, _("the name is empty")), NULL;
  if (sex == NULL)
    return refuse (error, _("the sex code is unknown")), NULL;
  if (card->birth == NULL)
    return refuse (error, _("the birth date is not a date")), NULL;
  if (card->valid_from == NULL || card->valid_to == NULL)
    return refuse (error, _("the validity period is not a date")), NULL;
  card->sex = g_strdup (sex);
  if (!check_number (card, caiji_sex_from_string (sex), error))
    return NULL;
  return g_steal_pointer (&card);
}

/* @payload: the data after the status bytes of a 30 01 reply.  Returns
 * the card as one front-side reading (the chip holds both sides' fields);
 * *photo gets the WLT bytes. */
CaijiCardReading *
caiji_reader_card_parse (GBytes  *payload,
                         GBytes **photo,
                         GError **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (payload, &length);
  g_auto(TextBlock) block = { 0 };
  gsize text_length, photo_length;
  CaijiCardReading *card;

  if (length < 4)
    return malformed (error, _("The ID card reader’s reply holds no card data.")), NULL;
  text_length = ((gsize) data[0] << 8) | data[1];
  photo_length = ((gsize) data[2] << 8) | data[3];
  if (text_length != CAIJI_READER_TEXT_LENGTH || length != 4 + text_length + photo_length)
    return malformed (error, _("The ID card reader’s reply has card data of the wrong size.")), NULL;
  if (!decode_text (data + 4, &block, error))
    return NULL;
  card = reading_from_text (&block, error);
  if (card != NULL && photo != NULL)
    *photo = g_bytes_new (data + 4 + text_length, photo_length);
  return card;
}

/* Writes @value as UCS-2LE padded with spaces to @chars characters
 * (longer values are cut, as the card's fixed layout would). */
static void
append_field (GByteArray *out,
              const char *value,
              guint       chars)
{
  glong written = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (value != NULL ? value : "", -1, NULL, &written, NULL);

  for (guint i = 0; i < chars; i++)
    {
      gunichar2 unit = units != NULL && i < (guint) written ? units[i] : ' ';
      guint8 bytes[2] = { (guint8) (unit & 0xFF), (guint8) (unit >> 8) };

      g_byte_array_append (out, bytes, 2);
    }
}

/* YYYY-MM-DD → YYYYMMDD; anything else (长期) unchanged. */
static char *
compact_date (const char *date)
{
  g_auto(GStrv) parts = g_strsplit (date != NULL ? date : "", "-", -1);

  return g_strjoinv ("", parts);
}

/* The reply payload a reader sends for @card: what the simulated reader
 * in the tests answers with. */
GBytes *
caiji_reader_card_encode (const CaijiCardReading *card,
                          GBytes                 *photo)
{
  CaijiSex sex = caiji_sex_from_string (card->sex);
  g_autofree char *sex_code = g_strdup_printf ("%d", sex == CAIJI_SEX_MALE ? 1 : sex == CAIJI_SEX_FEMALE ? 2 : 0);
  g_autofree char *nation_code = g_strdup_printf ("%02d", caiji_nation_code (card->nation));
  g_autofree char *birth = compact_date (card->birth);
  g_autofree char *valid_from = compact_date (card->valid_from);
  g_autofree char *valid_to = compact_date (card->valid_to);
  const char *values[N_FIELDS] = { card->name, sex_code, nation_code, birth, card->address,
                                   card->id_number, card->authority, valid_from, valid_to };
  gsize photo_length = photo != NULL ? g_bytes_get_size (photo) : 0;
  GByteArray *out = g_byte_array_new ();
  const guint8 lengths[4] = { CAIJI_READER_TEXT_LENGTH >> 8, CAIJI_READER_TEXT_LENGTH & 0xFF,
                              (guint8) (photo_length >> 8), (guint8) (photo_length & 0xFF) };

  g_byte_array_append (out, lengths, sizeof lengths);
  for (guint i = 0; i < N_FIELDS; i++)
    append_field (out, values[i], field_chars[i]);
  while (out->len < 4 + CAIJI_READER_TEXT_LENGTH)
    append_field (out, NULL, 1);
  if (photo_length > 0)
    g_byte_array_append (out, g_bytes_get_data (photo, NULL), (guint) photo_length);
  return g_byte_array_free_to_bytes (out);
}
