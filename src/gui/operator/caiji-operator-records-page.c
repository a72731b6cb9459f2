/* caiji-operator-records-page.c: every record, searched and filtered
 *
 * The whole list is loaded on a worker and filtered in memory as the
 * operator types: a kiosk holds thousands of records, not millions, and
 * a filter that answers on every key press is what a desk needs.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caiji-operator-entry-row.h"
#include "caiji-operator-idle.h"
#include "caiji-operator-record-dialog.h"
#include "caiji-operator-records-page.h"
#include "caiji-operator-tasks.h"

/* The filter's first item is "every status"; item i + 1 is status i. */
#define ALL_STATUSES 0

struct _CaijiOperatorRecordsPage {
  AdwBin          parent_instance;

  CaijiStore     *store;
  GPtrArray      *entries;
  GCancellable   *cancellable;
  char           *query;          /* case-folded search text */

  GtkSearchEntry *search_entry;
  GtkDropDown    *status_filter;
  GtkListBox     *list;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (CaijiOperatorRecordsPage, caiji_operator_records_page, ADW_TYPE_BIN)

/* Helpers */

static gboolean
contains_folded (const char *text,
                 const char *query)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return strstr (folded, query) != NULL;
}

static gboolean
entry_matches (CaijiOperatorRecordsPage *self,
               const CaijiOperatorEntry *entry)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);

  if (status != ALL_STATUSES && entry->record->status != status - 1)
    return FALSE;
  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;
  return contains_folded (entry->record->student_no, self->query) ||
         contains_folded (entry->name, self->query);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  return entry_matches (user_data, caiji_operator_entry_row_get_entry (row));
}

static void
fill_status_filter (CaijiOperatorRecordsPage *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  gtk_string_list_append (items, _("All statuses"));
  for (CaijiRecordStatus status = 0; status < CAIJI_RECORD_N_STATUSES; status++)
    gtk_string_list_append (items, caiji_record_status_display_name (status));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (items));
}

static GtkWidget *
no_match_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("No record matches"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 24);
  gtk_widget_set_margin_bottom (label, 24);
  return label;
}

static void
fill_list (CaijiOperatorRecordsPage *self,
           GPtrArray                *entries)
{
  caiji_operator_entry_rows_clear (self->list);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  /* Newest first: the desk mostly looks for someone who was just here. */
  for (guint i = entries->len; i > 0; i--)
    gtk_list_box_append (self->list, caiji_operator_entry_row_new (g_ptr_array_index (entries, i - 1), FALSE));
}

/* Callbacks */

static void
entries_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = caiji_operator_list_entries_finish (result, &error);
  CaijiOperatorRecordsPage *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (entries != NULL)
    fill_list (self, entries);
}

static void
row_activated_cb (CaijiOperatorRecordsPage *self,
                  GtkListBoxRow            *row)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *dialog;

  g_return_if_fail (self->store != NULL);

  dialog = caiji_operator_record_dialog_new (window, self->store, caiji_operator_entry_row_get_entry (row));
  caiji_operator_idle_watch_dialog (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
filter_changed_cb (CaijiOperatorRecordsPage *self)
{
  g_free (self->query);
  self->query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_strstrip (self->query);
  gtk_list_box_invalidate_filter (self->list);
}

/* GObject */

static void
caiji_operator_records_page_dispose (GObject *object)
{
  CaijiOperatorRecordsPage *self = CAIJI_OPERATOR_RECORDS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list != NULL)
    caiji_operator_entry_rows_clear (self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIJI_TYPE_OPERATOR_RECORDS_PAGE);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (caiji_operator_records_page_parent_class)->dispose (object);
}

static void
caiji_operator_records_page_class_init (CaijiOperatorRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_operator_records_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/caiji/Kiosk/ui/caiji-operator-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordsPage, list);
  gtk_widget_class_bind_template_child (widget_class, CaijiOperatorRecordsPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
caiji_operator_records_page_init (CaijiOperatorRecordsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  fill_status_filter (self);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_list_box_set_placeholder (self->list, no_match_placeholder ());
  g_signal_connect_object (self->status_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

void
caiji_operator_records_page_set_store (CaijiOperatorRecordsPage *self,
                                       CaijiStore               *store)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_RECORDS_PAGE (self));
  g_return_if_fail (CAIJI_IS_STORE (store));

  g_set_object (&self->store, store);
  caiji_operator_records_page_refresh (self);
}

void
caiji_operator_records_page_refresh (CaijiOperatorRecordsPage *self)
{
  g_return_if_fail (CAIJI_IS_OPERATOR_RECORDS_PAGE (self));

  if (self->store != NULL)
    caiji_operator_list_entries_async (self->store, FALSE, self->cancellable, entries_loaded_cb, self);
}
