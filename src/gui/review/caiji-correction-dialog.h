/* caiji-correction-dialog.h: 申请复核, what is wrong in the student record */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAIJI_CORRECTION_DIALOG_RESPONSE_SEND "send"

#define CAIJI_TYPE_CORRECTION_DIALOG (caiji_correction_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CaijiCorrectionDialog, caiji_correction_dialog, CAIJI, CORRECTION_DIALOG, AdwMessageDialog)

GtkWidget *caiji_correction_dialog_new      (GtkWindow             *parent);
char      *caiji_correction_dialog_get_note (CaijiCorrectionDialog *self);

G_END_DECLS
