/* caiji-idle-watch.h: notices when nobody has touched the kiosk for a while */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAIJI_TYPE_IDLE_WATCH (caiji_idle_watch_get_type ())
G_DECLARE_FINAL_TYPE (CaijiIdleWatch, caiji_idle_watch, CAIJI, IDLE_WATCH, GObject)

/* How long before the timeout the warning starts, at most. */
#define CAIJI_IDLE_WARNING_SECONDS 10

CaijiIdleWatch *caiji_idle_watch_new         (GtkWidget      *window);
void            caiji_idle_watch_set_timeout (CaijiIdleWatch *self,
                                              guint           seconds);
void            caiji_idle_watch_poke        (CaijiIdleWatch *self);

G_END_DECLS
