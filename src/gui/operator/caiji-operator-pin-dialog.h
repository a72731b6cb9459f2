/* caiji-operator-pin-dialog.h: the PIN pad in front of operator mode */
#pragma once

#include <adwaita.h>

#include "caiji-operator-pin.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_PIN_DIALOG (caiji_operator_pin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorPinDialog, caiji_operator_pin_dialog, CAIJI, OPERATOR_PIN_DIALOG, AdwWindow)

/* Emits "accepted" and closes once the PIN is right (or, on first run,
 * once a new PIN has been entered twice and saved). */
GtkWidget *caiji_operator_pin_dialog_new        (GtkWindow        *parent,
                                                 CaijiOperatorPin *pin);
/* The current PIN, then the new one twice; "accepted" once it is saved. */
GtkWidget *caiji_operator_pin_dialog_new_change (GtkWindow        *parent,
                                                 CaijiOperatorPin *pin);

G_END_DECLS
