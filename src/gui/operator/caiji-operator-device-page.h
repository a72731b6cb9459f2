/* caiji-operator-device-page.h: database, disk and camera at a glance */
#pragma once

#include <adwaita.h>

#include "caiji-reader-watch.h"
#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_DEVICE_PAGE (caiji_operator_device_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorDevicePage, caiji_operator_device_page, CAIJI, OPERATOR_DEVICE_PAGE, AdwBin)

void caiji_operator_device_page_set_store         (CaijiOperatorDevicePage *self,
                                                   CaijiStore              *store);
void caiji_operator_device_page_refresh           (CaijiOperatorDevicePage *self);
void caiji_operator_device_page_set_reader        (CaijiOperatorDevicePage *self,
                                                   CaijiReaderWatch        *reader);

G_END_DECLS
