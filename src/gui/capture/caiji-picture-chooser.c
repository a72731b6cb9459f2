/* caiji-picture-chooser.c: pick a JPEG or PNG from a file (USB stick, album)
 *
 * GtkFileDialog is GTK 4.10; Debian 12 has 4.8, so this is the native
 * chooser, which uses the portal where there is one.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-picture-chooser.h"

typedef struct {
  GtkWidget          *owner;
  CaijiPictureChosen  chosen;
} Choice;

static void
response_cb (GtkNativeDialog *native,
             int              response,
             gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        choice->chosen (choice->owner, file);
    }
  g_object_unref (choice->owner);
  g_free (choice);
  g_object_unref (native);
}

static GtkFileFilter *
picture_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos (JPEG, PNG)"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  return filter;
}

void
caiji_picture_chooser_open (GtkWidget          *owner,
                            const char         *title,
                            CaijiPictureChosen  chosen)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = picture_filter ();
  Choice *choice;

  g_return_if_fail (chosen != NULL);

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  choice = g_new0 (Choice, 1);
  choice->owner = g_object_ref (owner);
  choice->chosen = chosen;
  g_signal_connect (native, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
