/* caiji-operator-records-page.h: every record, searched and filtered */
#pragma once

#include <adwaita.h>

#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_RECORDS_PAGE (caiji_operator_records_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorRecordsPage, caiji_operator_records_page, CAIJI, OPERATOR_RECORDS_PAGE, AdwBin)

void caiji_operator_records_page_set_store (CaijiOperatorRecordsPage *self,
                                            CaijiStore               *store);
void caiji_operator_records_page_refresh   (CaijiOperatorRecordsPage *self);

G_END_DECLS
