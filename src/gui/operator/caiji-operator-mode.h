/* caiji-operator-mode.h: from the kiosk's staff button into operator mode */
#pragma once

#include <gtk/gtk.h>

#include "caiji-kiosk-sync.h"
#include "caiji-store.h"

G_BEGIN_DECLS

/* Asks for the operator PIN (or, on first run, for a new one) over
 * @kiosk, then opens operator mode on @store and @sync (nullable). */
void caiji_operator_mode_open (GtkWindow      *kiosk,
                               CaijiStore     *store,
                               CaijiKioskSync *sync);

G_END_DECLS
