/* caiji-keypad.c: the on-screen keypad for ID numbers and passwords
 *
 * The kiosk has no physical keyboard and no on-screen keyboard, and an ID
 * number needs only 0-9 and X, so the sign-in page carries its own keypad.
 * The keys never take the focus: the entry being typed into keeps it.
 *
 * Signals: "key-pressed" (the key's character as a string) and
 * "backspace-pressed".  Property "x-key-visible": the X key belongs to ID
 * numbers; a PIN pad hides it.
 */
#include "caiji-config.h"

#include <string.h>

#include "caiji-keypad.h"

struct _CaijiKeypad {
  AdwBin     parent_instance;

  GtkButton *backspace_button;
  GtkButton *x_button;
};

G_DEFINE_FINAL_TYPE (CaijiKeypad, caiji_keypad, ADW_TYPE_BIN)

enum {
  KEY_PRESSED,
  BACKSPACE_PRESSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_X_KEY_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Callbacks */

static void
key_clicked_cb (CaijiKeypad *self,
                GtkButton   *button)
{
  g_signal_emit (self, signals[KEY_PRESSED], 0, gtk_button_get_label (button));
}

static void
backspace_clicked_cb (CaijiKeypad *self)
{
  g_signal_emit (self, signals[BACKSPACE_PRESSED], 0);
}

/* GObject */

static void
caiji_keypad_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CaijiKeypad *self = CAIJI_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_X_KEY_VISIBLE:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->x_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_keypad_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CaijiKeypad *self = CAIJI_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_X_KEY_VISIBLE:
      gtk_widget_set_visible (GTK_WIDGET (self->x_button), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_keypad_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAIJI_TYPE_KEYPAD);

  G_OBJECT_CLASS (caiji_keypad_parent_class)->dispose (object);
}

static void
caiji_keypad_class_init (CaijiKeypadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_keypad_dispose;
  object_class->get_property = caiji_keypad_get_property;
  object_class->set_property = caiji_keypad_set_property;

  properties[PROP_X_KEY_VISIBLE] =
    g_param_spec_boolean ("x-key-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[KEY_PRESSED] = g_signal_new ("key-pressed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[BACKSPACE_PRESSED] = g_signal_new ("backspace-pressed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-keypad.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiKeypad, backspace_button);
  gtk_widget_class_bind_template_child (widget_class, CaijiKeypad, x_button);
  gtk_widget_class_bind_template_callback (widget_class, key_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, backspace_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "keypad");
}

static void
caiji_keypad_init (CaijiKeypad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
caiji_keypad_new (void)
{
  return g_object_new (CAIJI_TYPE_KEYPAD, NULL);
}

gboolean
caiji_keypad_append_to (GtkEditable *target,
                        const char  *key,
                        gsize        max_length)
{
  const char *text = gtk_editable_get_text (target);
  g_autofree char *longer = NULL;

  if (strlen (text) >= max_length)
    return FALSE;
  longer = g_strconcat (text, key, NULL);
  gtk_editable_set_text (target, longer);
  gtk_editable_set_position (target, -1);
  return TRUE;
}

void
caiji_keypad_backspace_in (GtkEditable *target)
{
  const char *text = gtk_editable_get_text (target);
  g_autofree char *shorter = NULL;

  if (text[0] == '\0')
    return;
  shorter = g_strndup (text, strlen (text) - 1);
  gtk_editable_set_text (target, shorter);
  gtk_editable_set_position (target, -1);
}
