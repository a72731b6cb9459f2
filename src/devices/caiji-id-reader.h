/* caiji-id-reader.h: a resident ID card reader on a serial port
 *
 * Opens the port raw (115200 8N1 unless told otherwise), sends one command
 * at a time and waits for its reply with a timeout, skipping line noise
 * before a frame.  The calls block for up to the timeout, so the kiosk
 * makes them on worker threads, through the _async variants or its own
 * GTask; one reader serves one thread at a time (calls are serialised).
 */
#pragma once

#include <gio/gio.h>

#include "caiji-card-reading.h"
#include "caiji-id-reader-frame.h"

G_BEGIN_DECLS

#define CAIJI_ID_READER_DEFAULT_BAUD       115200
#define CAIJI_ID_READER_DEFAULT_TIMEOUT_MS 3000

#define CAIJI_TYPE_ID_READER (caiji_id_reader_get_type ())
G_DECLARE_FINAL_TYPE (CaijiIdReader, caiji_id_reader, CAIJI, ID_READER, GObject)

typedef struct {
  CaijiCardReading *card;    /* a front reading with every chip field */
  GBytes           *photo;   /* WLT bytes, not decodable here */
} CaijiIdReaderCard;

CaijiIdReader     *caiji_id_reader_open          (const char        *port,
                                                  guint              baud,
                                                  GError           **error);
void               caiji_id_reader_set_timeout   (CaijiIdReader     *self,
                                                  guint              timeout_ms);
const char        *caiji_id_reader_get_port      (CaijiIdReader     *self);

char              *caiji_id_reader_probe         (CaijiIdReader     *self,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
CaijiIdReaderCard *caiji_id_reader_read          (CaijiIdReader     *self,
                                                  GCancellable      *cancellable,
                                                  GError           **error);

void               caiji_id_reader_read_async    (CaijiIdReader     *self,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
CaijiIdReaderCard *caiji_id_reader_read_finish   (CaijiIdReader     *self,
                                                  GAsyncResult      *result,
                                                  GError           **error);

void               caiji_id_reader_card_free     (CaijiIdReaderCard *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiIdReaderCard, caiji_id_reader_card_free)

G_END_DECLS
