/* caiji-roster-csv.c: read the exam roster from a spreadsheet's CSV export
 *
 * Rosters come from school offices as Excel or WPS exports, so the reader
 * accepts what those write (a BOM, CRLF, quoted cells with commas or line
 * breaks, Chinese or English headers) and explains everything else in
 * words an office clerk can act on.  One bad row never sinks the file: it
 * is reported with its line number and the rest is imported.
 */
#include "caiji-config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "caiji-roster-csv.h"

G_DEFINE_QUARK (caiji-roster-csv-error-quark, caiji_roster_csv_error)

#define UTF8_BOM "\xEF\xBB\xBF"

typedef enum {
  COLUMN_STUDENT_NO,
  COLUMN_NAME,
  COLUMN_SEX,
  COLUMN_ID_NUMBER,
  COLUMN_PHONE,
  COLUMN_UNIVERSITY,
  COLUMN_GRADE,
  COLUMN_MAJOR,
  N_COLUMNS
} Column;

/* The first name is the English one, the second is what errors show. */
static const struct {
  const char *names[4];
  gboolean    required;
} columns[N_COLUMNS] = {
  [COLUMN_STUDENT_NO] = { { "student_no", "学号", NULL }, TRUE },
  [COLUMN_NAME] = { { "name", "姓名", NULL }, TRUE },
  [COLUMN_SEX] = { { "sex", "性别", NULL }, FALSE },
  [COLUMN_ID_NUMBER] = { { "id_number", "证件号", "身份证号", NULL }, TRUE },
  [COLUMN_PHONE] = { { "phone", "手机号", NULL }, FALSE },
  [COLUMN_UNIVERSITY] = { { "university", "所属高校", NULL }, FALSE },
  [COLUMN_GRADE] = { { "grade", "年级", NULL }, FALSE },
  [COLUMN_MAJOR] = { { "major", "专业", NULL }, FALSE },
};

/* ---- RFC 4180 tokenizer ---- */

typedef struct {
  const char *pos;
  const char *end;
  guint       line;   /* physical line of pos, 1-based */
} CsvCursor;

/* Consumes a line break (LF, CRLF or a lone CR) at the cursor, if any. */
static gboolean
skip_newline (CsvCursor *cur)
{
  if (cur->pos >= cur->end || (*cur->pos != '\n' && *cur->pos != '\r'))
    return FALSE;
  if (*cur->pos == '\r' && cur->pos + 1 < cur->end && cur->pos[1] == '\n')
    cur->pos++;
  cur->pos++;
  cur->line++;
  return TRUE;
}

static gboolean
read_quoted (CsvCursor *cur,
             GString   *field,
             GError   **error)
{
  guint opened_on = cur->line;

  cur->pos++;
  while (cur->pos < cur->end)
    {
      if (*cur->pos == '"')
        {
          if (cur->pos + 1 < cur->end && cur->pos[1] == '"')
            {
              g_string_append_c (field, '"');
              cur->pos += 2;
              continue;
            }
          cur->pos++;
          return TRUE;
        }
      if (*cur->pos == '\n')
        cur->line++;
      g_string_append_c (field, *cur->pos++);
    }
  /* Everything after the stray quote would silently merge into one cell,
   * so no row after it can be trusted. */
  g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_SYNTAX,
               _("Line %u opens a quoted cell (\") that is never closed."), opened_on);
  return FALSE;
}

/* Reads one cell.  Text after a closing quote is kept rather than
 * rejected, as spreadsheets do when they open such a file. */
static gboolean
read_field (CsvCursor *cur,
            GString   *field,
            GError   **error)
{
  g_string_truncate (field, 0);
  if (cur->pos < cur->end && *cur->pos == '"' && !read_quoted (cur, field, error))
    return FALSE;
  while (cur->pos < cur->end && *cur->pos != ',' && *cur->pos != '\n' && *cur->pos != '\r')
    g_string_append_c (field, *cur->pos++);
  return TRUE;
}

/* Reads one record into @fields (stripped strings).  Returns FALSE at the
 * end of input or on @error. */
