/* caiji-operator-mode.h: from the kiosk's staff button into operator mode */
#pragma once

#include <gtk/gtk.h>

#include "caiji-store.h"

G_BEGIN_DECLS

/* Asks for the operator PIN (or, on first run, for a new one) over
 * @kiosk, then opens operator mode on @store. */
void caiji_operator_mode_open (GtkWindow  *kiosk,
                               CaijiStore *store);

G_END_DECLS
