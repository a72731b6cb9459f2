/* caiji-id-reader.c: talking to a SAM ID card reader over a serial port
 *
 * One request, one reply: the input queue is flushed before each command,
 * so a late reply to an earlier, timed-out command is never taken for the
 * answer to this one.  Bytes before a preamble are skipped; a reply that
 * stops mid-frame is reported as truncated, silence as a timeout, and a
 * port that vanishes (USB unplugged) as a port error, all within the
 * timeout.
 */
#include "caiji-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "caiji-id-reader-card.h"
#include "caiji-id-reader.h"

struct _CaijiIdReader {
  GObject     parent_instance;
  char       *port;
  int         fd;
  guint       timeout_ms;
  GMutex      lock;      /* one command/reply exchange at a time */
  GByteArray *pending;   /* received, not yet part of a reply */
};

G_DEFINE_FINAL_TYPE (CaijiIdReader, caiji_id_reader, G_TYPE_OBJECT)

static void
caiji_id_reader_finalize (GObject *object)
{
  CaijiIdReader *self = CAIJI_ID_READER (object);

  if (self->fd >= 0)
    close (self->fd);
  g_free (self->port);
  g_byte_array_unref (self->pending);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (caiji_id_reader_parent_class)->finalize (object);
}

static void
caiji_id_reader_class_init (CaijiIdReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caiji_id_reader_finalize;
}

static void
caiji_id_reader_init (CaijiIdReader *self)
{
  self->fd = -1;
  self->timeout_ms = CAIJI_ID_READER_DEFAULT_TIMEOUT_MS;
  self->pending = g_byte_array_new ();
  g_mutex_init (&self->lock);
}

