/* caiji-keypad.h: the on-screen keypad for ID numbers and passwords */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAIJI_TYPE_KEYPAD (caiji_keypad_get_type ())
G_DECLARE_FINAL_TYPE (CaijiKeypad, caiji_keypad, CAIJI, KEYPAD, AdwBin)

GtkWidget *caiji_keypad_new (void);

G_END_DECLS
