/* caiji-sync-payload.h: the record document of PUT /api/v1/records/{uuid}
 *
 * Both ends use this file: the kiosk builds the body from its store, the
 * hub parses and checks it and derives the content digest that decides
 * "same record" versus "conflict".  See docs/sync-protocol.md.
 */
#pragma once

#include <gio/gio.h>

#include "caiji-record.h"
#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_SYNC_ERROR (caiji_sync_error_quark ())

typedef enum {
  CAIJI_SYNC_ERROR_INVALID,     /* a field is missing or breaks a rule */
  CAIJI_SYNC_ERROR_CHECKSUM,    /* an image does not match its sha256 */
  CAIJI_SYNC_ERROR_HUB,         /* the hub could not be reached, refused, or answered nonsense */
} CaijiSyncError;

/* A parsed record document.  Images carry their decoded bytes. */
typedef struct {
  CaijiRecord *record;
  GPtrArray   *images;   /* CaijiStoredImage*, at most one per kind */
} CaijiSyncDocument;

GQuark             caiji_sync_error_quark        (void);

GBytes            *caiji_sync_document_build     (const CaijiRecord *record,
                                                  GPtrArray         *images);
CaijiSyncDocument *caiji_sync_document_parse     (GBytes            *body,
                                                  const char        *path_uuid,
                                                  GError           **error);
char              *caiji_sync_document_canonical (const CaijiSyncDocument *document);
char              *caiji_sync_canonical_diff     (const char        *stored,
                                                  const char        *received);
gboolean           caiji_sync_canonical_extends  (const char        *stored,
                                                  const char        *received);
void               caiji_sync_document_free      (CaijiSyncDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiSyncDocument, caiji_sync_document_free)

G_END_DECLS
