/* caiji-picture-chooser.h: pick a JPEG or PNG from a file (USB stick, album) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called only when a file was chosen. */
typedef void (*CaijiPictureChosen) (GtkWidget *owner,
                                    GFile     *file);

void caiji_picture_chooser_open (GtkWidget          *owner,
                                 const char         *title,
                                 CaijiPictureChosen  chosen);

G_END_DECLS
