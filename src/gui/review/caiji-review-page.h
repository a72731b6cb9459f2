/* caiji-review-page.h: 学生信息复核, the candidate checks the roster entry */
#pragma once

#include <adwaita.h>

#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_REVIEW_PAGE (caiji_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiReviewPage, caiji_review_page, CAIJI, REVIEW_PAGE, AdwBin)

void caiji_review_page_set_wizard (CaijiReviewPage *self,
                                   CaijiWizard     *wizard);

G_END_DECLS
