/* fuzz-id-number.c: libFuzzer target for ID number parsing, fed from
 * keypads, card readers and roster files. */
#include <string.h>

#include "caiji-id-number.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  CaijiIdInfo info;

  if (caiji_id_number_parse (text, NULL, &info, &error))
    {
      g_autofree char *masked = caiji_id_number_mask (info.normalized);

      g_assert (strlen (info.normalized) == CAIJI_ID_NUMBER_LENGTH);
      /* Shown on screen: never more than the first and last four. */
      g_assert (strlen (masked) == CAIJI_ID_NUMBER_LENGTH);
      g_assert (strspn (masked + 4, "*") == CAIJI_ID_NUMBER_LENGTH - 8);
      g_assert (caiji_id_password_matches (info.normalized, info.normalized + 12));
    }
  else
    g_assert (error != NULL);
  return 0;
}
