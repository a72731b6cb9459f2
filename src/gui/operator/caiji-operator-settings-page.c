/* caiji-operator-settings-page.c: the kiosk's settings, edited in place
 *
 * Each field is bound to its GSettings key, so a change takes effect as
 * it is made and survives a restart; there is no separate Save that an
 * operator could forget.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-operator-idle.h"
#include "caiji-operator-pin-dialog.h"
#include "caiji-operator-settings-page.h"

struct _CaijiOperatorSettingsPage {
  AdwBin            parent_instance;

  GSettings        *settings;
  CaijiOperatorPin *pin;

  GtkSpinButton    *idle_spin;
  GtkSpinButton    *threshold_spin;
  GtkEditable      *hub_row;
  GtkEditable      *hub_ca_row;
  AdwComboRow      *profile_row;
  GtkEditable      *camera_row;
  GtkEditable      *reader_row;
  AdwComboRow      *language_row;
  AdwActionRow     *pin_row;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorSettingsPage, caiji_operator_settings_page, ADW_TYPE_BIN)

/* Combo rows choose among fixed values of a string key; the rows' items
 * are in the same order.  NULL-terminated. */
static const char *const languages[] = { "zh_CN", "en", NULL };   /* "" (default) is Chinese */
static const char *const photo_profiles[] = { "xuexin", "ga461", NULL };

/* Helpers */

/* Unknown values show as the first item, as the kiosk treats them. */
static gboolean
value_to_row (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  const char *const *choices = user_data;
  const char *current = g_variant_get_string (variant, NULL);
  guint selected = 0;

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_has_prefix (current, choices[i]))
      selected = i;
  g_value_set_uint (value, selected);
  return TRUE;
}

static GVariant *
row_to_value (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  const char *const *choices = user_data;
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (selected < g_strv_length ((char **) choices) ? choices[selected] : choices[0]);
}

static void
bind_choice (GSettings         *settings,
             const char        *key,
             AdwComboRow       *row,
             const char *const *choices)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                value_to_row, row_to_value, (gpointer) choices, NULL);
}

/* Callbacks */

static void
pin_changed_cb (CaijiOperatorSettingsPage *self)
{
  adw_action_row_set_subtitle (self->pin_row, _("The PIN was changed."));
}

static void
change_pin_clicked_cb (CaijiOperatorSettingsPage *self)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *dialog;

  g_return_if_fail (self->pin != NULL);

  dialog = caiji_operator_pin_dialog_new_change (window, self->pin);
  g_signal_connect_object (dialog, "accepted", G_CALLBACK (pin_changed_cb), self, G_CONNECT_SWAPPED);
  caiji_operator_idle_watch_dialog (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
caiji_operator_settings_page_dispose (GObject *object)
{
  CaijiOperatorSettingsPage *self = CAIJI_OPERATOR_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_SETTINGS_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->pin);

  G_OBJECT_CLASS (caiji_operator_settings_page_parent_class)->dispose (object);
}

static void
caiji_operator_settings_page_class_init (CaijiOperatorSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_settings_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, hub_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, hub_ca_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, profile_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, camera_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, reader_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, pin_row);
  gtk_widget_class_bind_template_callback (widget_class, change_pin_clicked_cb);
}

static void
caiji_operator_settings_page_init (CaijiOperatorSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

void
caiji_operator_settings_page_set_settings (CaijiOperatorSettingsPage *self,
                                           GSettings                 *settings,
                                           CaijiOperatorPin          *pin)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_SETTINGS_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (CAIJI_IS_OPERATOR_PIN (pin));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  self->pin = g_object_ref (pin);
  g_settings_bind (settings, "idle-timeout-seconds", self->idle_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "hub-url", self->hub_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "hub-ca-file", self->hub_ca_row, "text", G_SETTINGS_BIND_DEFAULT);
  bind_choice (settings, "photo-profile", self->profile_row, photo_profiles);
  g_settings_bind (settings, "face-match-threshold", self->threshold_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "camera-device", self->camera_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reader-port", self->reader_row, "text", G_SETTINGS_BIND_DEFAULT);
  bind_choice (settings, "language", self->language_row, languages);
}
