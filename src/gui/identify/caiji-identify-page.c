/* caiji-identify-page.c: sign-in with ID number and password, or a tap
 * of the ID card on the chip reader
 *
 * The seed's 登录: the account is the ID number, the password its last six
 * characters.  Both are typed on the page's own keypad, into whichever of
 * the two fields was last touched; a full ID number moves on to the
 * password by itself.  A physical keyboard at the desk works as well.
 * With a chip reader configured, the reader is polled while the page is
 * on screen, and a card signs its holder in by the card's number.
 */
#include "caiji-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "caiji-id-number.h"
#include "caiji-identify-page.h"
#include "caiji-keypad.h"
#include "caiji-page-dispatch.h"
#include "caiji-reader-watch.h"

struct _CaijiIdentifyPage {
  AdwBin       parent_instance;

  CaijiWizard *wizard;
  GtkEditable *target;           /* where the keypad types: one of the two rows */

  AdwEntryRow *id_row;
  AdwEntryRow *password_row;
  CaijiKeypad *keypad;
  GtkLabel    *error_label;
  GtkButton   *sign_in_button;
  GtkWidget   *reader_box;

  CaijiReaderWatch *reader;      /* NULL without a chip reader */
};

G_DEFINE_FINAL_TYPE (CaijiIdentifyPage, caiji_identify_page, ADW_TYPE_BIN)

/* Helpers */

static guint
max_length (CaijiIdentifyPage *self,
            GtkEditable       *editable)
{
  return editable == GTK_EDITABLE (self->id_row) ? CAIJI_ID_NUMBER_LENGTH
                                                 : CAIJI_ID_PASSWORD_LENGTH;
}

static void
set_target (CaijiIdentifyPage *self,
            AdwEntryRow       *row)
{
  self->target = GTK_EDITABLE (row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* No focus grab here: the page is on its way out, and focus left inside
 * a page the stack is hiding leaves GtkText blinking without focus. The
 * page takes the focus again when it is mapped. */
static void
clear_fields (CaijiIdentifyPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  self->target = GTK_EDITABLE (self->id_row);
}

static void
show_message (CaijiIdentifyPage *self,
              const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Callbacks */

static void
signed_in_cb (GtkWidget    *page,
              const GError *error)
{
  CaijiIdentifyPage *self = CAIJI_IDENTIFY_PAGE (page);

  /* Nothing of the candidate stays on screen once they are through. */
  if (error == NULL)
    {
      clear_fields (self);
      return;
    }
  if (g_error_matches (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_WRONG_PASSWORD) ||
      g_error_matches (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_LOCKED))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      set_target (self, self->password_row);
    }
  else
    set_target (self, self->id_row);
}

static void
sign_in_clicked_cb (CaijiIdentifyPage *self)
{
  const char *id_number = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  g_return_if_fail (self->wizard != NULL);

  /* An empty password is a slip, not a wrong guess: it must not count
   * towards the lockout. */
  if (id_number[0] != '\0' && password[0] == '\0')
    {
      show_message (self, _("Please enter your password: the last six characters of your ID number."));
      set_target (self, self->password_row);
      return;
    }
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard,
                       caiji_wizard_event_new_sign_in (id_number, password),
                       self->error_label, signed_in_cb);
}

static void
card_read_cb (CaijiIdentifyPage      *self,
              const CaijiCardReading *card)
{
  g_return_if_fail (self->wizard != NULL);

  clear_fields (self);
  caiji_page_dispatch (GTK_WIDGET (self), self->wizard, caiji_wizard_event_new_card_tap (card),
                       self->error_label, signed_in_cb);
}

static void
card_refused_cb (CaijiIdentifyPage *self,
                 const char        *message)
{
  show_message (self, message);
}

static void
key_pressed_cb (CaijiIdentifyPage *self,
                const char        *key)
{
  if (!caiji_keypad_append_to (self->target, key, max_length (self, self->target)))
    return;
  if (self->target == GTK_EDITABLE (self->id_row) &&
      strlen (gtk_editable_get_text (self->target)) == CAIJI_ID_NUMBER_LENGTH)
    set_target (self, self->password_row);
}

static void
backspace_pressed_cb (CaijiIdentifyPage *self)
{
  caiji_keypad_backspace_in (self->target);
}

static void
id_activated_cb (CaijiIdentifyPage *self)
{
  set_target (self, self->password_row);
}

/* The reader is polled only while the page is on screen: a card left on
 * it must not sign anyone in from the middle of another's capture. */
static void
mapped_cb (CaijiIdentifyPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->target));
  if (self->reader != NULL)
    caiji_reader_watch_start (self->reader);
}

