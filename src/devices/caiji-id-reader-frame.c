/* caiji-id-reader-frame.c: encoding and checking SAM reader frames
 *
 * The bytes come from a USB serial device that may be unplugged mid-reply,
 * misconfigured or simply broken, so every length is checked against what
 * is really there before it is used.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-id-reader-frame.h"

G_DEFINE_QUARK (caiji-reader-error-quark, caiji_reader_error)

static const guint8 preamble[CAIJI_READER_PREAMBLE_LENGTH] = { 0xAA, 0xAA, 0xAA, 0x96, 0x69 };

static guint8
xor_bytes (guint8        start,
           const guint8 *bytes,
           gsize         length)
{
  guint8 sum = start;

  for (gsize i = 0; i < length; i++)
    sum ^= bytes[i];
  return sum;
}

GBytes *
caiji_reader_frame_encode (const guint8 *body,
                           gsize         body_length)
{
  gsize length_field = body_length + 1;
  GByteArray *frame;
  guint8 length_bytes[2];
  guint8 checksum;

  g_return_val_if_fail (body_length <= CAIJI_READER_MAX_BODY, NULL);

  length_bytes[0] = (guint8) (length_field >> 8);
  length_bytes[1] = (guint8) (length_field & 0xFF);
  checksum = xor_bytes (length_bytes[0] ^ length_bytes[1], body, body_length);

  frame = g_byte_array_sized_new ((guint) (CAIJI_READER_HEADER_LENGTH + length_field));
  g_byte_array_append (frame, preamble, sizeof preamble);
  g_byte_array_append (frame, length_bytes, sizeof length_bytes);
  if (body_length > 0)
    g_byte_array_append (frame, body, (guint) body_length);
  g_byte_array_append (frame, &checksum, 1);
  return g_byte_array_free_to_bytes (frame);
}

GBytes *
caiji_reader_command_encode (guint8 command,
                             guint8 parameter)
{
  const guint8 body[] = { command, parameter };

  return caiji_reader_frame_encode (body, sizeof body);
}

GBytes *
caiji_reader_reply_encode (guint8        sw3,
                           const guint8 *data,
                           gsize         data_length)
{
  g_autofree guint8 *body = g_malloc (3 + data_length);

  body[0] = 0x00;
  body[1] = 0x00;
  body[2] = sw3;
  if (data_length > 0)
    memcpy (body + 3, data, data_length);
  return caiji_reader_frame_encode (body, 3 + data_length);
}

/* Where the preamble starts, or, when there is none, how many bytes can be
 * dropped while keeping a tail that may be the start of one. */
static gboolean
find_preamble (const guint8 *buffer,
               gsize         length,
               gsize        *offset)
{
  for (gsize i = 0; i < length; i++)
    {
      gsize n = MIN (sizeof preamble, length - i);

      if (memcmp (buffer + i, preamble, n) == 0)
        {
          *offset = i;
          return n == sizeof preamble;
        }
    }
  *offset = length;
  return FALSE;
}

/* Scans @buffer (bytes as received) for the next frame.  Bytes before a
 * preamble are noise on the line: *skip says how many to drop.  For
 * SCAN_FRAME the frame starts at buffer + *skip and is *frame_length
 * bytes long.  For SCAN_ERROR dropping *skip bytes resynchronises on the
 * next preamble. */
CaijiReaderScan
caiji_reader_frame_scan (const guint8 *buffer,
                         gsize         length,
                         gsize        *skip,
                         gsize        *frame_length,
                         GError      **error)
{
  gsize start;
  gsize length_field;
  const guint8 *header;

  *frame_length = 0;
  if (!find_preamble (buffer, length, &start) || length - start < CAIJI_READER_HEADER_LENGTH)
    {
      *skip = start;
      return CAIJI_READER_SCAN_INCOMPLETE;
    }

  header = buffer + start;
  length_field = ((gsize) header[5] << 8) | header[6];
  if (length_field < 2 || length_field > CAIJI_READER_MAX_BODY + 1)
    {
      *skip = start + 1;
      g_set_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_MALFORMED,
                   _("The ID card reader sent a frame with an impossible length (%u bytes)."),
                   (guint) length_field);
      return CAIJI_READER_SCAN_ERROR;
    }
  if (length - start < CAIJI_READER_HEADER_LENGTH + length_field)
    {
      *skip = start;
      return CAIJI_READER_SCAN_INCOMPLETE;
    }
  if (xor_bytes (0, header + CAIJI_READER_PREAMBLE_LENGTH, 2 + length_field) != 0)
    {
      *skip = start + 1;
      g_set_error_literal (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_CHECKSUM,
                           _("The ID card reader’s reply was garbled (wrong checksum)."));
      return CAIJI_READER_SCAN_ERROR;
    }
  *skip = start;
  *frame_length = CAIJI_READER_HEADER_LENGTH + length_field;
  return CAIJI_READER_SCAN_FRAME;
}

