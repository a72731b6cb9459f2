/* caiji-operator-entry-row.c: one record as a line of an operator list
 *
 * Name, 学号 and the masked ID number tell candidates apart at a glance;
 * the status badge tells the operator what is left to do.  The full ID
 * number is never on screen.
 */
#include "caiji-config.h"

#include "caiji-id-number.h"
#include "caiji-operator-entry-row.h"

#define ENTRY_KEY "caiji-operator-entry"

static GtkWidget *
status_badge (CaijiRecordStatus status)
{
  GtkWidget *badge = gtk_label_new (caiji_record_status_display_name (status));

  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, caiji_record_status_to_string (status));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

GtkWidget *
caiji_operator_entry_row_new (const CaijiOperatorEntry *entry,
                              gboolean                  compact)
{
  const CaijiRecord *record = entry->record;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *masked = caiji_id_number_mask (record->id_number);
  g_autofree char *subtitle = NULL;

  if (compact)
    subtitle = g_strdup_printf ("%s · %s\n%s", record->student_no, masked,
                                caiji_record_status_display_name (record->status));
  else
    subtitle = g_strdup_printf ("%s · %s", record->student_no, masked);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!compact)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_badge (record->status));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), ENTRY_KEY, (gpointer) entry);
  return row;
}

const CaijiOperatorEntry *
caiji_operator_entry_row_get_entry (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ENTRY_KEY) : NULL;
}

/* Rows go before the entries they point at are freed. */
void
caiji_operator_entry_rows_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
