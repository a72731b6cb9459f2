/* caiji-result-page.h: the end of the capture: passed, or submitted for review */
#pragma once

#include <adwaita.h>

#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_RESULT_PAGE (caiji_result_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiResultPage, caiji_result_page, CAIJI, RESULT_PAGE, AdwBin)

void caiji_result_page_set_wizard (CaijiResultPage *self,
                                   CaijiWizard     *wizard);

G_END_DECLS
