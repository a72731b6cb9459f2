/* caiji-face-page.h: step 3, 人脸识别: the live face against the ID photo */
#pragma once

#include <adwaita.h>

#include "caiji-camera-keeper.h"
#include "caiji-capture-analyzer.h"
#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_FACE_PAGE (caiji_face_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiFacePage, caiji_face_page, CAIJI, FACE_PAGE, AdwBin)

void caiji_face_page_set_wizard  (CaijiFacePage        *self,
                                  CaijiWizard          *wizard);
void caiji_face_page_set_capture (CaijiFacePage        *self,
                                  CaijiCameraKeeper    *keeper,
                                  CaijiCaptureAnalyzer *analyzer);
void caiji_face_page_set_demo_camera (CaijiFacePage *self,
                                      gboolean       demo_camera);

G_END_DECLS
