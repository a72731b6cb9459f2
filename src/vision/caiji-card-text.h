/* caiji-card-text.h: turning raw OCR text from card fields into values
 *
 * Pure string work, kept apart from the pixels so every rule is tested
 * without Tesseract.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       caiji_card_text_overlap         (const char  *text,
                                             const char  *pattern);
char       *caiji_card_text_keep_hanzi      (const char  *text);
char       *caiji_card_text_keep_id_chars   (const char  *text);
char       *caiji_card_text_name            (const char  *text);
gboolean    caiji_card_text_birth_matches   (const char  *text,
                                             int          year,
                                             int          month,
                                             int          day);
gboolean    caiji_card_text_validity        (const char  *text,
                                             char       **valid_from,
                                             char       **valid_to);
const char *caiji_card_text_nation          (const char  *text);

G_END_DECLS
