/* caiji-id-reader-frame.h: the serial frames of resident ID card readers
 *
 * Readers built around the SAM module (SAM-V) of the Ministry of Public
 * Security all speak one framing over their serial port:
 *
 *   AA AA AA 96 69 | length (2 bytes, big-endian) | body | XOR
 *
 * where length counts the body and the checksum byte, and the checksum is
 * the XOR of the two length bytes and the body.  A command's body is
 * command, parameter and optional data; a reply's body is the three status
 * bytes SW1 SW2 SW3 followed by data.
 *
 * Everything here is pure byte handling (no I/O), so the parser can be fed
 * anything a broken or hostile device sends and be fuzzed on its own.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIJI_READER_ERROR (caiji_reader_error_quark ())

typedef enum {
  CAIJI_READER_ERROR_TRUNCATED,   /* the frame ended early */
  CAIJI_READER_ERROR_MALFORMED,   /* impossible length or layout */
  CAIJI_READER_ERROR_CHECKSUM,    /* the XOR byte does not match */
  CAIJI_READER_ERROR_NO_CARD,     /* no card on the reader */
  CAIJI_READER_ERROR_STATUS,      /* the reader reported a failure */
  CAIJI_READER_ERROR_TIMEOUT,     /* no complete reply in time */
  CAIJI_READER_ERROR_PORT,        /* the serial port failed or vanished */
  CAIJI_READER_ERROR_REFUSED,     /* the card's data breaks the ID rules */
} CaijiReaderError;

#define CAIJI_READER_PREAMBLE_LENGTH 5
/* Preamble and length: what precedes the body. */
#define CAIJI_READER_HEADER_LENGTH   7
/* The longest reply is text + photo + fingerprints (about 2.3 kB); a
 * length beyond this is a corrupt frame, not a big one. */
#define CAIJI_READER_MAX_BODY        4096

/* Commands (command byte, parameter byte). */
#define CAIJI_READER_CMD_SAM_RESET    0x10, 0xFF
#define CAIJI_READER_CMD_SAM_STATUS   0x11, 0xFF
#define CAIJI_READER_CMD_SAM_ID       0x12, 0xFF
#define CAIJI_READER_CMD_FIND_CARD    0x20, 0x01
#define CAIJI_READER_CMD_SELECT_CARD  0x20, 0x02
#define CAIJI_READER_CMD_READ_BASE    0x30, 0x01

/* SW3 values (SW1 SW2 are 00 00 on every reply we act on). */
typedef enum {
  CAIJI_READER_SW_OK            = 0x90,
  CAIJI_READER_SW_CARD_FOUND    = 0x9F,
  CAIJI_READER_SW_NO_CARD       = 0x80,
  CAIJI_READER_SW_SELECT_FAILED = 0x81,
  CAIJI_READER_SW_READ_FAILED   = 0x41,
  CAIJI_READER_SW_BAD_CHECKSUM  = 0x10,
  CAIJI_READER_SW_BAD_LENGTH    = 0x11,
  CAIJI_READER_SW_BAD_COMMAND   = 0x21,
  CAIJI_READER_SW_SAM_FAILED    = 0x60,
} CaijiReaderStatus;

typedef enum {
  CAIJI_READER_SCAN_INCOMPLETE,   /* wait for more bytes */
  CAIJI_READER_SCAN_FRAME,        /* a whole, checksum-valid frame */
  CAIJI_READER_SCAN_ERROR,        /* a corrupt frame; drop *skip bytes */
} CaijiReaderScan;

typedef struct {
  guint8  sw1;
  guint8  sw2;
  guint8  sw3;
  GBytes *data;   /* what follows the status bytes; may be empty */
} CaijiReaderReply;

typedef struct {
  guint8  command;
  guint8  parameter;
  GBytes *data;
} CaijiReaderCommand;

GQuark              caiji_reader_error_quark     (void);

GBytes             *caiji_reader_frame_encode    (const guint8       *body,
                                                  gsize               body_length);
GBytes             *caiji_reader_command_encode  (guint8              command,
                                                  guint8              parameter);
GBytes             *caiji_reader_reply_encode    (guint8              sw3,
                                                  const guint8       *data,
                                                  gsize               data_length);

CaijiReaderScan     caiji_reader_frame_scan      (const guint8       *buffer,
                                                  gsize               length,
                                                  gsize              *skip,
                                                  gsize              *frame_length,
                                                  GError            **error);

CaijiReaderReply   *caiji_reader_reply_parse     (const guint8       *frame,
                                                  gsize               length,
                                                  GError            **error);
gboolean            caiji_reader_reply_check     (const CaijiReaderReply *reply,
                                                  guint8              expected_sw3,
                                                  GError            **error);
void                caiji_reader_reply_free      (CaijiReaderReply   *reply);

CaijiReaderCommand *caiji_reader_command_parse   (const guint8       *frame,
                                                  gsize               length,
                                                  GError            **error);
void                caiji_reader_command_free    (CaijiReaderCommand *command);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiReaderReply, caiji_reader_reply_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiReaderCommand, caiji_reader_command_free)

G_END_DECLS
