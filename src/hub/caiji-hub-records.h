/* caiji-hub-records.h: storing a kiosk's record exactly once */
#pragma once

#include "caiji-hub-db.h"
#include "caiji-sync-payload.h"

G_BEGIN_DECLS

/* The answer to a successful PUT (docs/sync-protocol.md). */
typedef struct {
  gboolean  created;          /* FALSE: the same content was already there */
  char     *content_sha256;
} CaijiHubStored;

gboolean caiji_hub_records_put      (CaijiHubDb              *db,
                                     const char              *device_id,
                                     const CaijiSyncDocument *document,
                                     CaijiHubStored          *stored,
                                     GError                 **error);
void     caiji_hub_stored_clear     (CaijiHubStored          *stored);

G_END_DECLS
