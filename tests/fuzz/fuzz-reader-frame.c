/* fuzz-reader-frame.c: libFuzzer target for the ID card reader's frames,
 * the bytes a USB serial device sends: scanned as a stream (noise,
 * several frames, damage), each frame parsed as a reply, and every read
 * reply's card data decoded and checked against the ID rules. */
#include "caiji-id-reader-card.h"
#include "caiji-id-reader-frame.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
parse_frame (const guint8 *frame,
             gsize         length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiReaderReply) reply = caiji_reader_reply_parse (frame, length, &error);
  g_autoptr(CaijiReaderCommand) command = caiji_reader_command_parse (frame, length, NULL);
  g_autoptr(CaijiCardReading) card = NULL;
  g_autoptr(GBytes) photo = NULL;

  if (reply == NULL)
    {
      g_assert (error != NULL);
      return;
    }
  g_assert (command != NULL);
  if (!caiji_reader_reply_check (reply, CAIJI_READER_SW_OK, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return;
    }
  card = caiji_reader_card_parse (reply->data, &photo, &error);
  if (card == NULL)
    g_assert (error != NULL);
  else
    g_assert (card->id_number != NULL && card->birth != NULL && photo != NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  gsize offset = 0;

  while (offset < size)
    {
      gsize skip, frame_length;
      g_autoptr(GError) error = NULL;
      CaijiReaderScan scan = caiji_reader_frame_scan (data + offset, size - offset,
                                                      &skip, &frame_length, &error);

      g_assert (skip + frame_length <= size - offset);
      if (scan == CAIJI_READER_SCAN_INCOMPLETE)
        break;
      if (scan == CAIJI_READER_SCAN_FRAME)
        parse_frame (data + offset + skip, frame_length);
      else
        g_assert (error != NULL && skip > 0);
      offset += skip + frame_length;
    }
  return 0;
}
