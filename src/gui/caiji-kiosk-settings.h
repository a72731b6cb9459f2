/* caiji-kiosk-settings.h: the kiosk's GSettings, when the schema is installed */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *caiji_kiosk_settings_new (void);

G_END_DECLS
