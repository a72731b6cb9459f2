/* caiji-operator-device-page.c: database, disk, camera and reader at a
 * glance
 *
 * What a desk operator checks before a busy morning: the database is the
 * right file and healthy, how many records are in each state, whether
 * the disk has room for the day's pictures, and whether the ID card
 * reader answers.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-camera-monitor.h"
#include "caiji-operator-device-page.h"
#include "caiji-operator-tasks.h"
#include "caiji-reader-watch.h"

/* A day at a busy desk is a few hundred records of four pictures each,
 * well under this; below it the operator should make room first. */
#define LOW_SPACE_BYTES (1024 * 1024 * 1024)

struct _CaijiOperatorDevicePage {
  AdwBin                parent_instance;

  CaijiStore           *store;
  CaijiReaderWatch     *reader;    /* NULL without a chip reader */
  CaijiCameraMonitor   *cameras;
  GCancellable         *cancellable;
  GtkLabel             *status_counts[CAIJI_RECORD_N_STATUSES];

  AdwActionRow         *path_row;
  GtkLabel             *integrity_value;
  GtkLabel             *roster_value;
  GtkLabel             *outbox_value;
  GtkLabel             *space_value;
  GtkLabel             *camera_value;
  GtkLabel             *reader_value;
  AdwPreferencesGroup  *records_group;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorDevicePage, caiji_operator_device_page, ADW_TYPE_BIN)

/* Helpers */

static GtkLabel *
add_count_row (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new ("–");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (value, "field-value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (value);
}

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_label_set_text (label, text);
}

static char *
describe_space (const CaijiOperatorDeviceStatus *status)
{
  g_autofree char *free_text = NULL;
  g_autofree char *total_text = NULL;

  if (!status->has_space)
    return g_strdup (_("Unknown"));
  free_text = g_format_size (status->free_bytes);
  total_text = g_format_size (status->total_bytes);
  /* TRANSLATORS: "12.3 GB free of 250.0 GB" */
  return g_strdup_printf (_("%s free of %s"), free_text, total_text);
}

static void
show_status (CaijiOperatorDevicePage         *self,
             const CaijiOperatorDeviceStatus *status)
{
  g_autofree char *space = describe_space (status);
  gboolean healthy = g_strcmp0 (status->check.integrity, "ok") == 0;

  adw_action_row_set_subtitle (self->path_row, status->database_path);
  gtk_label_set_text (self->integrity_value, healthy ? _("Healthy") : status->check.integrity);
  set_count (self->roster_value, status->check.roster);
  set_count (self->outbox_value, status->check.outbox_pending);
  for (CaijiRecordStatus i = 0; i < CAIJI_RECORD_N_STATUSES; i++)
    set_count (self->status_counts[i], status->check.records_by_status[i]);
  gtk_label_set_text (self->space_value, space);
  if (status->has_space && status->free_bytes < LOW_SPACE_BYTES)
    gtk_widget_add_css_class (GTK_WIDGET (self->space_value), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->space_value), "error");
}

/* Live: a camera unplugged while operator mode is open shows at once. */
static void
show_cameras (CaijiOperatorDevicePage *self)
{
  g_autoptr(GPtrArray) cameras = caiji_camera_monitor_list_cameras (self->cameras);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < cameras->len; i++)
    {
      const CaijiCameraInfo *info = g_ptr_array_index (cameras, i);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, info->name);
      if (info->device != NULL)
        g_string_append_printf (text, " (%s)", info->device);
    }
  gtk_label_set_text (self->camera_value, cameras->len > 0 ? text->str : _("No camera connected"));
}

/* Callbacks */

static void
reader_status_cb (CaijiOperatorDevicePage *self)
{
  g_autofree char *text = caiji_reader_watch_describe (self->reader);
  CaijiReaderWatchStatus status = caiji_reader_watch_get_status (self->reader);

  gtk_label_set_text (self->reader_value, text);
  if (status == CAIJI_READER_WATCH_NOT_FOUND || status == CAIJI_READER_WATCH_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->reader_value), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reader_value), "error");
}

static void
status_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiOperatorDeviceStatus) status = caiji_operator_device_status_finish (result, &error);
  CaijiOperatorDevicePage *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (status != NULL)
    show_status (self, status);
}

static void
refresh_clicked_cb (CaijiOperatorDevicePage *self)
{
  caiji_operator_device_page_refresh (self);
}

/* GObject */

static void
caiji_operator_device_page_dispose (GObject *object)
{
  CaijiOperatorDevicePage *self = CAIJI_OPERATOR_DEVICE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->reader != NULL)
    g_signal_handlers_disconnect_by_data (self->reader, self);
  g_clear_object (&self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_DEVICE_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->cameras);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (caiji_operator_device_page_parent_class)->dispose (object);
}

static void
caiji_operator_device_page_class_init (CaijiOperatorDevicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_device_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-device-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, path_row);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, integrity_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, roster_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, outbox_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, space_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, camera_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, reader_value);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, records_group);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorDevicePage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
}

static void
caiji_operator_device_page_init (CaijiOperatorDevicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  for (CaijiRecordStatus i = 0; i < CAIJI_RECORD_N_STATUSES; i++)
    self->status_counts[i] = add_count_row (self->records_group, caiji_record_status_display_name (i));
  self->cameras = caiji_camera_monitor_get_default ();
  g_signal_connect_object (self->cameras, "changed", G_CALLBACK (show_cameras), self, G_CONNECT_SWAPPED);
  show_cameras (self);
}

/* Public API */

void
caiji_operator_device_page_set_store (CaijiOperatorDevicePage *self,
                                      CaijiStore              *store)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_DEVICE_PAGE (self));
  g_return_if_fail (CAIJI_IS_STORE (store));

  g_set_object (&self->store, store);
  caiji_operator_device_page_refresh (self);
}

void
caiji_operator_device_page_refresh (CaijiOperatorDevicePage *self)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_DEVICE_PAGE (self));

  if (self->store != NULL)
    caiji_operator_device_status_async (self->store, self->cancellable, status_loaded_cb, self);
  if (self->reader != NULL)
    caiji_reader_watch_check (self->reader);
}

/* The kiosk's chip reader; its status follows plug, unplug and failures. */
void
caiji_operator_device_page_set_reader (CaijiOperatorDevicePage *self,
                                       CaijiReaderWatch        *reader)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_DEVICE_PAGE (self));
  g_return_if_fail (reader == NULL || CAIJI_IS_READER_WATCH (reader));

  if (self->reader != NULL)
    g_signal_handlers_disconnect_by_data (self->reader, self);
  g_set_object (&self->reader, reader);
  if (reader == NULL)
    return;
  g_signal_connect_swapped (reader, "status-changed", G_CALLBACK (reader_status_cb), self);
  reader_status_cb (self);
  caiji_reader_watch_check (reader);
}
