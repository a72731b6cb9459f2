/* caiji-gui-driver.h: drives the kiosk window the way a candidate does
 *
 * Shared by the widget tests and the screenshot run.  A fixture is a
 * fresh database with a synthetic roster, the real window, a demo camera
 * playing ../shared/testdata/faces and the scripted analyzer.
 */
#pragma once

#include <adwaita.h>

#include "caiji-camera-keeper.h"
#include "caiji-test-gtk.h"
#include "caiji-scripted-analyzer.h"
#include "caiji-store.h"
#include "caiji-window.h"
#include "caiji-wizard.h"

G_BEGIN_DECLS

typedef struct {
  char                  *dir;
  CaijiStore            *store;
  CaijiWizard           *wizard;
  CaijiWindow           *window;
  CaijiCandidate        *candidate;
  CaijiScriptedAnalyzer *analyzer;
  CaijiCameraKeeper     *keeper;
} CaijiGuiFixture;

/* As set-up data: the demo camera's folder is <dir>/camera, which does
 * not exist until the test makes it. */
#define CAIJI_GUI_MISSING_CAMERA "camera"

typedef gboolean (*CaijiGuiCondition) (CaijiGuiFixture *fixture,
                                       gconstpointer    data);

void        caiji_gui_init              (int              *argc,
                                         char           ***argv);
void        caiji_gui_fixture_set_up    (CaijiGuiFixture  *fixture,
                                         gconstpointer     data);
void        caiji_gui_fixture_tear_down (CaijiGuiFixture  *fixture,
                                         gconstpointer     data);

void        caiji_gui_wait              (CaijiGuiFixture  *fixture,
                                         CaijiGuiCondition condition,
                                         gconstpointer     data,
                                         const char       *what);
void        caiji_gui_wait_page         (CaijiGuiFixture  *fixture,
                                         const char       *page);
void        caiji_gui_wait_sensitive    (CaijiGuiFixture  *fixture,
                                         GtkWidget        *widget);
void        caiji_gui_wait_visible      (CaijiGuiFixture  *fixture,
                                         GtkWidget        *widget);
void        caiji_gui_wait_label        (CaijiGuiFixture  *fixture,
                                         GtkWidget        *label,
                                         const char       *text);

GtkWidget  *caiji_gui_child             (gpointer          widget,
                                         GType             type,
                                         const char       *name);
GtkWidget  *caiji_gui_page              (CaijiGuiFixture  *fixture,
                                         const char       *name);
const char *caiji_gui_label             (GtkWidget        *label);
GtkWindow  *caiji_gui_find_toplevel     (GType             type);

void        caiji_gui_sign_in           (CaijiGuiFixture  *fixture);
void        caiji_gui_reach_card        (CaijiGuiFixture  *fixture);
void        caiji_gui_take_card         (CaijiGuiFixture  *fixture,
                                         CaijiCardSide     slot,
                                         CaijiCardSide     shown);
void        caiji_gui_complete_card     (CaijiGuiFixture  *fixture);
void        caiji_gui_reach_photo       (CaijiGuiFixture  *fixture);
void        caiji_gui_upload_photo      (CaijiGuiFixture  *fixture,
                                         const char       *relative_path);
void        caiji_gui_reach_face        (CaijiGuiFixture  *fixture);

G_END_DECLS
