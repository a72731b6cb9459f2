/* caiji-hub-export.c: `caiji-hub export DIR`
 *
 * DIR/records.csv lists the newest approved record of each student, and
 * DIR/photos/<学号>.jpg is that record's ID photo, the form the exam
 * platform imports.  The folder is created private (it holds personal
 * data) and every photo is checked against its sha256 as it is written.
 */
#include "caiji-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "caiji-hub-export.h"

#define CSV_HEADER "学号,姓名,证件号,人脸比对分数,照片,记录号,接收时间\r\n"

enum { COL_STUDENT, COL_NAME, COL_ID_NUMBER, COL_SCORE, COL_UUID, COL_RECEIVED };

static void
append_field (GString    *csv,
              const char *value,
              gboolean    last)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_autofree char *doubled = NULL;
      g_auto(GStrv) parts = g_strsplit (value, "\"", -1);

      doubled = g_strjoinv ("\"\"", parts);
      g_string_append_printf (csv, "\"%s\"", doubled);
    }
  else
    g_string_append (csv, value);
  g_string_append (csv, last ? "\r\n" : ",");
}

static gboolean
make_private_dir (const char *path,
                  GError    **error)
{
  if (g_mkdir_with_parents (path, 0700) == 0)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
               _("Cannot create the folder %s: %s"), path, g_strerror (errno));
  return FALSE;
}

/* The record's ID photo, fetched one at a time so a large export never
 * holds every photo in memory; *file_name is "" when it has none. */
static gboolean
write_photo (CaijiHubDb *db,
             const char *uuid,
             const char *student_no,
             const char *photos_dir,
             char      **file_name,
             GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  size_t size = 0;
  g_autofree guchar *bytes = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *path = NULL;

  *file_name = g_strdup ("");
  result = caiji_hub_db_query (db, "SELECT data, sha256 FROM record_images WHERE record_uuid = $1 AND kind = 'id_photo';",
                               1, (CaijiHubParam[]) { HUB_TEXT (uuid) }, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return TRUE;
  bytes = PQunescapeBytea ((const guchar *) PQgetvalue (result, 0, 0), &size);
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, size);
  if (bytes == NULL || !g_str_equal (actual, PQgetvalue (result, 0, 1)))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_CHECKSUM,
                   _("The ID photo of record %s does not match its sha256; the export stopped."), uuid);
      return FALSE;
    }
  g_free (*file_name);
  *file_name = g_strconcat (student_no, ".jpg", NULL);
  path = g_build_filename (photos_dir, *file_name, NULL);
  return g_file_set_contents_full (path, (const char *) bytes, (gssize) size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
write_rows (CaijiHubDb *db,
            PGresult   *result,
            const char *photos_dir,
            GString    *csv,
            GError    **error)
{
  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autofree char *photo = NULL;

      if (!write_photo (db, PQgetvalue (result, row, COL_UUID), PQgetvalue (result, row, COL_STUDENT),
                        photos_dir, &photo, error))
        return FALSE;
      append_field (csv, PQgetvalue (result, row, COL_STUDENT), FALSE);
      append_field (csv, PQgetvalue (result, row, COL_NAME), FALSE);
      append_field (csv, PQgetvalue (result, row, COL_ID_NUMBER), FALSE);
      append_field (csv, PQgetvalue (result, row, COL_SCORE), FALSE);
      append_field (csv, photo, FALSE);
      append_field (csv, PQgetvalue (result, row, COL_UUID), FALSE);
      append_field (csv, PQgetvalue (result, row, COL_RECEIVED), TRUE);
    }
  return TRUE;
}

gboolean
caiji_hub_export (CaijiHubDb *db,
                  const char *dir,
                  guint      *exported,
                  GError    **error)
{
  g_autofree char *photos_dir = g_build_filename (dir, "photos", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "records.csv", NULL);
  g_autoptr(GString) csv = g_string_new (CSV_HEADER);
  g_autoptr(PGresult) result = NULL;

  *exported = 0;
  if (!make_private_dir (photos_dir, error))
    return FALSE;
  /* Newest approved record per student; the roster supplies the name. */
  result = caiji_hub_db_query (db,
                               "SELECT DISTINCT ON (r.student_no) r.student_no, coalesce (ro.name, ''), r.id_number,"
                               " coalesce (r.content::jsonb ->> 'face_score', ''), r.uuid,"
                               " to_char (r.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                               " FROM records r LEFT JOIN roster ro ON ro.student_no = r.student_no"
                               " WHERE r.status = 'approved'"
                               " ORDER BY r.student_no, r.received_at DESC, r.uuid;", 0, NULL, error);
  if (result == NULL || !write_rows (db, result, photos_dir, csv, error) ||
      !g_file_set_contents_full (csv_path, csv->str, (gssize) csv->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  *exported = (guint) PQntuples (result);
  return TRUE;
}
