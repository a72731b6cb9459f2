/* caiji-operator-reject-dialog.h: 不通过 needs a reason the candidate can read */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAIJI_OPERATOR_REJECT_DIALOG_RESPONSE_REJECT "reject"

#define CAIJI_TYPE_OPERATOR_REJECT_DIALOG (caiji_operator_reject_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorRejectDialog, caiji_operator_reject_dialog, CAIJI, OPERATOR_REJECT_DIALOG, AdwMessageDialog)

GtkWidget *caiji_operator_reject_dialog_new        (GtkWindow                 *parent);
/* The reason as typed, stripped; "" while none is given. */
char      *caiji_operator_reject_dialog_get_reason (CaijiOperatorRejectDialog *self);

G_END_DECLS
