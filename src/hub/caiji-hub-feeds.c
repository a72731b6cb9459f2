/* caiji-hub-feeds.c: GET /api/v1/roster and /api/v1/decisions
 *
 * Both are "everything after cursor N, oldest first": one row more than
 * the page is fetched to know whether another page waits, and the cursor
 * is the sequence number of the last row sent, so a kiosk that fetches a
 * page twice gets the same rows again, never a gap.
 */
#include "caiji-config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "caiji-hub-feeds.h"

typedef void (*RowWriter) (JsonBuilder *builder,
                           PGresult    *result,
                           int          row);

/* The text of one column as a member; SQL NULL becomes JSON null. */
void
caiji_hub_json_add_column (JsonBuilder *builder,
                           const char  *name,
                           PGresult    *result,
                           int          row,
                           int          column)
{
  json_builder_set_member_name (builder, name);
  if (PQgetisnull (result, row, column))
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, PQgetvalue (result, row, column));
}

/* The last column of every feed query is its sequence number. */
static char *
build_page (PGresult   *result,
            const char *list_name,
            guint       limit,
            gint64      since,
            RowWriter   write_row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  int rows = MIN (PQntuples (result), (int) limit);
  gint64 cursor = since;
  g_autofree char *cursor_text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, list_name);
  json_builder_begin_array (builder);
  for (int row = 0; row < rows; row++)
    {
      json_builder_begin_object (builder);
      write_row (builder, result, row);
      json_builder_end_object (builder);
      cursor = g_ascii_strtoll (PQgetvalue (result, row, PQnfields (result) - 1), NULL, 10);
    }
  json_builder_end_array (builder);
  cursor_text = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);
  json_builder_set_member_name (builder, "next_cursor");
  json_builder_add_string_value (builder, cursor_text);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, PQntuples (result) > (int) limit);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
write_candidate (JsonBuilder *builder,
                 PGresult    *result,
                 int          row)
{
  static const char *const names[] = { "student_no", "name", "sex", "id_number", "phone",
                                       "university", "major", "grade" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    caiji_hub_json_add_column (builder, names[i], result, row, (int) i);
}

static void
write_decision (JsonBuilder *builder,
                PGresult    *result,
                int          row)
{
  caiji_hub_json_add_column (builder, "uuid", result, row, 0);
  caiji_hub_json_add_column (builder, "decision", result, row, 1);
  caiji_hub_json_add_column (builder, "reason", result, row, 2);
  caiji_hub_json_add_column (builder, "reviewer", result, row, 3);
  json_builder_set_member_name (builder, "decided_at");
  json_builder_add_int_value (builder, g_ascii_strtoll (PQgetvalue (result, row, 4), NULL, 10));
}

char *
caiji_hub_feed_roster (CaijiHubDb *db,
                       gint64      since,
                       guint       limit,
                       GError    **error)
{
  g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, since);
  g_autofree char *rows = g_strdup_printf ("%u", limit + 1);
  g_autoptr(PGresult) result = NULL;

  result = caiji_hub_db_query (db, "SELECT student_no, name, sex, id_number, phone, university, major, grade,"
                               " change_seq FROM roster WHERE change_seq > $1::bigint"
                               " ORDER BY change_seq LIMIT $2::integer;", 2,
                               (CaijiHubParam[]) { HUB_TEXT (after), HUB_TEXT (rows) }, error);
  if (result == NULL)
    return NULL;
  return build_page (result, "candidates", limit, since, write_candidate);
}

/* Only decisions about records this device sent. */
char *
caiji_hub_feed_decisions (CaijiHubDb *db,
                          const char *device_id,
                          gint64      since,
                          guint       limit,
                          GError    **error)
{
  g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, since);
  g_autofree char *rows = g_strdup_printf ("%u", limit + 1);
  g_autoptr(PGresult) result = NULL;

  result = caiji_hub_db_query (db, "SELECT d.record_uuid, d.decision, d.reason, d.reviewer,"
                               " extract (epoch FROM d.decided_at)::bigint, d.seq"
                               " FROM decisions d JOIN records r ON r.uuid = d.record_uuid"
                               " WHERE r.device_id = $1 AND d.seq > $2::bigint"
                               " ORDER BY d.seq LIMIT $3::integer;", 3,
                               (CaijiHubParam[]) { HUB_TEXT (device_id), HUB_TEXT (after), HUB_TEXT (rows) },
                               error);
  if (result == NULL)
    return NULL;
  return build_page (result, "decisions", limit, since, write_decision);
}