static gboolean
port_error (GError    **error,
            const char *port,
            int         saved_errno)
{
  g_set_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT,
               _("The ID card reader at %s is not available (%s). Please check that it is plugged in."),
               port, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
baud_to_speed (guint    baud,
               speed_t *speed)
{
  static const struct { guint baud; speed_t speed; } speeds[] = {
    { 9600, B9600 }, { 19200, B19200 }, { 38400, B38400 },
    { 57600, B57600 }, { 115200, B115200 }, { 230400, B230400 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (speeds); i++)
    if (speeds[i].baud == baud)
      {
        *speed = speeds[i].speed;
        return TRUE;
      }
  return FALSE;
}

/* Raw 8N1 without flow control: the readers use neither RTS/CTS nor
 * XON/XOFF, and 0x11/0x13 occur in frames. */
static gboolean
configure_port (int         fd,
                speed_t     speed,
                const char *port,
                GError    **error)
{
  struct termios tio;

  if (tcgetattr (fd, &tio) != 0)
    {
      g_set_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT,
                   _("%s is not a serial port, so no ID card reader can be on it."), port);
      return FALSE;
    }
  cfmakeraw (&tio);
  tio.c_cflag &= ~(tcflag_t) (CSTOPB | PARENB | CRTSCTS);
  tio.c_cflag |= CLOCAL | CREAD | CS8;
  tio.c_iflag &= ~(tcflag_t) (IXON | IXOFF | IXANY);
  /* With O_NONBLOCK this makes an empty port answer EAGAIN, not 0. */
  tio.c_cc[VMIN] = 1;
  tio.c_cc[VTIME] = 0;
  if (cfsetispeed (&tio, speed) != 0 || cfsetospeed (&tio, speed) != 0 ||
      tcsetattr (fd, TCSANOW, &tio) != 0)
    return port_error (error, port, errno);
  return TRUE;
}

CaijiIdReader *
caiji_id_reader_open (const char *port,
                      guint       baud,
                      GError    **error)
{
  g_autoptr(CaijiIdReader) self = NULL;
  speed_t speed;

  g_return_val_if_fail (port != NULL, NULL);

  if (!baud_to_speed (baud, &speed))
    {
      g_set_error (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_PORT,
                   _("%u baud is not a speed ID card readers use."), baud);
      return NULL;
    }
  self = g_object_new (CAIJI_TYPE_ID_READER, NULL);
  self->port = g_strdup (port);
  self->fd = open (port, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (self->fd < 0)
    return port_error (error, port, errno), NULL;
  if (!configure_port (self->fd, speed, port, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
caiji_id_reader_set_timeout (CaijiIdReader *self,
                             guint          timeout_ms)
{
  g_return_if_fail (CAIJI_IS_ID_READER (self));
  self->timeout_ms = timeout_ms;
}

const char *
caiji_id_reader_get_port (CaijiIdReader *self)
{
  g_return_val_if_fail (CAIJI_IS_ID_READER (self), NULL);
  return self->port;
}

/* Waits until the port is ready for @events, the deadline passes (FALSE
 * without error) or the call is cancelled or the port fails (FALSE with
 * error). */
static gboolean
wait_port (CaijiIdReader *self,
           short          events,
           gint64         deadline,
           GCancellable  *cancellable,
           gboolean      *timed_out,
           GError       **error)
{
  struct pollfd fds[2] = { { .fd = self->fd, .events = events } };
  GPollFD cancel_fd;
  nfds_t n = 1;
  gint64 remaining_ms = (deadline - g_get_monotonic_time () + 999) / 1000;
  int ready;

  *timed_out = FALSE;
  if (g_cancellable_make_pollfd (cancellable, &cancel_fd))
    fds[n++] = (struct pollfd) { .fd = cancel_fd.fd, .events = POLLIN };
  do
    ready = poll (fds, n, (int) CLAMP (remaining_ms, 0, G_MAXINT));
  while (ready < 0 && errno == EINTR);
  if (n > 1)
    g_cancellable_release_fd (cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (ready < 0)
    return port_error (error, self->port, errno);
  if (ready == 0)
    {
      *timed_out = TRUE;
      return FALSE;
    }
  if ((fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0 && (fds[0].revents & POLLIN) == 0)
    return port_error (error, self->port, EIO);
  return TRUE;
}

static gboolean
write_all (CaijiIdReader *self,
           GBytes        *frame,
           gint64         deadline,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (frame, &length);
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = write (self->fd, bytes + done, length - done);
      gboolean timed_out;

      if (n > 0)
        {
          done += (gsize) n;
          continue;
        }
      if (n < 0 && errno != EAGAIN && errno != EINTR)
        return port_error (error, self->port, errno);
      if (!wait_port (self, POLLOUT, deadline, cancellable, &timed_out, error))
        {
          if (timed_out)
            g_set_error_literal (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_TIMEOUT,
                                 _("The ID card reader does not accept commands. Please check its cable."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Appends what the port has; FALSE with an error when it is gone. */
static gboolean
read_available (CaijiIdReader *self,
                GError       **error)
{
  guint8 chunk[512];

  for (;;)
    {
      ssize_t n = read (self->fd, chunk, sizeof chunk);

      if (n > 0)
        g_byte_array_append (self->pending, chunk, (guint) n);
      else if (n < 0 && errno == EINTR)
        continue;
      else if (n == 0 || errno == EAGAIN)
        return TRUE;   /* a tty's 0 is "nothing now"; a gone port says EIO */
      else
        return port_error (error, self->port, errno);
    }
}

static gboolean
timeout_error (CaijiIdReader *self,
               GError       **error)
{
  /* Garbage is dropped as it arrives, so what is left is a frame's start. */
  if (self->pending->len > 0)
    g_set_error_literal (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_TRUNCATED,
                         _("The ID card reader’s reply ended early."));
  else
    g_set_error_literal (error, CAIJI_READER_ERROR, CAIJI_READER_ERROR_TIMEOUT,
                         _("The ID card reader does not answer. Please check that it is plugged in."));
  return FALSE;
}

static CaijiReaderReply *
receive_reply (CaijiIdReader *self,
               gint64         deadline,
               GCancellable  *cancellable,
               GError       **error)
{
  for (;;)
    {
      gsize skip, frame_length;
      gboolean timed_out;
      CaijiReaderScan scan = caiji_reader_frame_scan (self->pending->data, self->pending->len,
                                                      &skip, &frame_length, error);
      CaijiReaderReply *reply = NULL;

      if (scan == CAIJI_READER_SCAN_FRAME)
        reply = caiji_reader_reply_parse (self->pending->data + skip, frame_length, error);
      g_byte_array_remove_range (self->pending, 0, (guint) (skip + frame_length));
      if (scan != CAIJI_READER_SCAN_INCOMPLETE)
        return reply;

      if (!wait_port (self, POLLIN, deadline, cancellable, &timed_out, error))
        return timed_out ? (timeout_error (self, error), NULL) : NULL;
      if (!read_available (self, error))
        return NULL;
    }
}

static CaijiReaderReply *
transact (CaijiIdReader *self,
          guint8         command,
          guint8         parameter,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GBytes) frame = caiji_reader_command_encode (command, parameter);
  gint64 deadline = g_get_monotonic_time () + (gint64) self->timeout_ms * 1000;

  /* A cancelled read sends nothing more: the kiosk left the page. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  tcflush (self->fd, TCIFLUSH);
  g_byte_array_set_size (self->pending, 0);
  if (!write_all (self, frame, deadline, cancellable, error))
    return NULL;
  return receive_reply (self, deadline, cancellable, error);
}

static CaijiReaderReply *
transact_expect (CaijiIdReader *self,
                 guint8         command,
                 guint8         parameter,
                 guint8         expected_sw3,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(CaijiReaderReply) reply = transact (self, command, parameter, cancellable, error);

  if (reply == NULL || !caiji_reader_reply_check (reply, expected_sw3, error))
    return NULL;
  return g_steal_pointer (&reply);
}

static guint32
le32 (const guint8 *bytes)
{
  return (guint32) bytes[0] | ((guint32) bytes[1] << 8) | ((guint32) bytes[2] << 16) | ((guint32) bytes[3] << 24);
}

/* The SAM module's serial number as readers print it on their label. */
static char *
format_sam_id (GBytes *data)
{
  gsize length;
  const guint8 *b = g_bytes_get_data (data, &length);

  if (length != 16)
    return g_strdup ("?");
  return g_strdup_printf ("%02u.%02u-%08u-%010u-%010u",
                          (guint) (b[0] | (b[1] << 8)), (guint) (b[2] | (b[3] << 8)),
                          le32 (b + 4), le32 (b + 8), le32 (b + 12));
}

/* Checks the SAM module and returns its id. */
char *
caiji_id_reader_probe (CaijiIdReader *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(CaijiReaderReply) status = NULL;
  g_autoptr(CaijiReaderReply) sam_id = NULL;

  status = transact_expect (self, CAIJI_READER_CMD_SAM_STATUS, CAIJI_READER_SW_OK, cancellable, error);
  if (status == NULL)
    return NULL;
  sam_id = transact_expect (self, CAIJI_READER_CMD_SAM_ID, CAIJI_READER_SW_OK, cancellable, error);
  if (sam_id == NULL)
    return NULL;
  return format_sam_id (sam_id->data);
}

/* Find, select, read: CAIJI_READER_ERROR_NO_CARD when nothing lies on
 * the reader, which a poller simply tries again. */
CaijiIdReaderCard *
caiji_id_reader_read (CaijiIdReader *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(CaijiReaderReply) found = NULL;
  g_autoptr(CaijiReaderReply) selected = NULL;
  g_autoptr(CaijiReaderReply) content = NULL;
  g_autoptr(CaijiIdReaderCard) card = g_new0 (CaijiIdReaderCard, 1);

  found = transact_expect (self, CAIJI_READER_CMD_FIND_CARD, CAIJI_READER_SW_CARD_FOUND, cancellable, error);
  if (found == NULL)
    return NULL;
  selected = transact_expect (self, CAIJI_READER_CMD_SELECT_CARD, CAIJI_READER_SW_OK, cancellable, error);
  if (selected == NULL)
    return NULL;
  content = transact_expect (self, CAIJI_READER_CMD_READ_BASE, CAIJI_READER_SW_OK, cancellable, error);
  if (content == NULL)
    return NULL;
  card->card = caiji_reader_card_parse (content->data, &card->photo, error);
  if (card->card == NULL)
    return NULL;
  return g_steal_pointer (&card);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  CaijiIdReaderCard *card = caiji_id_reader_read (source, cancellable, &error);

  if (card != NULL)
    g_task_return_pointer (task, card, (GDestroyNotify) caiji_id_reader_card_free);
  else
    g_task_return_error (task, error);
}

void
caiji_id_reader_read_async (CaijiIdReader      *self,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, caiji_id_reader_read_async);
  g_task_run_in_thread (task, read_in_thread);
}

CaijiIdReaderCard *
caiji_id_reader_read_finish (CaijiIdReader *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
caiji_id_reader_card_free (CaijiIdReaderCard *card)
{
  if (card == NULL)
    return;
  caiji_card_reading_free (card->card);
  g_clear_pointer (&card->photo, g_bytes_unref);
  g_free (card);
}
