/* test-id-reader.c: the SAM ID card reader: frames, card data, and the
 * device against a simulated reader on a pseudo-terminal */
#include <string.h>

#include "caiji-id-reader-card.h"
#include "caiji-id-reader.h"
#include "fake-id-reader.h"

/* Short enough for silence tests, long enough for a loaded CI machine
 * running the sanitizers. */
#define TEST_TIMEOUT_MS 1500

static void
assert_bytes (GBytes       *bytes,
              const guint8 *expected,
              gsize         length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpmem (data, size, expected, length);
}

/* The find-card command as reader manuals print it. */
static void
test_frame_command_bytes (void)
{
  static const guint8 find_card[] = { 0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22 };
  static const guint8 sam_status[] = { 0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED };
  g_autoptr(GBytes) find = caiji_reader_command_encode (CAIJI_READER_CMD_FIND_CARD);
  g_autoptr(GBytes) status = caiji_reader_command_encode (CAIJI_READER_CMD_SAM_STATUS);
  g_autoptr(CaijiReaderCommand) parsed = caiji_reader_command_parse (find_card, sizeof find_card, NULL);

  assert_bytes (find, find_card, sizeof find_card);
  assert_bytes (status, sam_status, sizeof sam_status);
  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->command, ==, 0x20);
  g_assert_cmpuint (parsed->parameter, ==, 0x01);
}

static void
test_frame_reply_status (void)
{
  static const guint8 no_card[] = { 0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x80, 0x84 };
  static const guint8 unknown[] = { 0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x77, 0x73 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiReaderReply) reply = caiji_reader_reply_parse (no_card, sizeof no_card, &error);
  g_autoptr(CaijiReaderReply) odd = caiji_reader_reply_parse (unknown, sizeof unknown, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (reply->sw3, ==, CAIJI_READER_SW_NO_CARD);
  g_assert_cmpuint (g_bytes_get_size (reply->data), ==, 0);
  g_assert_false (caiji_reader_reply_check (reply, CAIJI_READER_SW_CARD_FOUND, &error));
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_NO_CARD);
  g_clear_error (&error);
  g_assert_true (caiji_reader_reply_check (reply, CAIJI_READER_SW_NO_CARD, NULL));

  g_assert_false (caiji_reader_reply_check (odd, CAIJI_READER_SW_OK, &error));
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_STATUS);
  g_assert_nonnull (strstr (error->message, "00 00 77"));
}

/* Every way a received buffer can be wrong, fed to the scanner. */
static void
test_frame_scan_damage (void)
{
  static const guint8 ok[] = { 0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x90, 0x94 };
  guint8 buffer[64];
  gsize skip, frame_length;
  g_autoptr(GError) error = NULL;

  /* Noise, including a false start, before the frame. */
  memcpy (buffer, (const guint8[]) { 0x13, 0xAA, 0xAA, 0x96 }, 4);
  memcpy (buffer + 4, ok, sizeof ok);
  g_assert_cmpint (caiji_reader_frame_scan (buffer, 4 + sizeof ok, &skip, &frame_length, NULL), ==,
                   CAIJI_READER_SCAN_FRAME);
  g_assert_cmpuint (skip, ==, 4);
  g_assert_cmpuint (frame_length, ==, sizeof ok);

  /* Every proper prefix is incomplete, and keeps a possible preamble. */
  for (gsize n = 0; n < sizeof ok; n++)
    {
      g_assert_cmpint (caiji_reader_frame_scan (ok, n, &skip, &frame_length, NULL), ==,
                       CAIJI_READER_SCAN_INCOMPLETE);
      g_assert_cmpuint (skip, ==, 0);
    }

  /* Pure noise is dropped but for a tail that may start a preamble. */
  memset (buffer, 0x55, 10);
  buffer[9] = 0xAA;
  g_assert_cmpint (caiji_reader_frame_scan (buffer, 10, &skip, &frame_length, NULL), ==,
                   CAIJI_READER_SCAN_INCOMPLETE);
  g_assert_cmpuint (skip, ==, 9);

  /* Bad checksum. */
  memcpy (buffer, ok, sizeof ok);
  buffer[sizeof ok - 1] ^= 1;
  g_assert_cmpint (caiji_reader_frame_scan (buffer, sizeof ok, &skip, &frame_length, &error), ==,
                   CAIJI_READER_SCAN_ERROR);
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_CHECKSUM);
  g_assert_cmpuint (skip, ==, 1);
  g_clear_error (&error);

  /* Impossible lengths: 0, 1 and far beyond any reply. */
  for (guint i = 0; i < 3; i++)
    {
      static const guint8 lengths[3][2] = { { 0x00, 0x00 }, { 0x00, 0x01 }, { 0xFF, 0xFF } };

      memcpy (buffer, ok, sizeof ok);
      memcpy (buffer + 5, lengths[i], 2);
      g_assert_cmpint (caiji_reader_frame_scan (buffer, sizeof ok, &skip, &frame_length, &error), ==,
                       CAIJI_READER_SCAN_ERROR);
      g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_MALFORMED);
      g_clear_error (&error);
    }

  /* A whole frame that is too short to hold status bytes. */
  {
    static const guint8 body[] = { 0x00 };
    g_autoptr(GBytes) tiny = caiji_reader_frame_encode (body, sizeof body);

    g_assert_null (caiji_reader_reply_parse (g_bytes_get_data (tiny, NULL), g_bytes_get_size (tiny), &error));
    g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_MALFORMED);
    g_clear_error (&error);
  }

  /* A truncated frame given as a whole one. */
  g_assert_null (caiji_reader_reply_parse (ok, sizeof ok - 1, &error));
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_TRUNCATED);
}

