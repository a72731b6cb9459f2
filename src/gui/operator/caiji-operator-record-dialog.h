/* caiji-operator-record-dialog.h: any record, looked up from the records list */
#pragma once

#include <adwaita.h>

#include "caiji-operator-tasks.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_RECORD_DIALOG (caiji_operator_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorRecordDialog, caiji_operator_record_dialog, CAIJI, OPERATOR_RECORD_DIALOG, AdwWindow)

GtkWidget *caiji_operator_record_dialog_new (GtkWindow                *parent,
                                             CaijiStore               *store,
                                             const CaijiOperatorEntry *entry);

G_END_DECLS