static void
unmapped_cb (CaijiIdentifyPage *self)
{
  if (self->reader != NULL)
    caiji_reader_watch_stop (self->reader);
}

static void
row_focused_cb (GtkEventControllerFocus *controller,
                CaijiIdentifyPage       *self)
{
  self->target = GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
track_focus (CaijiIdentifyPage *self,
             AdwEntryRow       *row)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "enter", G_CALLBACK (row_focused_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

/* GObject */

static void
caiji_identify_page_dispose (GObject *object)
{
  CaijiIdentifyPage *self = CAIJI_IDENTIFY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_IDENTIFY_PAGE);
  g_clear_object (&self->wizard);
  if (self->reader != NULL)
    {
      caiji_reader_watch_stop (self->reader);
      g_signal_handlers_disconnect_by_data (self->reader, self);
      g_clear_object (&self->reader);
    }

  G_OBJECT_CLASS (caiji_identify_page_parent_class)->dispose (object);
}

static void
caiji_identify_page_class_init (CaijiIdentifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_identify_page_dispose;

  g_type_ensure (CAIJI_TYPE_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-identify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiIdentifyPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiIdentifyPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiIdentifyPage, keypad);
  gtk_widget_class_bind_template_child (widget_class, CaijiIdentifyPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiIdentifyPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiIdentifyPage, reader_box);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backspace_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_activated_cb);
}

static void
caiji_identify_page_init (CaijiIdentifyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->target = GTK_EDITABLE (self->id_row);
  track_focus (self, self->id_row);
  track_focus (self, self->password_row);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmapped_cb), NULL);
}

/* Public API */

/* The idle timeout: whatever was typed or refused is not left for the
 * next person at the kiosk. */
void
caiji_identify_page_clear (CaijiIdentifyPage *self)
{
  g_return_if_fail (CAIJI_IS_IDENTIFY_PAGE (self));

  clear_fields (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

/* Nothing typed and no message shown: nothing here for the idle timeout
 * to wipe. */
gboolean
caiji_identify_page_is_blank (CaijiIdentifyPage *self)
{
  g_return_val_if_fail (CAIJI_IS_IDENTIFY_PAGE (self), TRUE);

  return *gtk_editable_get_text (GTK_EDITABLE (self->id_row)) == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) == '\0' &&
         !gtk_widget_get_visible (GTK_WIDGET (self->error_label));
}

void
caiji_identify_page_set_wizard (CaijiIdentifyPage *self,
                                CaijiWizard       *wizard)
{
  g_return_if_fail (CAIJI_IS_IDENTIFY_PAGE (self));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));

  g_set_object (&self->wizard, wizard);
}

/* The chip reader to poll while the page is shown; NULL for none. */
void
caiji_identify_page_set_reader (CaijiIdentifyPage *self,
                                CaijiReaderWatch  *reader)
{
  g_return_if_fail (CAIJI_IS_IDENTIFY_PAGE (self));
  g_return_if_fail (reader == NULL || CAIJI_IS_READER_WATCH (reader));

  if (self->reader != NULL)
    {
      caiji_reader_watch_stop (self->reader);
      g_signal_handlers_disconnect_by_data (self->reader, self);
    }
  g_set_object (&self->reader, reader);
  gtk_widget_set_visible (self->reader_box, reader != NULL);
  if (reader == NULL)
    return;
  g_signal_connect_swapped (reader, "card-read", G_CALLBACK (card_read_cb), self);
  g_signal_connect_swapped (reader, "card-refused", G_CALLBACK (card_refused_cb), self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    caiji_reader_watch_start (reader);
}
