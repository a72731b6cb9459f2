/* caiji-operator-window.h: operator mode, over the kiosk */
#pragma once

#include <adwaita.h>

#include "caiji-kiosk-sync.h"
#include "caiji-operator-pin.h"
#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_WINDOW (caiji_operator_window_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorWindow, caiji_operator_window, CAIJI, OPERATOR_WINDOW, AdwWindow)

/* sync: nullable, the kiosk's background delivery to the hub. */
GtkWidget *caiji_operator_window_new (GtkWindow        *kiosk,
                                      CaijiStore       *store,
                                      CaijiKioskSync   *sync,
                                      GSettings        *settings,
                                      CaijiOperatorPin *pin);

G_END_DECLS