static GBytes *
encode_card (const CaijiCardReading *card)
{
  g_autoptr(GBytes) photo = g_bytes_new_static ("WLT", 3);

  return caiji_reader_card_encode (card, photo);
}

static void
assert_same_card (const CaijiCardReading *read,
                  const CaijiCardReading *expected)
{
  g_assert_cmpint (read->side, ==, CAIJI_CARD_SIDE_FRONT);
  g_assert_cmpstr (read->name, ==, expected->name);
  g_assert_cmpstr (read->sex, ==, expected->sex);
  g_assert_cmpstr (read->nation, ==, expected->nation);
  g_assert_cmpstr (read->birth, ==, expected->birth);
  g_assert_cmpstr (read->address, ==, expected->address);
  g_assert_cmpstr (read->id_number, ==, expected->id_number);
  g_assert_cmpstr (read->authority, ==, expected->authority);
  g_assert_cmpstr (read->valid_from, ==, expected->valid_from);
  g_assert_cmpstr (read->valid_to, ==, expected->valid_to);
}

static void
test_card_round_trip (void)
{
  guint long_term = 0;

  for (guint32 seed = 1; seed <= 200; seed++)
    {
      g_autoptr(CaijiCardReading) card = fake_reader_identity (seed);
      g_autoptr(GBytes) payload = encode_card (card);
      g_autoptr(GBytes) photo = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CaijiCardReading) read = caiji_reader_card_parse (payload, &photo, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (payload), ==, 4 + CAIJI_READER_TEXT_LENGTH + 3);
      assert_same_card (read, card);
      g_assert_cmpmem (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo), "WLT", 3);
      long_term += g_strcmp0 (card->valid_to, "长期") == 0;
    }
  /* The set covers both kinds of validity end. */
  g_assert_cmpuint (long_term, >, 0);
  g_assert_cmpuint (long_term, <, 200);
}

static void
assert_card_refused (const CaijiCardReading *card,
                     int                     code)
{
  g_autoptr(GBytes) payload = encode_card (card);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(CaijiCardReading) read = caiji_reader_card_parse (payload, &photo, &error);

  g_assert_null (read);
  g_assert_null (photo);
  g_assert_error (error, CAIJI_READER_ERROR, code);
}

