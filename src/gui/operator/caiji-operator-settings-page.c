/* caiji-operator-settings-page.c: the kiosk's settings, edited in place
 *
 * Each field is bound to its GSettings key, so a change takes effect as
 * it is made and survives a restart; there is no separate Save that an
 * operator could forget.
 */
#include "caiji-config.h"

#include "caiji-operator-settings-page.h"

struct _CaijiOperatorSettingsPage {
  AdwBin          parent_instance;

  GSettings      *settings;

  GtkSpinButton  *idle_spin;
  GtkEditable    *hub_row;
  GtkEditable    *profile_row;
  GtkEditable    *camera_row;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorSettingsPage, caiji_operator_settings_page, ADW_TYPE_BIN)

/* GObject */

static void
caiji_operator_settings_page_dispose (GObject *object)
{
  CaijiOperatorSettingsPage *self = CAIJI_OPERATOR_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_SETTINGS_PAGE);
  g_clear_object (&self->settings);

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
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, hub_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, profile_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorSettingsPage, camera_row);
}

static void
caiji_operator_settings_page_init (CaijiOperatorSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

void
caiji_operator_settings_page_set_settings (CaijiOperatorSettingsPage *self,
                                           GSettings                 *settings)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_SETTINGS_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "idle-timeout-seconds", self->idle_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "hub-url", self->hub_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "photo-profile", self->profile_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "camera-device", self->camera_row, "text", G_SETTINGS_BIND_DEFAULT);
}
