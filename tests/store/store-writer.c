/* store-writer.c: writes capture records until killed
 *
 * Used by test-store-crash.  After each commit it prints one line,
 * "<record id> <stage>", so the test knows what the store promised.
 * Stages: created, image, captured, approved, synced, purged (its images
 * deleted by retention).  "0 rekeyed" follows a data-key rotation.  The
 * image of record N is caiji_test_fake_jpeg (IMAGE_SIZE + N, N).
 */
#include <stdio.h>
#include <stdlib.h>

#include "caiji-store.h"
#include "caiji-test-utils.h"

#define IMAGE_SIZE 20000

static void
die_on (GError *error)
{
  if (error == NULL)
    return;
  fprintf (stderr, "store-writer: %s\n", error->message);
  exit (1);
}

static void
promise (gint64      id,
         const char *stage)
{
  printf ("%" G_GINT64_FORMAT " %s\n", id, stage);
  fflush (stdout);
}

static void
update (CaijiStore        *store,
        gint64             id,
        CaijiRecordUpdate *change,
        const char        *stage)
{
  GError *error = NULL;

  change->actor = "candidate:writer";
  change->action = stage;
  caiji_store_record_update (store, id, change, &error);
  die_on (error);
  promise (id, stage);
}

static void
write_one (CaijiStore *store,
           const char *student_no,
           gboolean    approve)
{
  GError *error = NULL;
  g_autoptr(GBytes) image = NULL;
  CaijiRecordUpdate change = CAIJI_RECORD_UPDATE_INIT;
  gint64 id = caiji_store_record_create (store, student_no, "candidate:writer", &error);

  die_on (error);
  promise (id, "created");
  image = caiji_test_fake_jpeg (IMAGE_SIZE + id, (guint32) id);
  change.image = image;
  change.image_kind = CAIJI_IMAGE_FACE;
  update (store, id, &change, "image");

  change = (CaijiRecordUpdate) CAIJI_RECORD_UPDATE_INIT;
  change.set_status = TRUE;
  change.status = CAIJI_RECORD_CAPTURED;
  update (store, id, &change, "captured");
  if (!approve)
    return;
  change.status = CAIJI_RECORD_APPROVED;
  update (store, id, &change, "approved");
  change.status = CAIJI_RECORD_SYNCED;
  update (store, id, &change, "synced");
}

/* The chores that rewrite many rows at once, so a kill can land in them. */
static void
maintain (CaijiStore *store,
          guint       round)
{
  GError *error = NULL;

  if (round % 3 == 2)
    {
      g_autoptr(GArray) purged = caiji_store_purge_images (store, G_MAXINT64, FALSE, &error);

      die_on (error);
      for (guint i = 0; i < purged->len; i++)
        promise (g_array_index (purged, gint64, i), "purged");
    }
  if (round % 4 == 3)
    {
      caiji_store_rekey (store, &error);
      die_on (error);
      promise (0, "rekeyed");
    }
}

int
main (int   argc,
      char *argv[])
{
  GError *error = NULL;
  g_autoptr(CaijiStore) store = NULL;
  g_autoptr(GPtrArray) roster = caiji_test_roster (3);

  if (argc != 2)
    {
      fprintf (stderr, "usage: store-writer DATABASE\n");
      return 2;
    }
  store = caiji_store_open (argv[1], &error);
  die_on (error);
  for (guint i = 0; ; i++)
    {
      const CaijiCandidate *who = roster->pdata[i % roster->len];

      write_one (store, who->student_no, i % 2 == 0);
      maintain (store, i);
    }
}
