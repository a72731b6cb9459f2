/* caiji-operator-sync-page.h: delivery to the central server, for the desk */
#pragma once

#include <adwaita.h>

#include "caiji-kiosk-sync.h"
#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_SYNC_PAGE (caiji_operator_sync_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorSyncPage, caiji_operator_sync_page, CAIJI, OPERATOR_SYNC_PAGE, AdwBin)

/* sync: nullable when the kiosk has no background sync (tests). */
void caiji_operator_sync_page_set_sync (CaijiOperatorSyncPage *self,
                                        CaijiStore            *store,
                                        CaijiKioskSync        *sync);
void caiji_operator_sync_page_refresh  (CaijiOperatorSyncPage *self);

G_END_DECLS
