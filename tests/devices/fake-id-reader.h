/* fake-id-reader.h: a simulated SAM ID card reader on a pseudo-terminal
 *
 * Answers the reader protocol from a thread of its own, like a USB reader
 * would, with a card the test chooses, and misbehaves on request.
 */
#pragma once

#include <glib.h>

#include "caiji-card-reading.h"

G_BEGIN_DECLS

typedef enum {
  FAKE_READER_NORMAL,          /* answers correctly */
  FAKE_READER_NO_CARD,         /* find card: 00 00 80 */
  FAKE_READER_TRUNCATED,       /* the read reply stops half way */
  FAKE_READER_BAD_CHECKSUM,    /* the read reply's XOR byte is wrong */
  FAKE_READER_SILENT,          /* never answers */
  FAKE_READER_GARBAGE_FIRST,   /* line noise before every reply */
  FAKE_READER_SLOW,            /* replies trickle out in small pieces */
  FAKE_READER_SAM_FAILED,      /* every command: 00 00 60 */
  FAKE_READER_UNKNOWN_STATUS,  /* every command: 00 00 77 */
} FakeReaderMode;

typedef struct _FakeReader FakeReader;

FakeReader *fake_reader_new          (void);
const char *fake_reader_get_port     (FakeReader             *reader);
void        fake_reader_set_mode     (FakeReader             *reader,
                                      FakeReaderMode          mode);
void        fake_reader_set_card     (FakeReader             *reader,
                                      const CaijiCardReading *card);
guint       fake_reader_get_commands (FakeReader             *reader);
void        fake_reader_unplug       (FakeReader             *reader);
void        fake_reader_free         (FakeReader             *reader);

/* A random, valid identity with both sides' fields in one reading. */
CaijiCardReading *fake_reader_identity (guint32 seed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeReader, fake_reader_free)

G_END_DECLS
