/* caiji-window.h: the kiosk's single window, one page per wizard page */
#pragma once

#include <adwaita.h>

#include "caiji-camera-keeper.h"
#include "caiji-capture-analyzer.h"
#include "caiji-kiosk-sync.h"
#include "caiji-reader-watch.h"
#include "caiji-wizard.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_WINDOW (caiji_window_get_type ())
G_DECLARE_FINAL_TYPE (CaijiWindow, caiji_window, CAIJI, WINDOW, AdwApplicationWindow)

CaijiWindow *caiji_window_new              (GtkApplication *application);
void         caiji_window_set_wizard       (CaijiWindow    *self,
                                            CaijiWizard    *wizard);
void         caiji_window_set_capture      (CaijiWindow          *self,
                                            CaijiCameraKeeper    *keeper,
                                            CaijiCaptureAnalyzer *analyzer);
void         caiji_window_set_demo_camera  (CaijiWindow    *self,
                                            gboolean        demo_camera);
void         caiji_window_set_sync         (CaijiWindow    *self,
                                            CaijiKioskSync *sync);
void         caiji_window_set_reader       (CaijiWindow      *self,
                                            CaijiReaderWatch *reader);
void         caiji_window_set_idle_timeout (CaijiWindow    *self,
                                            guint           seconds);
void         caiji_window_show_store_error (CaijiWindow    *self,
                                            const char     *path,
                                            const GError   *error);
const char  *caiji_window_get_visible_page (CaijiWindow    *self);

G_END_DECLS
