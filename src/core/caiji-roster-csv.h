/* caiji-roster-csv.h: read the exam roster from a spreadsheet's CSV export */
#pragma once

#include <glib.h>

#include "caiji-candidate.h"

G_BEGIN_DECLS

#define CAIJI_ROSTER_CSV_ERROR (caiji_roster_csv_error_quark ())

/* Largest file accepted: a roster of a few hundred thousand candidates is
 * a few tens of MB; anything bigger is the wrong file. */
#define CAIJI_ROSTER_CSV_MAX_BYTES (50 * 1024 * 1024)

typedef enum {
  CAIJI_ROSTER_CSV_ERROR_TOO_LARGE,       /* over CAIJI_ROSTER_CSV_MAX_BYTES */
  CAIJI_ROSTER_CSV_ERROR_ENCODING,        /* not UTF-8 text */
  CAIJI_ROSTER_CSV_ERROR_EMPTY,           /* no header, or no candidate rows */
  CAIJI_ROSTER_CSV_ERROR_HEADER,          /* a required column is missing or doubled */
  CAIJI_ROSTER_CSV_ERROR_SYNTAX,          /* a quoted field is never closed */
  CAIJI_ROSTER_CSV_ERROR_ROW,             /* one row is invalid: only ever a row_errors line */
} CaijiRosterCsvError;

GQuark     caiji_roster_csv_error_quark (void);

/* Parses a UTF-8 CSV (optional BOM, CRLF or LF, RFC 4180 quoting) whose
 * first row names the columns in English or Chinese: student_no/学号,
 * name/姓名, id_number/证件号/身份证号 (required), sex/性别, phone/手机号,
 * university/所属高校, grade/年级, major/专业 (optional).
 *
 * Returns the valid rows as CaijiCandidate* with normalised ID numbers.
 * A bad row does not stop the import: it is left out and described in
 * @row_errors as "line N: reason" (an array of strings, empty when every
 * row is good).  Returns NULL with @error set when the file as a whole
 * cannot be read; @row_errors is then set to NULL. */
GPtrArray *caiji_roster_csv_parse       (GBytes     *bytes,
                                         GPtrArray **row_errors,
                                         GError    **error);

/* The same for a file; its size is checked before it is read, and file
 * errors name the file. */
GPtrArray *caiji_roster_csv_parse_file  (const char  *path,
                                         GPtrArray  **row_errors,
                                         GError     **error);

G_END_DECLS
