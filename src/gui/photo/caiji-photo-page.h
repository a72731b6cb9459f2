/* caiji-photo-page.h: step 2, 照片识别: the candidate's standard ID photo */
#pragma once

#include <adwaita.h>

#include "caiji-camera-keeper.h"
#include "caiji-capture-analyzer.h"
#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_PHOTO_PAGE (caiji_photo_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiPhotoPage, caiji_photo_page, CAIJI, PHOTO_PAGE, AdwBin)

void caiji_photo_page_set_wizard   (CaijiPhotoPage       *self,
                                    CaijiWizard          *wizard);
void caiji_photo_page_set_capture  (CaijiPhotoPage       *self,
                                    CaijiCameraKeeper    *keeper,
                                    CaijiCaptureAnalyzer *analyzer);

G_END_DECLS
