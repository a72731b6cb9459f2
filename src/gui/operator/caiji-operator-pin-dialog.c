/* caiji-operator-pin-dialog.c: the PIN pad in front of operator mode
 *
 * Touch kiosks have no keyboard, so the PIN is typed on the same keypad
 * as the candidate's ID number (without its X key); a desk keyboard types
 * into the entry directly.  A new PIN (first run, or a change) is asked
 * for twice, so a typo cannot lock everyone out.  The typed PINs are
 * wiped from memory as soon as they are used.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caiji-keypad.h"
#include "caiji-operator-pin-dialog.h"

typedef enum {
  STAGE_VERIFY,    /* opening operator mode */
  STAGE_CURRENT,   /* changing the PIN: the current one first */
  STAGE_CHOOSE,    /* the new PIN */
  STAGE_REPEAT,    /* the same again */
} Stage;

struct _CaijiOperatorPinDialog {
  AdwWindow         parent_instance;

  CaijiOperatorPin *pin;
  gboolean          changing;   /* else first run or opening */
  Stage             stage;
  char             *current;    /* the confirmed current PIN, when changing */
  char             *chosen;     /* the first entry of a new PIN */

  GtkLabel         *heading_label;
  GtkLabel         *body_label;
  GtkEditable      *pin_entry;
  GtkLabel         *error_label;
  GtkButton        *ok_button;
  GtkSpinner       *spinner;
  CaijiKeypad      *keypad;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorPinDialog, caiji_operator_pin_dialog, ADW_TYPE_WINDOW)

