/* caiji-operator-entry-row.h: one record as a line of an operator list */
#pragma once

#include <adwaita.h>

#include "caiji-operator-tasks.h"

G_BEGIN_DECLS

/* The row points at @entry; the list that owns the entries outlives it.
 * @compact: a narrow sidebar, where the status goes under the name
 * instead of a badge beside it. */
GtkWidget                *caiji_operator_entry_row_new       (const CaijiOperatorEntry *entry,
                                                              gboolean                  compact);
const CaijiOperatorEntry *caiji_operator_entry_row_get_entry (GtkListBoxRow            *row);
void                      caiji_operator_entry_rows_clear    (GtkListBox               *list);

G_END_DECLS
