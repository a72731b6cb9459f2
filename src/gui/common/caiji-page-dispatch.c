/* caiji-page-dispatch.c: how a page hands a user input to the wizard
 *
 * Every page does the same three things around a wizard event: block its
 * own buttons while the store writes on a worker thread (so a second tap
 * cannot land while the first is being saved), show the refusal inline,
 * and let the page react to the outcome.
 */
#include "caiji-config.h"

#include "caiji-page-dispatch.h"

typedef struct {
  GtkWidget             *page;
  GtkLabel              *error_label;
  CaijiPageDispatchDone  done;
} Dispatch;

static void
dispatch_free (Dispatch *dispatch)
{
  g_object_unref (dispatch->page);
  g_clear_object (&dispatch->error_label);
  g_free (dispatch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Dispatch, dispatch_free)

/* An insensitive widget gets no events, so a text entry that still held
 * the focus would never hear that it lost it and keep its cursor blinking
 * (GTK warns).  Take the focus out of the page first. */
static void
block_page (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, page))
    gtk_root_set_focus (root, NULL);
  gtk_widget_set_sensitive (page, FALSE);
}

static void
dispatched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CaijiWizard *wizard = CAIJI_WIZARD (source);
  g_autoptr(Dispatch) dispatch = user_data;
  g_autoptr(GError) error = NULL;

  caiji_wizard_dispatch_finish (wizard, result, &error);
  gtk_widget_set_sensitive (dispatch->page, !caiji_wizard_is_busy (wizard));

  /* A stale input (a double tap, a page already left) is dropped
   * silently: the screen already shows where the candidate is. */
  if (g_error_matches (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_STALE))
    return;
  if (dispatch->error_label != NULL)
    caiji_page_show_error (dispatch->error_label, error);
  else if (error != NULL)
    g_warning ("Wizard refused an input: %s", error->message);
  if (dispatch->done != NULL)
    dispatch->done (dispatch->page, error);
}

void
caiji_page_dispatch (GtkWidget             *page,
                     CaijiWizard           *wizard,
                     CaijiWizardEvent      *event,
                     GtkLabel              *error_label,
                     CaijiPageDispatchDone  done)
{
  Dispatch *dispatch;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (CAIJI_IS_WIZARD (wizard));
  g_return_if_fail (event != NULL);

  dispatch = g_new0 (Dispatch, 1);
  dispatch->page = g_object_ref (page);
  dispatch->error_label = error_label != NULL ? g_object_ref (error_label) : NULL;
  dispatch->done = done;

  caiji_wizard_dispatch_async (wizard, event, NULL, dispatched_cb, dispatch);
  if (caiji_wizard_is_busy (wizard))
    block_page (page);
}

void
caiji_page_show_error (GtkLabel     *error_label,
                       const GError *error)
{
  g_return_if_fail (GTK_IS_LABEL (error_label));

  gtk_label_set_text (error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), error != NULL);
}
