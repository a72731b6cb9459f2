/* caiji-models.c: find a model file and prove it is the one the manifest pins
 *
 * A detector fed a truncated or swapped model fails in ways that look like
 * "no face found", so every model is checked against the sha256 in
 * data/models/manifest.tsv before anyone loads it.  The check reads a few
 * megabytes, so a verified path is remembered for the rest of the process.
 */
#include "caiji-config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "caiji-models.h"
#include "caiji-paths.h"

#define MANIFEST_FIELDS 6
#define SHA256_HEX_LENGTH 64
#define READ_CHUNK (64 * 1024)

/* Every error about an installed file ends with the same way out. */
#define FIX_HINT N_("Run scripts/setup.sh (or data/models/fetch-models.sh) to install it.")

G_DEFINE_QUARK (caiji-model-error-quark, caiji_model_error)

static GMutex verified_lock;
static GHashTable *verified;   /* "path\tsha256" -> itself, guarded by verified_lock */

void
caiji_model_entry_free (CaijiModelEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->file);
  g_free (entry->url);
  g_free (entry->sha256);
  g_free (entry->licence);
  g_free (entry->transform);
  g_free (entry->source_sha256);
  g_free (entry);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != SHA256_HEX_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* A manifest name is joined to the models directory, so it must not be
 * able to point anywhere else. */
static gboolean
is_plain_file_name (const char *name)
{
  return name[0] != '\0' && name[0] != '.' && strchr (name, '/') == NULL;
}

static gboolean
check_sha256_field (const char  *path,
                    guint        line_no,
                    const char  *field,
                    gboolean     dash_allowed,
                    GError     **error)
{
  if (is_sha256 (field) || (dash_allowed && g_str_equal (field, "-")))
    return TRUE;
  g_set_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST,
               _("%s line %u: “%s” is not a sha256 (64 lowercase hexadecimal digits)."),
               path, line_no, field);
  return FALSE;
}

static gboolean
check_fields (const char  *path,
              guint        line_no,
              char       **fields,
              GError     **error)
{
  guint n_fields = g_strv_length (fields);

  if (n_fields != MANIFEST_FIELDS)
    {
      g_set_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST,
                   _("%s line %u: expected 6 tab-separated fields (file, url, sha256, licence, transform, source sha256), found %u."),
                   path, line_no, n_fields);
      return FALSE;
    }
  for (guint i = 0; i < n_fields; i++)
    if (fields[i][0] == '\0')
      {
        g_set_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST,
                     _("%s line %u: field %u is empty; write “-” when there is nothing to put there."),
                     path, line_no, i + 1);
        return FALSE;
      }
  if (!is_plain_file_name (fields[0]))
    {
      g_set_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST,
                   _("%s line %u: “%s” is not a plain file name."), path, line_no, fields[0]);
      return FALSE;
    }
  return check_sha256_field (path, line_no, fields[2], FALSE, error) &&
         check_sha256_field (path, line_no, fields[5], TRUE, error);
}

static CaijiModelEntry *
parse_line (const char  *path,
            guint        line_no,
            const char  *line,
            GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  CaijiModelEntry *entry;

  if (!check_fields (path, line_no, fields, error))
    return NULL;
  entry = g_new0 (CaijiModelEntry, 1);
  entry->file = g_strdup (fields[0]);
  entry->url = g_strdup (fields[1]);
  entry->sha256 = g_strdup (fields[2]);
  entry->licence = g_strdup (fields[3]);
  entry->transform = g_strdup (fields[4]);
  entry->source_sha256 = g_strdup (fields[5]);
  return entry;
}

static gboolean
is_blank_or_comment (const char *line)
{
  while (g_ascii_isspace (*line))
    line++;
  return *line == '\0' || *line == '#';
}

static gboolean
add_entry (GPtrArray   *entries,
           GHashTable  *seen,
           const char  *path,
           guint        line_no,
           const char  *line,
           GError     **error)
{
  CaijiModelEntry *entry = parse_line (path, line_no, line, error);

  if (entry == NULL)
    return FALSE;
  g_ptr_array_add (entries, entry);
  /* Two lines for one file would make the pinned sha256 ambiguous. */
  if (!g_hash_table_add (seen, entry->file))
    {
      g_set_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST,
                   _("%s line %u: “%s” is listed twice."), path, line_no, entry->file);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
caiji_model_manifest_load (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_model_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_file_get_contents (path, &contents, NULL, &read_error))
    {
      g_set_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_MANIFEST,
                   _("Cannot read the model manifest: %s"), read_error->message);
      return NULL;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);   /* tolerate CRLF and trailing blanks from editors */
      if (is_blank_or_comment (lines[i]))
        continue;
      if (!add_entry (entries, seen, path, i + 1, lines[i], error))
        return NULL;
    }
  return g_steal_pointer (&entries);
}

