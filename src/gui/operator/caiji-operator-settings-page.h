/* caiji-operator-settings-page.h: the kiosk's settings, edited in place */
#pragma once

#include <adwaita.h>

#include "caiji-operator-pin.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_SETTINGS_PAGE (caiji_operator_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorSettingsPage, caiji_operator_settings_page, CAIJI, OPERATOR_SETTINGS_PAGE, AdwBin)

/* @settings: org.caiji.Kiosk; every field is bound to its key.  @pin:
 * what 'Change the operator PIN' changes. */
void caiji_operator_settings_page_set_settings (CaijiOperatorSettingsPage *self,
                                                GSettings                 *settings,
                                                CaijiOperatorPin          *pin);

G_END_DECLS
