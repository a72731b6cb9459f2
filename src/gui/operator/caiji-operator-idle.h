/* caiji-operator-idle.h: operator mode closes itself when left alone */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Closes @window after the kiosk's idle timeout (GSettings
 * "idle-timeout-seconds"; 0 never) without input in it or in the dialogs
 * passed to caiji_operator_idle_watch_dialog(). */
void caiji_operator_idle_watch        (GtkWindow *window,
                                       GSettings *settings);
/* Input in @dialog counts as input in the window it is transient for. */
void caiji_operator_idle_watch_dialog (GtkWindow *dialog);

G_END_DECLS
