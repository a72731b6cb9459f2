/* caiji-identify-page.h: sign-in with ID number and password */
#pragma once

#include <adwaita.h>

#include "caiji-reader-watch.h"
#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_IDENTIFY_PAGE (caiji_identify_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiIdentifyPage, caiji_identify_page, CAIJI, IDENTIFY_PAGE, AdwBin)

void caiji_identify_page_set_wizard (CaijiIdentifyPage *self,
                                     CaijiWizard       *wizard);
void caiji_identify_page_clear      (CaijiIdentifyPage *self);
gboolean caiji_identify_page_is_blank (CaijiIdentifyPage *self);
void caiji_identify_page_set_reader (CaijiIdentifyPage *self,
                                     CaijiReaderWatch  *reader);

G_END_DECLS