enum {
  ACCEPTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
wipe (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
show_error (CaijiOperatorPinDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_texts (CaijiOperatorPinDialog *self,
            const char             *heading,
            const char             *body)
{
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->body_label, body);
}

static void
set_stage (CaijiOperatorPinDialog *self,
           Stage                   stage)
{
  self->stage = stage;
  gtk_editable_set_text (self->pin_entry, "");
  if (stage == STAGE_VERIFY)
    show_texts (self, _("Enter the operator PIN"), _("Operator mode is for the registration staff only."));
  else if (stage == STAGE_CURRENT)
    show_texts (self, _("Enter the current PIN"), _("To change the operator PIN, first confirm the current one."));
  else if (stage == STAGE_CHOOSE && self->changing)
    show_texts (self, _("Choose the new PIN"), _("Choose 4 to 8 digits."));
  else if (stage == STAGE_CHOOSE)
    show_texts (self, _("Set an operator PIN"),
                _("No operator PIN is set on this kiosk yet. Choose 4 to 8 digits; the staff will need them to open operator mode."));
  else
    show_texts (self, _("Enter the new PIN again"), _("Type the same digits once more to confirm them."));
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

static void
set_busy (CaijiOperatorPinDialog *self,
          gboolean                busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ok_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keypad), !busy);
  gtk_editable_set_editable (self->pin_entry, !busy);
}

static void
accept (CaijiOperatorPinDialog *self)
{
  g_signal_emit (self, signals[ACCEPTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
finish_check (CaijiOperatorPinDialog  *self,
              CaijiOperatorPin        *pin,
              GAsyncResult            *result,
              GError                 **error)
{
  if (self->stage == STAGE_VERIFY || self->stage == STAGE_CURRENT)
    return caiji_operator_pin_verify_finish (pin, result, error);
  if (self->changing)
    return caiji_operator_pin_change_finish (pin, result, error);
  return caiji_operator_pin_set_finish (pin, result, error);
}

/* Where a refusal sends the operator back to: a change starts over from
 * the current PIN, a first run from choosing. */
static Stage
stage_after_refusal (CaijiOperatorPinDialog *self)
{
  if (self->stage == STAGE_VERIFY)
    return STAGE_VERIFY;
  return self->changing ? STAGE_CURRENT : STAGE_CHOOSE;
}

static void
save_new_pin (CaijiOperatorPinDialog *self,
              const char             *typed);

/* Callbacks */

static void
pin_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CaijiOperatorPinDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = finish_check (self, CAIJI_OPERATOR_PIN (source), result, &error);

  /* Cancelled while the check ran: nothing opens behind the operator's back. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) || self->pin == NULL)
    return;
  set_busy (self, FALSE);
  if (ok && self->stage == STAGE_CURRENT)
    {
      set_stage (self, STAGE_CHOOSE);
      return;
    }
  if (ok)
    {
      accept (self);
      return;
    }
  wipe (&self->current);
  show_error (self, error->message);
  set_stage (self, stage_after_refusal (self));
}

static void
submit_new_pin (CaijiOperatorPinDialog *self,
                const char             *typed)
{
  g_autoptr(GError) error = NULL;

  if (self->stage == STAGE_CHOOSE)
    {
      /* Refuse a bad shape now, not after it was typed twice. */
      if (!caiji_operator_pin_check_rules (typed, &error))
        {
          show_error (self, error->message);
          gtk_editable_set_text (self->pin_entry, "");
          return;
        }
      self->chosen = g_strdup (typed);
      set_stage (self, STAGE_REPEAT);
      return;
    }
  if (g_strcmp0 (self->chosen, typed) != 0)
    {
      wipe (&self->chosen);
      show_error (self, _("The two PINs are different. Please choose the PIN again."));
      set_stage (self, STAGE_CHOOSE);
      return;
    }
  wipe (&self->chosen);
  save_new_pin (self, typed);
}

static void
save_new_pin (CaijiOperatorPinDialog *self,
              const char             *typed)
{
  set_busy (self, TRUE);
  if (self->changing)
    caiji_operator_pin_change_async (self->pin, self->current, typed, NULL, pin_checked_cb,
                                     g_object_ref (self));
  else
    caiji_operator_pin_set_async (self->pin, typed, NULL, pin_checked_cb, g_object_ref (self));
}

static void
check_typed (CaijiOperatorPinDialog *self,
             const char             *typed)
{
  if (self->stage == STAGE_CHOOSE || self->stage == STAGE_REPEAT)
    {
      submit_new_pin (self, typed);
      return;
    }
  /* The current PIN is kept for the change itself, which checks it again. */
  if (self->stage == STAGE_CURRENT)
    self->current = g_strdup (typed);
  set_busy (self, TRUE);
  caiji_operator_pin_verify_async (self->pin, typed, NULL, pin_checked_cb, g_object_ref (self));
}

static void
ok_clicked_cb (CaijiOperatorPinDialog *self)
{
  g_autofree char *typed = g_strdup (gtk_editable_get_text (self->pin_entry));

  if (!caiji_operator_pin_is_busy (self->pin))
    {
      show_error (self, NULL);
      check_typed (self, typed);
    }
  memset (typed, 0, strlen (typed));
}

static void
key_pressed_cb (CaijiOperatorPinDialog *self,
                const char             *key)
{
  caiji_keypad_append_to (self->pin_entry, key, CAIJI_OPERATOR_PIN_MAX_LENGTH);
}

static void
backspace_pressed_cb (CaijiOperatorPinDialog *self)
{
  caiji_keypad_backspace_in (self->pin_entry);
}

static void
cancel_clicked_cb (CaijiOperatorPinDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
caiji_operator_pin_dialog_dispose (GObject *object)
{
  CaijiOperatorPinDialog *self = CAIJI_OPERATOR_PIN_DIALOG (object);

  wipe (&self->chosen);
  wipe (&self->current);
  g_clear_object (&self->pin);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_PIN_DIALOG);

  G_OBJECT_CLASS (caiji_operator_pin_dialog_parent_class)->dispose (object);
}

static void
caiji_operator_pin_dialog_class_init (CaijiOperatorPinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_pin_dialog_dispose;

  signals[ACCEPTED] = g_signal_new ("accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CAIJI_TYPE_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-pin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorPinDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorPinDialog, body_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorPinDialog, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorPinDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorPinDialog, ok_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorPinDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorPinDialog, keypad);
  gtk_widget_class_bind_template_callback (widget_class, ok_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backspace_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
caiji_operator_pin_dialog_init (CaijiOperatorPinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

static CaijiOperatorPinDialog *
pin_dialog_new (GtkWindow        *parent,
                CaijiOperatorPin *pin,
                gboolean          changing)
{
  CaijiOperatorPinDialog *self = g_object_new (CAIJI_TYPE_OPERATOR_PIN_DIALOG,
                                               "transient-for", parent,
                                               "modal", TRUE,
                                               NULL);

  self->pin = g_object_ref (pin);
  self->changing = changing;
  return self;
}

GtkWidget *
caiji_operator_pin_dialog_new (GtkWindow        *parent,
                               CaijiOperatorPin *pin)
{
  CaijiOperatorPinDialog *self;

  g_return_val_if_fail (CAIJI_IS_OPERATOR_PIN (pin), NULL);

  self = pin_dialog_new (parent, pin, FALSE);
  set_stage (self, caiji_operator_pin_is_set (pin) ? STAGE_VERIFY : STAGE_CHOOSE);
  return GTK_WIDGET (self);
}

GtkWidget *
caiji_operator_pin_dialog_new_change (GtkWindow        *parent,
                                      CaijiOperatorPin *pin)
{
  CaijiOperatorPinDialog *self;

  g_return_val_if_fail (CAIJI_IS_OPERATOR_PIN (pin), NULL);

  self = pin_dialog_new (parent, pin, TRUE);
  set_stage (self, STAGE_CURRENT);
  return GTK_WIDGET (self);
}
