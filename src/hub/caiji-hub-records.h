/* caiji-hub-records.h: storing a kiosk's record exactly once */
#pragma once

#include "caiji-hub-db.h"
#include "caiji-sync-payload.h"

G_BEGIN_DECLS

typedef enum {
  CAIJI_HUB_PUT_CREATED,
  CAIJI_HUB_PUT_UNCHANGED,   /* the same content was already there */
  CAIJI_HUB_PUT_UPDATED,     /* a record sent for review came back decided */
} CaijiHubPutResult;

/* The answer to a successful PUT (docs/sync-protocol.md). */
typedef struct {
  CaijiHubPutResult  result;
  char              *content_sha256;
} CaijiHubStored;

const char *caiji_hub_put_result_to_string (CaijiHubPutResult result);

gboolean caiji_hub_records_put      (CaijiHubDb              *db,
                                     const char              *device_id,
                                     const CaijiSyncDocument *document,
                                     CaijiHubStored          *stored,
                                     GError                 **error);
void     caiji_hub_stored_clear     (CaijiHubStored          *stored);

G_END_DECLS
