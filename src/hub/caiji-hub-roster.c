/* caiji-hub-roster.c: `caiji-hub roster import` into PostgreSQL
 *
 * One transaction for the whole file: kiosks never page through half an
 * import.  A row takes a new change number only when something in it
 * changed, so re-importing the same file sends kiosks nothing new.
 */
#include "caiji-config.h"

#include "caiji-candidate.h"
#include "caiji-hub-roster.h"

static gboolean
upsert (CaijiHubDb           *db,
        const CaijiCandidate *candidate,
        guint                *changed,
        GError              **error)
{
  g_autoptr(PGresult) result = NULL;

  result = caiji_hub_db_query (db,
                               "INSERT INTO roster (student_no, name, sex, id_number, phone, university, major, grade)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                               " ON CONFLICT (student_no) DO UPDATE SET"
                               "  name = EXCLUDED.name, sex = EXCLUDED.sex, id_number = EXCLUDED.id_number,"
                               "  phone = EXCLUDED.phone, university = EXCLUDED.university,"
                               "  major = EXCLUDED.major, grade = EXCLUDED.grade,"
                               "  change_seq = nextval ('roster_changes')"
                               " WHERE (roster.name, roster.sex, roster.id_number, roster.phone, roster.university,"
                               "        roster.major, roster.grade) IS DISTINCT FROM"
                               "       (EXCLUDED.name, EXCLUDED.sex, EXCLUDED.id_number, EXCLUDED.phone,"
                               "        EXCLUDED.university, EXCLUDED.major, EXCLUDED.grade);", 8,
                               (CaijiHubParam[]) { HUB_TEXT (candidate->student_no), HUB_TEXT (candidate->name),
                                                   HUB_TEXT (caiji_sex_to_string (candidate->sex)),
                                                   HUB_TEXT (candidate->id_number), HUB_TEXT (candidate->phone),
                                                   HUB_TEXT (candidate->university), HUB_TEXT (candidate->major),
                                                   HUB_TEXT (candidate->grade) }, error);
  if (result == NULL)
    return FALSE;
  *changed += (guint) g_ascii_strtoull (PQcmdTuples (result), NULL, 10);
  return TRUE;
}

gboolean
caiji_hub_roster_import (CaijiHubDb *db,
                         GPtrArray  *candidates,
                         guint      *changed,
                         GError    **error)
{
  *changed = 0;
  if (!caiji_hub_db_exec (db, "BEGIN;", error))
    return FALSE;
  for (guint i = 0; i < candidates->len; i++)
    if (!upsert (db, candidates->pdata[i], changed, error))
      {
        caiji_hub_db_rollback (db);
        *changed = 0;
        return FALSE;
      }
  return caiji_hub_db_exec (db, "COMMIT;", error);
}
