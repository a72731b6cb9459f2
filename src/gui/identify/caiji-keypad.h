/* caiji-keypad.h: the on-screen keypad for ID numbers and passwords */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAIJI_TYPE_KEYPAD (caiji_keypad_get_type ())
G_DECLARE_FINAL_TYPE (CaijiKeypad, caiji_keypad, CAIJI, KEYPAD, AdwBin)

GtkWidget *caiji_keypad_new            (void);

/* What a key press does to the field being typed into, for every page
 * that carries a keypad.  append_to returns FALSE when @target is full. */
gboolean   caiji_keypad_append_to     (GtkEditable *target,
                                       const char  *key,
                                       gsize        max_length);
void       caiji_keypad_backspace_in  (GtkEditable *target);

G_END_DECLS
