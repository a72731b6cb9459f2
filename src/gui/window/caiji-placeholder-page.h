/* caiji-placeholder-page.h: the page of a wizard step not built yet */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *caiji_placeholder_page_new (const char *title);

G_END_DECLS
