/* caiji-hub-review.c: records sent for central review, and the decision
 * on each, which kiosks fetch from GET /api/v1/decisions
 *
 * One decision per record (a UNIQUE key): a kiosk applies it once, and a
 * second reviewer cannot silently overrule the first.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-hub-review.h"

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
