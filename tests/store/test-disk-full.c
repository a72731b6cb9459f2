/* test-disk-full.c: a really full disk, on a small tmpfs
 *
 * Saves images until the filesystem is full: the failing save reports the
 * disk-full error, leaves nothing half-written, earlier saves stay, and
 * once there is room again the same save works.  Needs root to mount the
 * tmpfs; skipped otherwise (test-store covers the error path with a page
 * cap everywhere).
 */
#include <glib.h>
#include <sys/mount.h>
#include <unistd.h>

#include "caiji-store.h"
#include "caiji-test-utils.h"

static gboolean
mount_small_tmpfs (const char *dir,
                   const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  return mount ("tmpfs", dir, "tmpfs", 0, options) == 0;
}

static gboolean
save_face (CaijiStore *store,
           gint64      id,
           GBytes     *image,
           GError    **error)
{
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  update.actor = "candidate:test";
  update.action = "face.captured";
  update.image = image;
  update.image_kind = CAIJI_IMAGE_FACE;
  return caiji_store_record_update (store, id, &update, error);
}

static void
fill_until_full (CaijiStore *store,
                 const char *student_no,
                 gint64     *last_saved,
                 gint64     *refused)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) image = caiji_test_fake_jpeg (150 * 1024, i);
      gint64 id = caiji_store_record_create (store, student_no, "candidate:test", &error);

      if (id != 0 && save_face (store, id, image, &error))
        {
          *last_saved = id;
          continue;
        }
      g_test_message ("full after %u records: %s", i, error->message);
      g_assert_error (error, CAIJI_STORE_ERROR, CAIJI_STORE_ERROR_FULL);
      *refused = id;
      return;
    }
  g_assert_not_reached ();
}

static void
test_disk_full (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "caiji.db", NULL);
  g_autoptr(GPtrArray) roster = caiji_test_roster (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = caiji_test_fake_jpeg (150 * 1024, 999);
  g_autoptr(GBytes) kept = NULL;
  CaijiStore *store;
  CaijiStoreCheck check;
  const char *student_no = ((CaijiCandidate *) roster->pdata[0])->student_no;
  gint64 last_saved = 0, refused = 0;

  if (geteuid () != 0 || !mount_small_tmpfs (dir, "2m"))
    {
      g_test_skip ("needs root to mount a small tmpfs");
      caiji_test_remove_tree (dir);
      return;
    }
  store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (caiji_store_roster_put (store, roster, &error));
  fill_until_full (store, student_no, &last_saved, &refused);

  kept = caiji_store_record_get_image (store, last_saved, CAIJI_IMAGE_FACE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  if (refused != 0)
    g_assert_null (caiji_store_record_get_image (store, refused, CAIJI_IMAGE_FACE, NULL));

  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT, "size=16m,mode=0700"), ==, 0);
  if (refused == 0)
    refused = caiji_store_record_create (store, student_no, "candidate:test", &error);
  g_assert_no_error (error);
  g_assert_true (save_face (store, refused, image, &error));
  g_assert_no_error (error);
  g_assert_true (caiji_store_check (store, &check, &error));
  g_assert_cmpstr (check.integrity, ==, "ok");
  caiji_store_check_clear (&check);
  g_object_unref (store);
  g_assert_cmpint (umount (dir), ==, 0);
  caiji_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/disk-full/tmpfs", test_disk_full);
  return g_test_run ();
}