static gboolean
read_record (CsvCursor *cur,
             GPtrArray *fields,
             guint     *record_line,
             GError   **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  if (cur->pos >= cur->end)
    return FALSE;
  *record_line = cur->line;
  for (;;)
    {
      if (!read_field (cur, field, error))
        return FALSE;
      g_ptr_array_add (fields, g_strstrip (g_strdup (field->str)));
      if (cur->pos < cur->end && *cur->pos == ',')
        {
          cur->pos++;
          continue;
        }
      skip_newline (cur);
      return TRUE;
    }
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      return FALSE;
  return TRUE;
}

/* Skips blank lines (and rows of empty cells), which spreadsheets leave
 * between and after the data. */
static gboolean
read_filled_record (CsvCursor *cur,
                    GPtrArray *fields,
                    guint     *record_line,
                    GError   **error)
{
  while (read_record (cur, fields, record_line, error))
    if (!record_is_blank (fields))
      return TRUE;
  return FALSE;
}

/* ---- whole-file checks ---- */

static guint
line_of_offset (const char *start,
                const char *at)
{
  guint line = 1;

  for (const char *p = start; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

static gboolean
check_encoding (const char *data,
                gsize       size,
                GError    **error)
{
  const char *bad = NULL;

  /* Excel's "Unicode text" export: say what to do instead of "not UTF-8". */
  if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      g_set_error_literal (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ENCODING,
                           _("The file is UTF-16 text, not CSV. Save the sheet as “CSV UTF-8 (comma delimited)” and import that file."));
      return FALSE;
    }
  if (g_utf8_validate_len (data, size, &bad))
    return TRUE;
  g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ENCODING,
               _("The file is not UTF-8 text (line %u holds other bytes, perhaps GBK). Save the sheet as “CSV UTF-8 (comma delimited)” and import that file."),
               line_of_offset (data, bad));
  return FALSE;
}

static gboolean
check_size (gsize    size,
            GError **error)
{
  g_autofree char *actual = NULL;
  g_autofree char *limit = NULL;

  if (size <= CAIJI_ROSTER_CSV_MAX_BYTES)
    return TRUE;
  /* Byte counts too, so a file just over the limit does not read as
   * "50.0 MiB is more than 50.0 MiB". */
  actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  limit = g_format_size_full (CAIJI_ROSTER_CSV_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_TOO_LARGE,
               _("The file is %s, more than the %s a roster file may have. Is it the right file?"),
               actual, limit);
  return FALSE;
}

/* ---- header ---- */

static int
column_for_header (const char *header)
{
  for (int c = 0; c < N_COLUMNS; c++)
    for (int n = 0; columns[c].names[n] != NULL; n++)
      if (g_ascii_strcasecmp (header, columns[c].names[n]) == 0)
        return c;
  return -1;
}

static char *
column_label (Column column)
{
  return g_strdup_printf ("%s (%s)", columns[column].names[1], columns[column].names[0]);
}

/* Fills @index (column → field position, -1 when absent) from the header. */
static gboolean
map_header (GPtrArray *header,
            int        index[N_COLUMNS],
            GError   **error)
{
  for (int c = 0; c < N_COLUMNS; c++)
    index[c] = -1;
  for (guint i = 0; i < header->len; i++)
    {
      int c = column_for_header (g_ptr_array_index (header, i));

      if (c < 0)
        continue;   /* extra columns (备注, 序号 …) are common and harmless */
      if (index[c] >= 0)
        {
          g_autofree char *label = column_label (c);

          g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_HEADER,
                       _("The header row names the %s column twice."), label);
          return FALSE;
        }
      index[c] = (int) i;
    }
  for (int c = 0; c < N_COLUMNS; c++)
    if (columns[c].required && index[c] < 0)
      {
        g_autofree char *label = column_label (c);

        g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_HEADER,
                     _("The header row has no %s column. The first row must name the columns: 学号, 姓名, 证件号 at least."),
                     label);
        return FALSE;
      }
  return TRUE;
}

/* ---- rows ---- */

