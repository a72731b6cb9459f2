/* caiji-hub-records.c: PUT /api/v1/records/{uuid} against PostgreSQL
 *
 * INSERT … ON CONFLICT DO NOTHING on the uuid primary key decides, inside
 * one transaction, between "new", "same again" and "conflict"; two kiosks
 * (or two retries) racing on one uuid are serialised by the key itself.
 * The images' CHECK re-hashes the bytes, so the table can never hold an
 * image that does not match its sha256.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-hub-records.h"

const char *
caiji_hub_put_result_to_string (CaijiHubPutResult result)
{
  static const char *const names[] = { "created", "unchanged", "updated" };

  return names[result];
}

void
caiji_hub_stored_clear (CaijiHubStored *stored)
{
  g_clear_pointer (&stored->content_sha256, g_free);
}

static gboolean
insert_images (CaijiHubDb              *db,
               const CaijiSyncDocument *document,
               GError                 **error)
{
  for (guint i = 0; i < document->images->len; i++)
    {
      const CaijiStoredImage *image = document->images->pdata[i];
      gsize size;
      gconstpointer data = g_bytes_get_data (image->data, &size);
      g_autoptr(PGresult) result = NULL;

      result = caiji_hub_db_query (db, "INSERT INTO record_images (record_uuid, kind, sha256, data)"
                                   " VALUES ($1, $2, $3, $4);", 4,
                                   (CaijiHubParam[]) { HUB_TEXT (document->record->uuid),
                                                       HUB_TEXT (caiji_image_kind_to_string (image->kind)),
                                                       HUB_TEXT (image->sha256),
                                                       HUB_BINARY (data, size) }, error);
      if (result == NULL)
        return FALSE;
    }
  return TRUE;
}

/* TRUE with *inserted FALSE: the uuid was already there. */
static gboolean
insert_record (CaijiHubDb              *db,
               const char              *device_id,
               const CaijiSyncDocument *document,
               const char              *canonical,
               const char              *digest,
               gboolean                *inserted,
               GError                 **error)
{
  const CaijiRecord *record = document->record;
  g_autoptr(PGresult) result = NULL;

  result = caiji_hub_db_query (db, "INSERT INTO records (uuid, device_id, student_no, id_number, status,"
                               " content, content_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                               " ON CONFLICT (uuid) DO NOTHING RETURNING uuid;", 7,
                               (CaijiHubParam[]) { HUB_TEXT (record->uuid), HUB_TEXT (device_id),
                                                   HUB_TEXT (record->student_no), HUB_TEXT (record->id_number),
                                                   HUB_TEXT (caiji_record_status_to_string (record->status)),
                                                   HUB_TEXT (canonical), HUB_TEXT (digest) }, error);
  if (result == NULL)
    return FALSE;
  *inserted = PQntuples (result) == 1;
  return TRUE;
}

static gboolean
update_reviewed (CaijiHubDb              *db,
                 const CaijiSyncDocument *document,
                 const char              *canonical,
                 const char              *digest,
                 GError                 **error)
{
  g_autoptr(PGresult) result = NULL;

  result = caiji_hub_db_query (db, "UPDATE records SET status = $2, content = $3, content_sha256 = $4"
                               " WHERE uuid = $1 AND status = 'pending_review';", 4,
                               (CaijiHubParam[]) { HUB_TEXT (document->record->uuid),
                                                   HUB_TEXT (caiji_record_status_to_string (document->record->status)),
                                                   HUB_TEXT (canonical), HUB_TEXT (digest) }, error);
  return result != NULL;
}

/* Same digest: a repeat, nothing to do.  A record sent for review that
 * has since been decided: the newer state replaces it.  Otherwise say
 * which fields differ, so the administrator knows what to look at.  The
 * row is locked, so two uploads of one uuid cannot both update it. */
static gboolean
compare_with_stored (CaijiHubDb              *db,
                     const CaijiSyncDocument *document,
                     const char              *canonical,
                     CaijiHubStored          *stored,
                     GError                 **error)
{
  const char *uuid = document->record->uuid;
  const char *digest = stored->content_sha256;
  g_autoptr(PGresult) result = NULL;
  g_autofree char *differs = NULL;

  result = caiji_hub_db_query (db, "SELECT content, content_sha256, status FROM records WHERE uuid = $1 FOR UPDATE;",
                               1, (CaijiHubParam[]) { HUB_TEXT (uuid) }, error);
  if (result == NULL)
    return FALSE;
  stored->result = CAIJI_HUB_PUT_UNCHANGED;
  if (PQntuples (result) == 1 && g_str_equal (PQgetvalue (result, 0, 1), digest))
    return TRUE;
  stored->result = CAIJI_HUB_PUT_UPDATED;
  if (PQntuples (result) == 1 && g_str_equal (PQgetvalue (result, 0, 2), "pending_review") &&
      caiji_sync_canonical_extends (PQgetvalue (result, 0, 0), canonical))
    return update_reviewed (db, document, canonical, digest, error);
  differs = PQntuples (result) == 1 ? caiji_sync_canonical_diff (PQgetvalue (result, 0, 0), canonical)
                                    : g_strdup ("?");
  g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_CONFLICT,
               _("Record %s is already on the hub with different content (differs in: %s). "
                 "The hub kept its copy; ask the hub administrator which one is right."),
               uuid, differs);
  return FALSE;
}

static gboolean
put_in_transaction (CaijiHubDb              *db,
                    const char              *device_id,
                    const CaijiSyncDocument *document,
                    const char              *canonical,
                    CaijiHubStored          *stored,
                    GError                 **error)
{
  gboolean inserted = FALSE;

  if (!insert_record (db, device_id, document, canonical, stored->content_sha256, &inserted, error))
    return FALSE;
  stored->result = CAIJI_HUB_PUT_CREATED;
  if (inserted)
    return insert_images (db, document, error);
  return compare_with_stored (db, document, canonical, stored, error);
}

gboolean
caiji_hub_records_put (CaijiHubDb              *db,
                       const char              *device_id,
                       const CaijiSyncDocument *document,
                       CaijiHubStored          *stored,
                       GError                 **error)
{
  g_autofree char *canonical = caiji_sync_document_canonical (document);

  memset (stored, 0, sizeof *stored);
  stored->content_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  if (!caiji_hub_db_exec (db, "BEGIN;", error))
    return FALSE;
  if (!put_in_transaction (db, device_id, document, canonical, stored, error) ||
      !caiji_hub_db_exec (db, "COMMIT;", error))
    {
      caiji_hub_db_rollback (db);
      caiji_hub_stored_clear (stored);
      return FALSE;
    }
  return TRUE;
}
