/* caiji-test-utils.c: shared helpers for the test programs
 *
 * Identities here are synthetic: made-up names and ID numbers generated
 * with a valid check character, never real personal data.
 */
#define _GNU_SOURCE  /* memmem */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "caiji-id-number.h"
#include "caiji-test-utils.h"

static const char *const family_names[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "上官", "欧阳" };
static const char *const given_names[] = { "明", "华", "晓东", "丽", "建国", "芳", "静怡", "伟", "诗蕾", "子涵", "浩然", "雨桐" };
static const char *const area_codes[] = { "410820", "110105", "310104", "440305", "510107", "330106", "420111", "610113" };

char *
caiji_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("caiji-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
caiji_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          caiji_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

char *
caiji_test_synthetic_id (guint    n,
                         CaijiSex sex)
{
  char id[19];
  guint year = 1985 + n % 20;
  guint month = 1 + (n / 20) % 12;
  guint day = 1 + (n / 7) % 28;
  guint seq = (n * 37) % 100;
  guint sex_digit = (n % 5) * 2 + (sex == CAIJI_SEX_MALE ? 1 : 0);

  g_snprintf (id, sizeof id, "%s%04u%02u%02u%02u%u", area_codes[n % G_N_ELEMENTS (area_codes)],
              year, month, day, seq, sex_digit);
  id[17] = caiji_id_number_check_char (id);
  id[18] = '\0';
  return g_strdup (id);
}

CaijiCandidate *
caiji_test_candidate (guint n)
{
  CaijiCandidate *candidate = caiji_candidate_new ();

  candidate->sex = n % 2 == 0 ? CAIJI_SEX_FEMALE : CAIJI_SEX_MALE;
  candidate->student_no = g_strdup_printf ("2303%04u", n);
  candidate->name = g_strconcat (family_names[n % G_N_ELEMENTS (family_names)],
                                 given_names[(n / 3) % G_N_ELEMENTS (given_names)], NULL);
  candidate->id_number = caiji_test_synthetic_id (n, candidate->sex);
  candidate->phone = g_strdup_printf ("1380000%04u", n);
  candidate->university = g_strdup ("网梯测试大学");
  candidate->major = g_strdup ("英语");
  candidate->grade = g_strdup ("2023");
  return candidate;
}

GPtrArray *
caiji_test_roster (guint count)
{
  GPtrArray *roster = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_candidate_free);

  for (guint i = 0; i < count; i++)
    g_ptr_array_add (roster, caiji_test_candidate (i));
  return roster;
}

/* ../shared sits beside every checkout and CI clone; CAIJI_SHARED_DIR
 * (set by tests/meson.build) points at it. */
char *
caiji_test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("CAIJI_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, relative, NULL);
}

/* Bytes shaped like a JPEG (SOI … EOI) so size-dependent code paths run
 * with realistic payloads; the store never decodes them. */
GBytes *
caiji_test_fake_jpeg (gsize   size,
                      guint32 seed)
{
  guint8 *data = g_malloc (MAX (size, 4));
  GRand *rand = g_rand_new_with_seed (seed);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  data[0] = 0xFF;
  data[1] = 0xD8;
  data[size - 2] = 0xFF;
  data[size - 1] = 0xD9;
  g_rand_free (rand);
  return g_bytes_new_take (data, size);
}

/* For the "nothing readable in the store's files" checks. */
gboolean
caiji_test_file_contains (const char *path,
                          const void *needle,
                          gsize       size)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, size) != NULL;
}
