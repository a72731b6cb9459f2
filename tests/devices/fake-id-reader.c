/* fake-id-reader.c: a simulated SAM ID card reader on a pseudo-terminal
 *
 * The test talks to the slave side exactly as the kiosk talks to
 * /dev/ttyUSB0; this thread plays the device on the master side.
 */
#define _GNU_SOURCE
#include "fake-id-reader.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "caiji-id-reader-card.h"
#include "caiji-id-reader-frame.h"
#include "card-synth-identity.h"

struct _FakeReader {
  int               master;
  int               slave;    /* held open so the pty lives between clients */
  char             *port;
  GThread          *thread;
  GMutex            lock;
  gboolean          stop;
  FakeReaderMode    mode;
  CaijiCardReading *card;
  guint             commands;
  GByteArray       *received;
};

static const guint8 sam_id[16] = { 0x05, 0x00, 0x01, 0x00, 0x4e, 0x61, 0xbc, 0x00,
                                   0x15, 0xcd, 0x5b, 0x07, 0xb1, 0x68, 0xde, 0x3a };

static void
write_slowly (int           fd,
              const guint8 *bytes,
              gsize         length,
              gsize         piece)
{
  for (gsize done = 0; done < length;)
    {
      ssize_t n = write (fd, bytes + done, MIN (piece, length - done));

      if (n < 0 && errno == EAGAIN)
        {
          g_usleep (1000);
          continue;
        }
      if (n <= 0)
        return;
      done += (gsize) n;
      if (piece < length)
        g_usleep (2000);
    }
}

static GBytes *
read_reply (FakeReader *self)
{
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GBytes) payload = NULL;
  guint8 wlt[CAIJI_READER_PHOTO_LENGTH];

  /* Not a real WLT image: the kiosk only counts these bytes. */
  for (gsize i = 0; i < sizeof wlt; i++)
    wlt[i] = (guint8) (i * 7 + 0x57);
  photo = g_bytes_new (wlt, sizeof wlt);
  payload = caiji_reader_card_encode (self->card, photo);
  return caiji_reader_reply_encode (CAIJI_READER_SW_OK, g_bytes_get_data (payload, NULL),
                                    g_bytes_get_size (payload));
}

/* The reply a well-behaved reader gives to @command. */
static GBytes *
answer (FakeReader               *self,
        const CaijiReaderCommand *command)
{
  guint16 code = (guint16) (command->command << 8 | command->parameter);

  if (self->mode == FAKE_READER_SAM_FAILED)
    return caiji_reader_reply_encode (CAIJI_READER_SW_SAM_FAILED, NULL, 0);
  if (self->mode == FAKE_READER_UNKNOWN_STATUS)
    return caiji_reader_reply_encode (0x77, NULL, 0);
  switch (code)
    {
    case 0x11FF:
      return caiji_reader_reply_encode (CAIJI_READER_SW_OK, NULL, 0);
    case 0x12FF:
      return caiji_reader_reply_encode (CAIJI_READER_SW_OK, sam_id, sizeof sam_id);
    case 0x2001:
      return caiji_reader_reply_encode (self->mode == FAKE_READER_NO_CARD || self->card == NULL
                                        ? CAIJI_READER_SW_NO_CARD : CAIJI_READER_SW_CARD_FOUND,
                                        (const guint8 *) "\0\0\0\0", 4);
    case 0x2002:
      return caiji_reader_reply_encode (CAIJI_READER_SW_OK, (const guint8 *) "\0\0\0\0\0\0\0\0", 8);
    case 0x3001:
      return read_reply (self);
    default:
      return caiji_reader_reply_encode (CAIJI_READER_SW_BAD_COMMAND, NULL, 0);
    }
}

/* Sends @reply spoilt as the mode asks. */
static void
send_reply (FakeReader *self,
            GBytes     *reply,
            gboolean    is_read)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (reply, &length);
  g_autofree guint8 *copy = g_memdup2 (bytes, length);
  static const guint8 noise[] = { 0x00, 0xFF, 0xAA, 0xAA, 0x13, 0x96, 0x69, 0xAA, 0x42 };

  switch (self->mode)
    {
    case FAKE_READER_SILENT:
      return;
    case FAKE_READER_TRUNCATED:
      if (is_read)
        length /= 2;
      break;
    case FAKE_READER_BAD_CHECKSUM:
      if (is_read)
        copy[length - 1] ^= 0x5A;
      break;
    case FAKE_READER_GARBAGE_FIRST:
      write_slowly (self->master, noise, sizeof noise, sizeof noise);
      break;
    case FAKE_READER_SLOW:
      write_slowly (self->master, copy, length, 97);
      return;
    case FAKE_READER_NORMAL:
    case FAKE_READER_NO_CARD:
    case FAKE_READER_SAM_FAILED:
    case FAKE_READER_UNKNOWN_STATUS:
    default:
      break;
    }
  write_slowly (self->master, copy, length, length);
}

