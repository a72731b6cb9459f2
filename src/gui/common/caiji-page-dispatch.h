/* caiji-page-dispatch.h: how a page hands a user input to the wizard */
#pragma once

#include <gtk/gtk.h>

#include "caiji-wizard.h"

G_BEGIN_DECLS

/* Called on the main thread once the wizard has saved and applied the
 * event (error == NULL) or refused it. */
typedef void (*CaijiPageDispatchDone) (GtkWidget    *page,
                                       const GError *error);

void caiji_page_dispatch   (GtkWidget             *page,
                            CaijiWizard           *wizard,
                            CaijiWizardEvent      *event,
                            GtkLabel              *error_label,
                            CaijiPageDispatchDone  done);
void caiji_page_show_error (GtkLabel              *error_label,
                            const GError          *error);

G_END_DECLS
