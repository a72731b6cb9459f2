/* caiji-card-page.h: step 1, 证件识别: both sides of the resident ID card */
#pragma once

#include <adwaita.h>

#include "caiji-camera-keeper.h"
#include "caiji-capture-analyzer.h"
#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_CARD_PAGE (caiji_card_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiCardPage, caiji_card_page, CAIJI, CARD_PAGE, AdwBin)

void caiji_card_page_set_wizard  (CaijiCardPage        *self,
                                  CaijiWizard          *wizard);
void caiji_card_page_set_capture (CaijiCardPage        *self,
                                  CaijiCameraKeeper    *keeper,
                                  CaijiCaptureAnalyzer *analyzer);

G_END_DECLS
