/* caiji-reader-watch.h: the kiosk's ID card chip reader, polled off the
 * main thread
 *
 * While started, a worker thread asks the reader for a card about three
 * times a second; a card is announced once ("card-read") until it is
 * taken off the reader.  The status says whether the reader is there, for
 * the operator's device page, and follows plug and unplug.  Nothing here
 * ever blocks the main loop: a silent or vanished port only delays the
 * worker, and stopping cancels it at once.
 */
#pragma once

#include <gio/gio.h>

#include "caiji-card-reading.h"

G_BEGIN_DECLS

typedef enum {
  CAIJI_READER_WATCH_UNKNOWN,     /* not asked yet */
  CAIJI_READER_WATCH_CONNECTED,
  CAIJI_READER_WATCH_NOT_FOUND,   /* no such port, or unplugged */
  CAIJI_READER_WATCH_ERROR,       /* there, but failing (described) */
} CaijiReaderWatchStatus;

#define CAIJI_TYPE_READER_WATCH (caiji_reader_watch_get_type ())
G_DECLARE_FINAL_TYPE (CaijiReaderWatch, caiji_reader_watch, CAIJI, READER_WATCH, GObject)

CaijiReaderWatch *caiji_reader_watch_new         (const char       *port);
void              caiji_reader_watch_start       (CaijiReaderWatch *self);
void              caiji_reader_watch_stop        (CaijiReaderWatch *self);
gboolean          caiji_reader_watch_is_polling  (CaijiReaderWatch *self);
void              caiji_reader_watch_check       (CaijiReaderWatch *self);
CaijiReaderWatchStatus caiji_reader_watch_get_status (CaijiReaderWatch *self);
char             *caiji_reader_watch_describe    (CaijiReaderWatch *self);

/* Signals: "card-read" (const CaijiCardReading *), "card-refused" (the
 * message for the candidate), "status-changed". */

/* The kiosk window carries its watch, for the operator window to find. */
void              caiji_reader_watch_attach      (GObject          *window,
                                                  CaijiReaderWatch *self);
CaijiReaderWatch *caiji_reader_watch_from        (GObject          *window);

G_END_DECLS
