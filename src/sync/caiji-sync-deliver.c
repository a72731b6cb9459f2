/* caiji-sync-deliver.c: send one record and write down what came of it
 *
 * The order is what makes delivery exactly-once: the outbox row is closed
 * (record → synced) only after the hub confirmed the record, and the hub
 * treats a repeat of the same content as a no-op.  A crash between the
 * two means one harmless resend.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-sync-deliver.h"
#include "caiji-sync-payload.h"

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
record_outcome (CaijiStore             *store,
                const CaijiBackoff     *backoff,
                GRand                  *rand,
                const CaijiOutboxEntry *entry,
                CaijiRecordStatus       sent_status,
                const CaijiDelivery    *delivery,
                GError                **error)
{
  g_autofree char *detail = NULL;
  gint64 delay;

  switch (delivery->outcome)
    {
    case CAIJI_DELIVERY_CONFIRMED:
      detail = g_strdup_printf ("hub:%s", delivery->result);
      return caiji_store_outbox_mark_delivered (store, entry->record_id, sent_status, "sync", detail, error);
    case CAIJI_DELIVERY_REFUSED:
      return caiji_store_outbox_hold (store, entry->record_id, delivery->message, error);
    case CAIJI_DELIVERY_RETRY:
    case CAIJI_DELIVERY_STOP_ALL:
      delay = delivery->outcome == CAIJI_DELIVERY_STOP_ALL ?
        (gint64) backoff->cap_seconds :
        caiji_backoff_delay (backoff, entry->attempts + 1, delivery->retry_after, rand);
      return caiji_store_outbox_record_failure (store, entry->record_id, delivery->message,
                                                now_seconds () + delay, error);
    case CAIJI_DELIVERY_CANCELLED:
    default:
      return TRUE;
    }
}

/* A record that cannot even be read is a local problem: reschedule it
 * with the reason rather than lose it or stop every other delivery. */
static GBytes *
load_document (CaijiStore             *store,
               const CaijiOutboxEntry *entry,
               GPtrArray             **images,
               CaijiRecordStatus      *status,
               GError                **error)
{
  g_autoptr(CaijiRecord) record = caiji_store_record_load (store, entry->record_id, error);

  if (record == NULL)
    return NULL;
  *status = record->status;
  *images = caiji_store_record_images (store, entry->record_id, error);
  if (*images == NULL)
    return NULL;
  return caiji_sync_document_build (record, *images);
}

gboolean
caiji_sync_deliver (CaijiStore             *store,
                    CaijiSyncClient        *client,
                    const CaijiBackoff     *backoff,
                    GRand                  *rand,
                    const CaijiOutboxEntry *entry,
                    CaijiDeliveryOutcome   *outcome,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  CaijiDelivery delivery = { 0 };
  CaijiRecordStatus sent_status = CAIJI_RECORD_APPROVED;
  gboolean ok;

  body = load_document (store, entry, &images, &sent_status, &local_error);
  if (body == NULL)
    {
      delivery.outcome = CAIJI_DELIVERY_RETRY;
      delivery.retry_after = -1;
      delivery.message = g_strdup_printf (_("The record could not be read for sending: %s"), local_error->message);
    }
  else
    caiji_sync_client_put_record (client, entry->uuid, body, images, &delivery, cancellable);
  *outcome = delivery.outcome;
  ok = record_outcome (store, backoff, rand, entry, sent_status, &delivery, error);
  caiji_delivery_clear (&delivery);
  return ok;
}