/* Chip data that breaks the ID rules is refused, never passed on. */
static void
test_card_refusals (void)
{
  g_autoptr(CaijiCardReading) card = fake_reader_identity (7);
  g_autoptr(CaijiCardReading) bad = NULL;
  char last;

  bad = caiji_card_reading_copy (card);
  last = bad->id_number[17];
  bad->id_number[17] = last == '0' ? '1' : '0';
  assert_card_refused (bad, CAIJI_READER_ERROR_REFUSED);

  g_clear_pointer (&bad, caiji_card_reading_free);
  bad = caiji_card_reading_copy (card);
  bad->birth[3] = bad->birth[3] == '0' ? '1' : '0';
  assert_card_refused (bad, CAIJI_READER_ERROR_REFUSED);

  g_clear_pointer (&bad, caiji_card_reading_free);
  bad = caiji_card_reading_copy (card);
  g_free (bad->sex);
  bad->sex = g_strdup (g_strcmp0 (card->sex, "男") == 0 ? "女" : "男");
  assert_card_refused (bad, CAIJI_READER_ERROR_REFUSED);

  g_clear_pointer (&bad, caiji_card_reading_free);
  bad = caiji_card_reading_copy (card);
  g_free (bad->sex);
  bad->sex = g_strdup ("?");
  assert_card_refused (bad, CAIJI_READER_ERROR_REFUSED);

  g_clear_pointer (&bad, caiji_card_reading_free);
  bad = caiji_card_reading_copy (card);
  g_free (bad->valid_from);
  bad->valid_from = g_strdup ("2019-02-30");
  assert_card_refused (bad, CAIJI_READER_ERROR_REFUSED);
}

static void
test_card_bad_sizes (void)
{
  g_autoptr(CaijiCardReading) card = fake_reader_identity (3);
  g_autoptr(GBytes) payload = encode_card (card);
  gsize length;
  const guint8 *data = g_bytes_get_data (payload, &length);

  for (gsize cut = 0; cut < length; cut += 37)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, cut);
      g_autoptr(GError) error = NULL;

      g_assert_null (caiji_reader_card_parse (part, NULL, &error));
      g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_MALFORMED);
    }
}

/* ---- the device against the simulated reader ---- */

typedef struct {
  FakeReader       *fake;
  CaijiIdReader    *reader;
  CaijiCardReading *card;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->fake = fake_reader_new ();
  fixture->card = fake_reader_identity (GPOINTER_TO_UINT (data) + 1000);
  fake_reader_set_card (fixture->fake, fixture->card);
  fixture->reader = caiji_id_reader_open (fake_reader_get_port (fixture->fake),
                                          CAIJI_ID_READER_DEFAULT_BAUD, &error);
  g_assert_no_error (error);
  caiji_id_reader_set_timeout (fixture->reader, TEST_TIMEOUT_MS);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->reader);
  g_clear_pointer (&fixture->fake, fake_reader_free);
  g_clear_pointer (&fixture->card, caiji_card_reading_free);
}

static void
test_device_probe (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sam = caiji_id_reader_probe (fixture->reader, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sam, ==, "05.01-12345678-0123456789-0987654321");
  g_assert_cmpuint (fake_reader_get_commands (fixture->fake), ==, 2);
}

static void
test_device_read (Fixture      *fixture,
                  gconstpointer data)
{
  /* Normal, through line noise, and trickling in pieces. */
  const FakeReaderMode modes[] = { FAKE_READER_NORMAL, FAKE_READER_GARBAGE_FIRST, FAKE_READER_SLOW };

  for (gsize i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CaijiIdReaderCard) read = NULL;

      fake_reader_set_mode (fixture->fake, modes[i]);
      read = caiji_id_reader_read (fixture->reader, NULL, &error);
      g_assert_no_error (error);
      assert_same_card (read->card, fixture->card);
      g_assert_cmpuint (g_bytes_get_size (read->photo), ==, CAIJI_READER_PHOTO_LENGTH);
    }
  g_assert_cmpuint (fake_reader_get_commands (fixture->fake), ==, 3 * G_N_ELEMENTS (modes));
}

