/* fuzz-sync-document.c: libFuzzer target for the record document a hub
 * receives in PUT /api/v1/records/{uuid}, from any device on the network,
 * and the Retry-After header a kiosk receives from anything between it
 * and the hub. */
#include "caiji-sync-backoff.h"
#include "caiji-sync-payload.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
fuzz_retry_after (const guint8 *data,
                  size_t        size)
{
  g_autofree char *header = g_strndup ((const char *) data, MIN (size, 64));
  gint64 retry_after = caiji_backoff_parse_retry_after (header, 1700000000);

  g_assert (retry_after >= -1);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) body = g_bytes_new_static (data, size);
  g_autoptr(CaijiSyncDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = caiji_sync_document_parse (body, "3f8a1c52-1d1e-4c3b-9a47-5f0b6a2d9e10", &error);
  g_assert ((document == NULL) == (error != NULL));
  if (document != NULL)
    g_free (caiji_sync_document_canonical (document));
  fuzz_retry_after (data, size);
  return 0;
}
