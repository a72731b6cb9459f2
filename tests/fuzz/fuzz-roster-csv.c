/* fuzz-roster-csv.c: libFuzzer target for the roster CSV reader, which
 * takes whatever file an operator plugs in on a USB stick. */
#include "caiji-roster-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  candidates = caiji_roster_csv_parse (bytes, &row_errors, &error);
  g_assert ((candidates == NULL) == (error != NULL));
  return 0;
}