static void
serve_commands (FakeReader *self)
{
  for (;;)
    {
      gsize skip, frame_length;
      g_autoptr(CaijiReaderCommand) command = NULL;
      g_autoptr(GBytes) reply = NULL;
      CaijiReaderScan scan = caiji_reader_frame_scan (self->received->data, self->received->len,
                                                      &skip, &frame_length, NULL);

      if (scan == CAIJI_READER_SCAN_FRAME)
        command = caiji_reader_command_parse (self->received->data + skip, frame_length, NULL);
      g_byte_array_remove_range (self->received, 0, (guint) (skip + frame_length));
      if (scan == CAIJI_READER_SCAN_INCOMPLETE)
        return;
      if (command == NULL)
        continue;
      g_mutex_lock (&self->lock);
      self->commands++;
      reply = answer (self, command);
      send_reply (self, reply, command->command == 0x30);
      g_mutex_unlock (&self->lock);
    }
}

static gpointer
run (gpointer data)
{
  FakeReader *self = data;

  while (!g_atomic_int_get (&self->stop))
    {
      struct pollfd pfd = { .fd = self->master, .events = POLLIN };
      guint8 chunk[256];
      ssize_t n;

      if (poll (&pfd, 1, 20) <= 0)
        continue;
      n = read (self->master, chunk, sizeof chunk);
      if (n <= 0)
        continue;
      g_byte_array_append (self->received, chunk, (guint) n);
      serve_commands (self);
    }
  return NULL;
}

static void
make_raw (int fd)
{
  struct termios tio;

  g_assert_cmpint (tcgetattr (fd, &tio), ==, 0);
  cfmakeraw (&tio);
  g_assert_cmpint (tcsetattr (fd, TCSANOW, &tio), ==, 0);
}

FakeReader *
fake_reader_new (void)
{
  FakeReader *self = g_new0 (FakeReader, 1);
  char name[128];

  self->master = posix_openpt (O_RDWR | O_NOCTTY | O_CLOEXEC);
  g_assert_cmpint (self->master, >=, 0);
  g_assert_cmpint (grantpt (self->master), ==, 0);
  g_assert_cmpint (unlockpt (self->master), ==, 0);
  g_assert_cmpint (ptsname_r (self->master, name, sizeof name), ==, 0);
  g_assert_cmpint (fcntl (self->master, F_SETFL, O_NONBLOCK), ==, 0);
  self->port = g_strdup (name);
  self->slave = open (name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  g_assert_cmpint (self->slave, >=, 0);
  make_raw (self->slave);
  g_mutex_init (&self->lock);
  self->received = g_byte_array_new ();
  self->thread = g_thread_new ("fake-id-reader", run, self);
  return self;
}

const char *
fake_reader_get_port (FakeReader *self)
{
  return self->port;
}

void
fake_reader_set_mode (FakeReader     *self,
                      FakeReaderMode  mode)
{
  g_mutex_lock (&self->lock);
  self->mode = mode;
  g_mutex_unlock (&self->lock);
}

void
fake_reader_set_card (FakeReader             *self,
                      const CaijiCardReading *card)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->card, caiji_card_reading_free);
  self->card = card != NULL ? caiji_card_reading_copy (card) : NULL;
  g_mutex_unlock (&self->lock);
}

guint
fake_reader_get_commands (FakeReader *self)
{
  guint commands;

  g_mutex_lock (&self->lock);
  commands = self->commands;
  g_mutex_unlock (&self->lock);
  return commands;
}

static void
stop_thread (FakeReader *self)
{
  if (self->thread == NULL)
    return;
  g_atomic_int_set (&self->stop, TRUE);
  g_thread_join (self->thread);
  self->thread = NULL;
}

/* As if the USB cable were pulled: the port's other end goes away. */
void
fake_reader_unplug (FakeReader *self)
{
  stop_thread (self);
  if (self->master >= 0)
    close (self->master);
  if (self->slave >= 0)
    close (self->slave);
  self->master = self->slave = -1;
}

void
fake_reader_free (FakeReader *self)
{
  fake_reader_unplug (self);
  g_mutex_clear (&self->lock);
  g_byte_array_unref (self->received);
  caiji_card_reading_free (self->card);
  g_free (self->port);
  g_free (self);
}

CaijiCardReading *
fake_reader_identity (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(CaijiCardReading) front = NULL;
  g_autoptr(CaijiCardReading) back = NULL;

  card_synth_identity_new (rand, &front, &back);
  front->authority = g_steal_pointer (&back->authority);
  front->valid_from = g_steal_pointer (&back->valid_from);
  front->valid_to = g_steal_pointer (&back->valid_to);
  return g_steal_pointer (&front);
}
