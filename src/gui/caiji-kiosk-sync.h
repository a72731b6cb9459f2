/* caiji-kiosk-sync.h: the kiosk's background delivery to the hub */
#pragma once

#include <gio/gio.h>

#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_KIOSK_SYNC (caiji_kiosk_sync_get_type ())
G_DECLARE_FINAL_TYPE (CaijiKioskSync, caiji_kiosk_sync, CAIJI, KIOSK_SYNC, GObject)

CaijiKioskSync *caiji_kiosk_sync_new         (CaijiStore     *store,
                                              GSettings      *settings);
const char     *caiji_kiosk_sync_get_hub_url (CaijiKioskSync *self);
const char     *caiji_kiosk_sync_get_problem (CaijiKioskSync *self);
gboolean        caiji_kiosk_sync_is_running  (CaijiKioskSync *self);
void            caiji_kiosk_sync_now         (CaijiKioskSync *self);

G_END_DECLS