typedef struct {
  int         index[N_COLUMNS];
  guint       n_header;
  GHashTable *student_lines;   /* student_no → first line, for duplicates */
  GHashTable *id_lines;        /* id_number → first line */
  GPtrArray  *candidates;
  GPtrArray  *row_errors;
} RosterReader;

static const char *
cell (RosterReader *reader,
      GPtrArray    *fields,
      Column        column)
{
  int i = reader->index[column];

  if (i < 0 || (guint) i >= fields->len)
    return "";
  return g_ptr_array_index (fields, i);
}

static char *
optional_cell (RosterReader *reader,
               GPtrArray    *fields,
               Column        column)
{
  const char *value = cell (reader, fields, column);

  return value[0] != '\0' ? g_strdup (value) : NULL;
}

static gboolean
check_required (RosterReader *reader,
                GPtrArray    *fields,
                GError      **error)
{
  static const Column required[] = { COLUMN_STUDENT_NO, COLUMN_NAME, COLUMN_ID_NUMBER };

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    if (cell (reader, fields, required[i])[0] == '\0')
      {
        g_autofree char *label = column_label (required[i]);

        g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ROW,
                     _("the %s cell is empty"), label);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_field_count (RosterReader *reader,
                   GPtrArray    *fields,
                   GError      **error)
{
  /* Trailing empty cells are what spreadsheets add; real extra values
   * mean the row is shifted and every column after it is wrong. */
  for (guint i = reader->n_header; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      {
        g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ROW,
                     _("the row has %u cells but the header names only %u; is there an unquoted comma?"),
                     fields->len, reader->n_header);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_sex (const char  *text,
           CaijiSex     from_id,
           CaijiSex    *sex,
           GError     **error)
{
  CaijiSex given;

  *sex = from_id;
  if (text[0] == '\0')
    return TRUE;
  given = caiji_sex_from_string (text);
  if (given == CAIJI_SEX_UNKNOWN)
    {
      g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ROW,
                   _("the sex (性别) “%s” is not one of 男, 女, male, female, M, F"), text);
      return FALSE;
    }
  if (given != from_id)
    {
      g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ROW,
                   _("the sex (性别) is “%s” but the ID number says %s"),
                   text, caiji_sex_display_name (from_id));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_unique (RosterReader *reader,
              const char   *student_no,
              const char   *id_number,
              GError      **error)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (reader->student_lines, student_no));

  if (first != 0)
    {
      g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ROW,
                   _("student number %s is already on line %u"), student_no, first);
      return FALSE;
    }
  first = GPOINTER_TO_UINT (g_hash_table_lookup (reader->id_lines, id_number));
  if (first != 0)
    {
      g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ROW,
                   _("the same ID number is already on line %u"), first);
      return FALSE;
    }
  return TRUE;
}

static CaijiCandidate *
candidate_from_row (RosterReader *reader,
                    GPtrArray    *fields,
                    GError      **error)
{
  g_autoptr(CaijiCandidate) candidate = NULL;
  g_autoptr(GError) id_error = NULL;
  CaijiIdInfo info;
  CaijiSex sex;

  if (!check_field_count (reader, fields, error) || !check_required (reader, fields, error))
    return NULL;
  if (!caiji_id_number_parse (cell (reader, fields, COLUMN_ID_NUMBER), NULL, &info, &id_error))
    {
      g_set_error (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_ROW,
                   _("the ID number (证件号) is invalid: %s"), id_error->message);
      return NULL;
    }
  if (!check_sex (cell (reader, fields, COLUMN_SEX), info.sex, &sex, error) ||
      !check_unique (reader, cell (reader, fields, COLUMN_STUDENT_NO), info.normalized, error))
    return NULL;

  candidate = caiji_candidate_new ();
  candidate->student_no = g_strdup (cell (reader, fields, COLUMN_STUDENT_NO));
  candidate->name = g_strdup (cell (reader, fields, COLUMN_NAME));
  candidate->sex = sex;
  candidate->id_number = g_strdup (info.normalized);
  candidate->phone = optional_cell (reader, fields, COLUMN_PHONE);
  candidate->university = optional_cell (reader, fields, COLUMN_UNIVERSITY);
  candidate->grade = optional_cell (reader, fields, COLUMN_GRADE);
  candidate->major = optional_cell (reader, fields, COLUMN_MAJOR);
  return g_steal_pointer (&candidate);
}