/* The body of exactly one frame, with the checksum byte left off. */
static const guint8 *
frame_body (const guint8 *frame,
            gsize         length,
            gsize         min_body,
            gsize        *body_length,
            GError      **error)
{
  gsize skip;
  gsize frame_length;

  switch (caiji_reader_frame_scan (frame, length, &skip, &frame_length, error))
    {
    case CAIJI_READER_SCAN_ERROR:
      return NULL;
    case CAIJI_READER_SCAN_INCOMPLETE:
      g_set_error_literal (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_TRUNCATED,
                           _("The ID card reader’s reply ended early."));
      return NULL;
    case CAIJI_READER_SCAN_FRAME:
    default:
      break;
    }
  *body_length = frame_length - CAIJI_READER_HEADER_LENGTH - 1;
  if (skip != 0 || skip + frame_length != length || *body_length < min_body)
    {
      g_set_error_literal (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_MALFORMED,
                           _("The ID card reader sent a frame that is not laid out as expected."));
      return NULL;
    }
  return frame + CAIJI_READER_HEADER_LENGTH;
}

CaijiReaderReply *
caiji_reader_reply_parse (const guint8 *frame,
                          gsize         length,
                          GError      **error)
{
  gsize body_length;
  const guint8 *body = frame_body (frame, length, 3, &body_length, error);
  CaijiReaderReply *reply;

  if (body == NULL)
    return NULL;
  reply = g_new0 (CaijiReaderReply, 1);
  reply->sw1 = body[0];
  reply->sw2 = body[1];
  reply->sw3 = body[2];
  reply->data = g_bytes_new (body + 3, body_length - 3);
  return reply;
}

CaijiReaderCommand *
caiji_reader_command_parse (const guint8 *frame,
                            gsize         length,
                            GError      **error)
{
  gsize body_length;
  const guint8 *body = frame_body (frame, length, 2, &body_length, error);
  CaijiReaderCommand *command;

  if (body == NULL)
    return NULL;
  command = g_new0 (CaijiReaderCommand, 1);
  command->command = body[0];
  command->parameter = body[1];
  command->data = g_bytes_new (body + 2, body_length - 2);
  return command;
}

static const char *
status_message (guint8 sw3)
{
  switch (sw3)
    {
    case CAIJI_READER_SW_NO_CARD:
      return _("No ID card on the reader. Please place the card flat on the reader.");
    case CAIJI_READER_SW_SELECT_FAILED:
    case CAIJI_READER_SW_READ_FAILED:
      return _("The ID card could not be read. Please hold it still on the reader and try again.");
    case CAIJI_READER_SW_BAD_CHECKSUM:
    case CAIJI_READER_SW_BAD_LENGTH:
    case CAIJI_READER_SW_BAD_COMMAND:
      return _("The ID card reader did not understand the request. Please check its cable.");
    case CAIJI_READER_SW_SAM_FAILED:
      return _("The ID card reader’s security module failed its self-test. Please ask the operator for help.");
    default:
      return NULL;
    }
}

/* Turns a status other than @expected_sw3 into an error an operator can
 * act on; unknown statuses keep their code for the service engineer. */
gboolean
caiji_reader_reply_check (const CaijiReaderReply *reply,
                          guint8                  expected_sw3,
                          GError                **error)
{
  const char *message;

  if (reply->sw1 == 0x00 && reply->sw2 == 0x00 && reply->sw3 == expected_sw3)
    return TRUE;
  message = reply->sw1 == 0x00 && reply->sw2 == 0x00 ? status_message (reply->sw3) : NULL;
  if (message != NULL)
    g_set_error_literal (error, CAIJI_READER_ERROR,
                         reply->sw3 == CAIJI_READER_SW_NO_CARD ? CAIJI_READER_ERROR_NO_CARD
                                                               : CAIJI_READER_ERROR_STATUS,
                         message);
  else
    g_set_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_STATUS,
                 _("The ID card reader reported an unknown status (%02X %02X %02X)."),
                 reply->sw1, reply->sw2, reply->sw3);
  return FALSE;
}

void
caiji_reader_reply_free (CaijiReaderReply *reply)
{
  if (reply == NULL)
    return;
  g_bytes_unref (reply->data);
  g_free (reply);
}

void
caiji_reader_command_free (CaijiReaderCommand *command)
{
  if (command == NULL)
    return;
  g_bytes_unref (command->data);
  g_free (command);
}
