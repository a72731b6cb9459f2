/* test-audit-chain.c: the audit log is append-only, and any edit, removal
 * or reordering made behind the store's back is found and named. */
#include <glib.h>
#include <sqlite3.h>

#include "caiji-store.h"
#include "caiji-test-utils.h"

typedef struct {
  char       *dir;
  char       *path;
  CaijiStore *store;
} Fixture;

static void
append (CaijiStore *store,
        const char *action,
        const char *detail)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (caiji_store_audit_append (store, "operator:wang", action, 0, detail, &error));
  g_assert_no_error (error);
}

/* Six entries: the roster import's, then five of ours. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roster = caiji_test_roster (2);

  fixture->dir = caiji_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "audit.db", NULL);
  fixture->store = caiji_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (caiji_store_roster_put (fixture->store, roster, &error));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *detail = g_strdup_printf ("step %u", i);

      append (fixture->store, "desk.step", i == 2 ? NULL : detail);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
first_bad_entry (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gint64 first_bad = -1;

  g_assert_true (caiji_store_audit_verify (fixture->store, &first_bad, &problem, &error));
  g_assert_no_error (error);
  g_assert_true ((problem == NULL) == (first_bad == 0));
  if (problem != NULL)
    g_test_message ("%s", problem);
  return first_bad;
}

/* Tampering goes around the store, the way an intruder with the file would. */
static int
tamper (Fixture    *fixture,
        const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  fixture->store = caiji_store_open (fixture->path, NULL);
  g_assert_nonnull (fixture->store);
  return rc;
}

#define DROP_GUARDS "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"

static void
test_intact_chain (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = caiji_store_audit_list (fixture->store, NULL);
  const CaijiAuditEntry *first = entries->pdata[0];

  g_assert_cmpuint (entries->len, ==, 6);
  g_assert_cmpint (first->id, ==, 1);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpuint (strlen (((CaijiAuditEntry *) entries->pdata[i])->hash), ==, 64);
  g_assert_cmpint (first_bad_entry (fixture), ==, 0);
}

static void
test_append_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_cmpint (tamper (fixture, "UPDATE audit_log SET detail = 'x' WHERE id = 3;"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (tamper (fixture, "DELETE FROM audit_log WHERE id = 6;"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (first_bad_entry (fixture), ==, 0);
}

static void
test_edit_found (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_cmpint (tamper (fixture, DROP_GUARDS "UPDATE audit_log SET actor = 'operator:li' WHERE id = 4;"),
                   ==, SQLITE_OK);
  g_assert_cmpint (first_bad_entry (fixture), ==, 4);
}

static void
test_null_detail_edit_found (Fixture       *fixture,
                             gconstpointer  data)
{
  g_assert_cmpint (tamper (fixture, DROP_GUARDS "UPDATE audit_log SET detail = '' WHERE id = 4;"), ==, SQLITE_OK);
  g_assert_cmpint (first_bad_entry (fixture), ==, 4);
}

static void
test_removal_found (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_cmpint (tamper (fixture, DROP_GUARDS "DELETE FROM audit_log WHERE id = 3;"), ==, SQLITE_OK);
  g_assert_cmpint (first_bad_entry (fixture), ==, 4);
}

/* Renumbering after a removal keeps the ids consecutive; the chain still
 * breaks where the entry went missing. */
static void
test_removal_renumbered_found (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_cmpint (tamper (fixture, DROP_GUARDS "DELETE FROM audit_log WHERE id = 2;"
                                    "UPDATE audit_log SET id = id - 1 WHERE id > 2;"), ==, SQLITE_OK);
  g_assert_cmpint (first_bad_entry (fixture), ==, 2);
}

static void
test_reorder_found (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_cmpint (tamper (fixture, DROP_GUARDS
                           "UPDATE audit_log SET id = -5 WHERE id = 5;"
                           "UPDATE audit_log SET id = 5 WHERE id = 3;"
                           "UPDATE audit_log SET id = 3 WHERE id = -5;"), ==, SQLITE_OK);
  g_assert_cmpint (first_bad_entry (fixture), ==, 3);
}

/* Entries from before the chain existed are sealed on open, in order. */
static void
test_unsealed_entries_sealed (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpint (tamper (fixture, "INSERT INTO audit_log (id, at, actor, action) VALUES (7, 1, 'x', 'legacy');"),
                   ==, SQLITE_OK);
  entries = caiji_store_audit_list (fixture->store, NULL);
  g_assert_cmpuint (entries->len, ==, 7);
  g_assert_cmpuint (strlen (((CaijiAuditEntry *) entries->pdata[6])->hash), ==, 64);
  g_assert_cmpint (first_bad_entry (fixture), ==, 0);
  append (fixture->store, "desk.closed", NULL);
  g_assert_cmpint (first_bad_entry (fixture), ==, 0);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/audit/intact", test_intact_chain);
  ADD ("/audit/append-only", test_append_only);
  ADD ("/audit/edit", test_edit_found);
  ADD ("/audit/null-detail-edit", test_null_detail_edit_found);
  ADD ("/audit/removal", test_removal_found);
  ADD ("/audit/removal-renumbered", test_removal_renumbered_found);
  ADD ("/audit/reorder", test_reorder_found);
  ADD ("/audit/unsealed-sealed", test_unsealed_entries_sealed);

  return g_test_run ();
}