static void
assert_read_fails (Fixture       *fixture,
                   FakeReaderMode mode,
                   int            code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiIdReaderCard) read = NULL;

  fake_reader_set_mode (fixture->fake, mode);
  read = caiji_id_reader_read (fixture->reader, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, CAIJI_READER_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_device_failures (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(CaijiIdReaderCard) read = NULL;
  g_autoptr(GError) error = NULL;

  assert_read_fails (fixture, FAKE_READER_NO_CARD, CAIJI_READER_ERROR_NO_CARD);
  assert_read_fails (fixture, FAKE_READER_TRUNCATED, CAIJI_READER_ERROR_TRUNCATED);
  assert_read_fails (fixture, FAKE_READER_BAD_CHECKSUM, CAIJI_READER_ERROR_CHECKSUM);
  assert_read_fails (fixture, FAKE_READER_SILENT, CAIJI_READER_ERROR_TIMEOUT);
  assert_read_fails (fixture, FAKE_READER_SAM_FAILED, CAIJI_READER_ERROR_STATUS);
  assert_read_fails (fixture, FAKE_READER_UNKNOWN_STATUS, CAIJI_READER_ERROR_STATUS);

  /* After all that the reader is back in step with the device. */
  fake_reader_set_mode (fixture->fake, FAKE_READER_NORMAL);
  read = caiji_id_reader_read (fixture->reader, NULL, &error);
  g_assert_no_error (error);
  assert_same_card (read->card, fixture->card);
}

static void
test_device_refused_card (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(CaijiCardReading) forged = caiji_card_reading_copy (fixture->card);

  forged->birth[2] = forged->birth[2] == '9' ? '8' : '9';
  fake_reader_set_card (fixture->fake, forged);
  assert_read_fails (fixture, FAKE_READER_NORMAL, CAIJI_READER_ERROR_REFUSED);
}

/* Reopening the same path is not tested: another test process may get
 * the freed pseudo-terminal number at once. */
static void
test_device_unplugged (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fake_reader_unplug (fixture->fake);
  g_assert_null (caiji_id_reader_probe (fixture->reader, NULL, &error));
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT);
  g_assert_nonnull (strstr (error->message, fake_reader_get_port (fixture->fake)));
}

static void
test_device_open_errors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (caiji_id_reader_open ("/dev/caiji-no-such-reader", CAIJI_ID_READER_DEFAULT_BAUD, &error));
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT);
  g_clear_error (&error);
  g_assert_null (caiji_id_reader_open ("/dev/null", CAIJI_ID_READER_DEFAULT_BAUD, &error));
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT);
  g_assert_nonnull (strstr (error->message, "/dev/null"));
  g_clear_error (&error);
  g_assert_null (caiji_id_reader_open ("/dev/null", 12345, &error));
  g_assert_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static CaijiIdReaderCard *
read_async_and_wait (CaijiIdReader *reader,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  caiji_id_reader_read_async (reader, cancellable, on_read, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return caiji_id_reader_read_finish (reader, result, error);
}

/* The kiosk's way: on a worker thread, and cancellable while the reader
 * is silent (leaving the page must not wait for the timeout). */
static void
test_device_async (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiIdReaderCard) read = read_async_and_wait (fixture->reader, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CaijiIdReaderCard) none = NULL;

  g_assert_no_error (error);
  assert_same_card (read->card, fixture->card);

  caiji_id_reader_set_timeout (fixture->reader, 60 * 1000);
  fake_reader_set_mode (fixture->fake, FAKE_READER_SILENT);
  g_cancellable_cancel (cancellable);
  none = read_async_and_wait (fixture->reader, cancellable, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-reader/frame/command-bytes", test_frame_command_bytes);
  g_test_add_func ("/id-reader/frame/reply-status", test_frame_reply_status);
  g_test_add_func ("/id-reader/frame/scan-damage", test_frame_scan_damage);
  g_test_add_func ("/id-reader/card/round-trip", test_card_round_trip);
  g_test_add_func ("/id-reader/card/refusals", test_card_refusals);
  g_test_add_func ("/id-reader/card/bad-sizes", test_card_bad_sizes);
  g_test_add_func ("/id-reader/device/open-errors", test_device_open_errors);
  g_test_add ("/id-reader/device/probe", Fixture, GUINT_TO_POINTER (1), fixture_set_up, test_device_probe, fixture_tear_down);
  g_test_add ("/id-reader/device/read", Fixture, GUINT_TO_POINTER (2), fixture_set_up, test_device_read, fixture_tear_down);
  g_test_add ("/id-reader/device/failures", Fixture, GUINT_TO_POINTER (3), fixture_set_up, test_device_failures, fixture_tear_down);
  g_test_add ("/id-reader/device/refused-card", Fixture, GUINT_TO_POINTER (4), fixture_set_up, test_device_refused_card, fixture_tear_down);
  g_test_add ("/id-reader/device/unplugged", Fixture, GUINT_TO_POINTER (5), fixture_set_up, test_device_unplugged, fixture_tear_down);
  g_test_add ("/id-reader/device/async", Fixture, GUINT_TO_POINTER (6), fixture_set_up, test_device_async, fixture_tear_down);
  return g_test_run ();
}
