/* caiji-hub-review.c: records sent for central review, and the decision
 * on each, which kiosks fetch from GET /api/v1/decisions
 *
 * One decision per record (a UNIQUE key): a kiosk applies it once, and a
 * second reviewer cannot silently overrule the first.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "caiji-hub-feeds.h"
#include "caiji-hub-review.h"
#include "caiji-record.h"

/* Lines "uuid<TAB>学号<TAB>received", oldest first: what still waits. */
GPtrArray *
caiji_hub_review_list (CaijiHubDb *db,
                       GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *lines;

  result = caiji_hub_db_query (db,
                               "SELECT r.uuid, r.student_no, to_char (r.received_at, 'YYYY-MM-DD HH24:MI:SSOF')"
                               " FROM records r LEFT JOIN decisions d ON d.record_uuid = r.uuid"
                               " WHERE r.status = 'pending_review' AND d.seq IS NULL"
                               " ORDER BY r.received_at, r.uuid;", 0, NULL, error);
  if (result == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func (g_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%s", PQgetvalue (result, row, 0),
                                             PQgetvalue (result, row, 1), PQgetvalue (result, row, 2)));
  return lines;
}

static gboolean
check_decision (const char *uuid,
                const char *decision,
                const char *reason,
                const char *reviewer,
                GError    **error)
{
  const char *problem = NULL;

  if (!g_uuid_string_is_valid (uuid))
    problem = _("the record identifier is not a UUID");
  else if (g_strcmp0 (decision, "approved") != 0 && g_strcmp0 (decision, "rejected") != 0)
    problem = _("the decision must be “approved” or “rejected”");
  else if (g_str_equal (decision, "rejected") && (reason == NULL || *reason == '\0'))
    problem = _("a rejection needs a reason the candidate can read");
  else if (reason != NULL && (!g_utf8_validate (reason, -1, NULL) ||
                              g_utf8_strlen (reason, -1) > CAIJI_HUB_REVIEW_REASON_MAX_CHARS))
    problem = _("the reason is longer than 200 characters");
  else if (reviewer == NULL || *reviewer == '\0')
    problem = _("the reviewer must be named");
  if (problem == NULL)
    return TRUE;
  g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID, _("No decision was recorded: %s."), problem);
  return FALSE;
}

gboolean
caiji_hub_review_decide (CaijiHubDb *db,
                         const char *uuid,
                         const char *decision,
                         const char *reason,
                         const char *reviewer,
                         GError    **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!check_decision (uuid, decision, reason, reviewer, error))
    return FALSE;
  result = caiji_hub_db_query (db,
                               "INSERT INTO decisions (record_uuid, decision, reason, reviewer)"
                               " SELECT uuid, $2, NULLIF ($3, ''), $4 FROM records WHERE uuid = $1 AND status = 'pending_review'"
                               " ON CONFLICT (record_uuid) DO NOTHING;", 4,
                               (CaijiHubParam[]) { HUB_TEXT (uuid), HUB_TEXT (decision), HUB_TEXT (reason),
                                                   HUB_TEXT (reviewer) }, error);
  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_NOT_FOUND,
                   _("Record %s is not waiting for central review, or was already decided."), uuid);
      return FALSE;
    }
  return TRUE;
}

/* The review page's list */

/* The stored record content is JSON the hub itself wrote; it goes to the
 * page as it is, for the scores, card reading and history. */
static void
add_content (JsonBuilder *builder,
             const char  *content)
{
  g_autoptr(JsonNode) node = json_from_string (content, NULL);

  json_builder_set_member_name (builder, "record");
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static void
add_images (JsonBuilder *builder,
            const char  *kinds)
{
  g_auto(GStrv) names = g_strsplit (kinds, ",", -1);

  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      json_builder_add_string_value (builder, names[i]);
  json_builder_end_array (builder);
}

static void
add_pending_record (JsonBuilder *builder,
                    PGresult    *result,
                    int          row)
{
  static const char *const roster_names[] = { "name", "id_number", "university", "major", "grade" };

  json_builder_begin_object (builder);
  caiji_hub_json_add_column (builder, "uuid", result, row, 0);
  caiji_hub_json_add_column (builder, "student_no", result, row, 1);
  caiji_hub_json_add_column (builder, "received_at", result, row, 2);
  caiji_hub_json_add_column (builder, "device", result, row, 3);
  add_content (builder, PQgetvalue (result, row, 4));
  json_builder_set_member_name (builder, "roster");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (roster_names); i++)
    caiji_hub_json_add_column (builder, roster_names[i], result, row, 5 + (int) i);
  json_builder_end_object (builder);
  add_images (builder, PQgetvalue (result, row, 10));
  json_builder_end_object (builder);
}

/* {"records": [...]}: what waits for a decision, oldest first, with the
 * roster's entry to compare the card reading against. */
char *
caiji_hub_review_pending_json (CaijiHubDb *db,
                               GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  result = caiji_hub_db_query (db,
                               "SELECT r.uuid, r.student_no, to_char (r.received_at, 'YYYY-MM-DD HH24:MI'),"
                               " dev.name, r.content, ro.name, ro.id_number, ro.university, ro.major, ro.grade,"
                               " coalesce ((SELECT string_agg (i.kind, ',' ORDER BY i.kind) FROM record_images i"
                               "            WHERE i.record_uuid = r.uuid), '')"
                               " FROM records r JOIN devices dev ON dev.id = r.device_id"
                               " LEFT JOIN roster ro ON ro.student_no = r.student_no"
                               " LEFT JOIN decisions d ON d.record_uuid = r.uuid"
                               " WHERE r.status = 'pending_review' AND d.seq IS NULL"
                               " ORDER BY r.received_at, r.uuid LIMIT 200;", 0, NULL, error);
  if (result == NULL)
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (int row = 0; row < PQntuples (result); row++)
    add_pending_record (builder, result, row);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* One image of a record, as the kiosk sent it. */
GBytes *
caiji_hub_review_image (CaijiHubDb *db,
                        const char *uuid,
                        const char *kind,
                        GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  unsigned char *bytes;
  size_t length;
  CaijiImageKind known_kind;
  GBytes *image;

  if (!g_uuid_string_is_valid (uuid) || !caiji_image_kind_from_string (kind, &known_kind))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_NOT_FOUND, _("There is no such image on this hub."));
      return NULL;
    }
  result = caiji_hub_db_query (db, "SELECT data FROM record_images WHERE record_uuid = $1 AND kind = $2;", 2,
                               (CaijiHubParam[]) { HUB_TEXT (uuid), HUB_TEXT (kind) }, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) != 1)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_NOT_FOUND, _("There is no such image on this hub."));
      return NULL;
    }
  bytes = PQunescapeBytea ((const unsigned char *) PQgetvalue (result, 0, 0), &length);
  if (bytes == NULL)
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_DATABASE, _("Not enough memory to send the image."));
      return NULL;
    }
  image = g_bytes_new (bytes, length);
  PQfreemem (bytes);
  return image;
}
