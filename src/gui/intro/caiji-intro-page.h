/* caiji-intro-page.h: what the capture involves, before it starts */
#pragma once

#include <adwaita.h>

#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_INTRO_PAGE (caiji_intro_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiIntroPage, caiji_intro_page, CAIJI, INTRO_PAGE, AdwBin)

void caiji_intro_page_set_wizard (CaijiIntroPage *self,
                                  CaijiWizard    *wizard);

G_END_DECLS