static void
add_row (RosterReader *reader,
         GPtrArray    *fields,
         guint         line)
{
  g_autoptr(GError) error = NULL;
  CaijiCandidate *candidate = candidate_from_row (reader, fields, &error);

  if (candidate == NULL)
    {
      g_ptr_array_add (reader->row_errors, g_strdup_printf (_("line %u: %s"), line, error->message));
      return;
    }
  g_hash_table_insert (reader->student_lines, candidate->student_no, GUINT_TO_POINTER (line));
  g_hash_table_insert (reader->id_lines, candidate->id_number, GUINT_TO_POINTER (line));
  g_ptr_array_add (reader->candidates, candidate);
}

static gboolean
read_rows (RosterReader *reader,
           CsvCursor    *cur,
           GError      **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  guint line = 0;
  guint n_rows = 0;

  while (read_filled_record (cur, fields, &line, &local_error))
    {
      add_row (reader, fields, line);
      n_rows++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n_rows == 0)
    {
      g_set_error_literal (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_EMPTY,
                           _("The file has a header row but no candidates below it."));
      return FALSE;
    }
  return TRUE;
}

/* Finds the first non-blank record and maps its columns. */
static gboolean
read_header (RosterReader *reader,
             CsvCursor    *cur,
             GError      **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  guint line = 0;

  if (read_filled_record (cur, header, &line, &local_error))
    {
      reader->n_header = header->len;
      return map_header (header, reader->index, error);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, CAIJI_ROSTER_CSV_ERROR, CAIJI_ROSTER_CSV_ERROR_EMPTY,
                         _("The file is empty. A roster needs a header row and one row per candidate."));
  return FALSE;
}

static void
roster_reader_clear (RosterReader *reader)
{
  g_clear_pointer (&reader->student_lines, g_hash_table_unref);
  g_clear_pointer (&reader->id_lines, g_hash_table_unref);
  g_clear_pointer (&reader->candidates, g_ptr_array_unref);
  g_clear_pointer (&reader->row_errors, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RosterReader, roster_reader_clear)

GPtrArray *
caiji_roster_csv_parse (GBytes     *bytes,
                        GPtrArray **row_errors,
                        GError    **error)
{
  g_auto(RosterReader) reader = { 0 };
  gsize size = 0;
  const char *data;
  CsvCursor cur;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (row_errors != NULL)
    *row_errors = NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, error) || !check_encoding (data, size, error))
    return NULL;
  if (size >= strlen (UTF8_BOM) && memcmp (data, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    {
      data += strlen (UTF8_BOM);
      size -= strlen (UTF8_BOM);
    }

  /* Keys borrow the candidates' strings, which outlive the tables. */
  reader.student_lines = g_hash_table_new (g_str_hash, g_str_equal);
  reader.id_lines = g_hash_table_new (g_str_hash, g_str_equal);
  reader.candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_candidate_free);
  reader.row_errors = g_ptr_array_new_with_free_func (g_free);
  cur = (CsvCursor) { .pos = data, .end = data + size, .line = 1 };

  if (!read_header (&reader, &cur, error) || !read_rows (&reader, &cur, error))
    return NULL;
  if (row_errors != NULL)
    *row_errors = g_steal_pointer (&reader.row_errors);
  return g_steal_pointer (&reader.candidates);
}

GPtrArray *
caiji_roster_csv_parse_file (const char *path,
                             GPtrArray **row_errors,
                             GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *candidates;

  if (row_errors != NULL)
    *row_errors = NULL;
  /* Checked before reading, so a wrong multi-GB file is never loaded. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (!check_size (g_file_info_get_size (info), &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  candidates = caiji_roster_csv_parse (bytes, row_errors, &local_error);
  if (candidates == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
  return candidates;
}
