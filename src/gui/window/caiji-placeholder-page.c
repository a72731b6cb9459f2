/* caiji-placeholder-page.c: the page of a wizard step not built yet
 *
 * The wizard can already reach the capture steps, so the kiosk must show
 * something there; it says plainly that the step is missing rather than
 * pretending to capture, and points to the way out.
 */
#include "caiji-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "caiji-placeholder-page.h"
#include "caiji-texts.h"

GtkWidget *
caiji_placeholder_page_new (const char *title)
{
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;

  description = g_strdup_printf (_("This step is coming in a later version of Caiji and cannot be done at this kiosk yet. Press “%s” to return to the start."),
                                 caiji_text (CAIJI_TEXT_HOME));
  markup = g_markup_escape_text (description, -1);
  return g_object_new (ADW_TYPE_STATUS_PAGE,
                       "icon-name", "system-run-symbolic",
                       "title", title,
                       "description", markup,
                       NULL);
}
