/* caiji-application.h: the kiosk application: options, store, window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAIJI_TYPE_APPLICATION (caiji_application_get_type ())
G_DECLARE_FINAL_TYPE (CaijiApplication, caiji_application, CAIJI, APPLICATION, AdwApplication)

CaijiApplication *caiji_application_new          (void);
gboolean          caiji_application_is_demo     (CaijiApplication *self);
const char       *caiji_application_get_demo_dir (CaijiApplication *self);

G_END_DECLS