char *
caiji_model_manifest_path (void)
{
  const char *from_env = g_getenv ("CAIJI_MODEL_MANIFEST");
  g_autofree char *models_dir = NULL;

  if (from_env != NULL && from_env[0] != '\0')
    return g_strdup (from_env);
  /* The source tree's manifest serves uninstalled builds; an installed
   * kiosk may no longer have its source tree, and uses its own copy. */
  if (g_file_test (MODEL_MANIFEST, G_FILE_TEST_IS_REGULAR))
    return g_strdup (MODEL_MANIFEST);
  models_dir = caiji_paths_models_dir ();
  return g_build_filename (models_dir, "manifest.tsv", NULL);
}

static const CaijiModelEntry *
find_entry (GPtrArray  *entries,
            const char *file_name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const CaijiModelEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->file, file_name))
        return entry;
    }
  return NULL;
}

/* Appends the shared way out to a message about one installed file. */
static void
set_file_error (GError          **error,
                CaijiModelError   code,
                const char       *problem)
{
  g_set_error (error, CAIJI_MODEL_ERROR, code, "%s %s", problem, _(FIX_HINT));
}

static char *
sha256_of_stream (GInputStream  *stream,
                  GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);
  gssize n_read;

  while ((n_read = g_input_stream_read (stream, buffer, READ_CHUNK, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n_read);
  if (n_read < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
sha256_of_file (const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  if (stream == NULL)
    return NULL;
  return sha256_of_stream (G_INPUT_STREAM (stream), error);
}

static gboolean
check_size (const char  *path,
            const char  *file_name,
            const char  *dir,
            GError     **error)
{
  g_autofree char *problem = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      problem = g_strdup_printf (_("The model file “%s” is missing from %s."), file_name, dir);
      set_file_error (error, CAIJI_MODEL_ERROR_MISSING, problem);
      return FALSE;
    }
  /* An empty file is what an interrupted copy leaves behind. */
  if (st.st_size == 0)
    {
      problem = g_strdup_printf (_("The model file “%s” in %s is empty."), file_name, dir);
      set_file_error (error, CAIJI_MODEL_ERROR_CORRUPT, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
verify_file (const char             *path,
             const char             *dir,
             const CaijiModelEntry  *entry,
             GError                **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *sha256 = NULL;

  if (!check_size (path, entry->file, dir, error))
    return FALSE;
  sha256 = sha256_of_file (path, &read_error);
  if (sha256 == NULL)
    problem = g_strdup_printf (_("The model file “%s” cannot be read: %s"), entry->file, read_error->message);
  else if (!g_str_equal (sha256, entry->sha256))
    problem = g_strdup_printf (_("The model file “%s” in %s is damaged: its sha256 is %s, expected %s."),
                               entry->file, dir, sha256, entry->sha256);
  else
    return TRUE;
  set_file_error (error, CAIJI_MODEL_ERROR_CORRUPT, problem);
  return FALSE;
}

/* Verifies under the lock so that concurrent callers hash each file once. */
static gboolean
verify_once (const char             *path,
             const char             *dir,
             const CaijiModelEntry  *entry,
             GError                **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&verified_lock);
  g_autofree char *key = g_strconcat (path, "\t", entry->sha256, NULL);

  if (verified == NULL)
    verified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (verified, key))
    return TRUE;
  if (!verify_file (path, dir, entry, error))
    return FALSE;
  g_hash_table_add (verified, g_steal_pointer (&key));
  return TRUE;
}

char *
caiji_model_path (const char  *file_name,
                  GError     **error)
{
  g_autofree char *manifest_path = caiji_model_manifest_path ();
  g_autoptr(GPtrArray) entries = NULL;
  const CaijiModelEntry *entry;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = caiji_model_manifest_load (manifest_path, error);
  if (entries == NULL)
    return NULL;
  entry = find_entry (entries, file_name);
  if (entry == NULL)
    {
      g_set_error (error, CAIJI_MODEL_ERROR, CAIJI_MODEL_ERROR_UNKNOWN,
                   _("“%s” is not listed in the model manifest %s, so it cannot be verified."),
                   file_name, manifest_path);
      return NULL;
    }
  dir = caiji_paths_models_dir ();
  path = g_build_filename (dir, file_name, NULL);
  if (!verify_once (path, dir, entry, error))
    return NULL;
  return g_steal_pointer (&path);
}
