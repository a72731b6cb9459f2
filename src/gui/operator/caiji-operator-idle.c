/* caiji-operator-idle.c: operator mode closes itself when left alone
 *
 * An operator called away from the desk must not leave operator mode
 * open for the next candidate: it is the way out of the kiosk.  Any
 * input (a tap, a key, a pointer move) restarts the clock.
 */
#include "caiji-config.h"

#include "caiji-operator-idle.h"

#define WATCH_KEY "caiji-operator-idle-watch"

typedef struct {
  GtkWindow *window;   /* weak */
  GSettings *settings;
  guint      seconds;
  guint      source;
} IdleWatch;

/* Helpers */

static void
idle_watch_free (IdleWatch *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
  g_clear_weak_pointer (&watch->window);
  g_clear_object (&watch->settings);
  g_free (watch);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  IdleWatch *watch = user_data;

  watch->source = 0;
  if (watch->window != NULL)
    gtk_window_destroy (watch->window);
  return G_SOURCE_REMOVE;
}

static void
restart (IdleWatch *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
  if (watch->seconds > 0)
    watch->source = g_timeout_add_seconds (watch->seconds, timed_out_cb, watch);
}

/* Callbacks */

/* A timeout changed on the settings page applies at once. */
static void
timeout_changed_cb (GtkWindow *owner)
{
  IdleWatch *watch = g_object_get_data (G_OBJECT (owner), WATCH_KEY);

  if (watch == NULL)
    return;
  watch->seconds = g_settings_get_uint (watch->settings, "idle-timeout-seconds");
  restart (watch);
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          GtkWindow                *owner)
{
  IdleWatch *watch = g_object_get_data (G_OBJECT (owner), WATCH_KEY);

  if (watch != NULL)
    restart (watch);
  return GDK_EVENT_PROPAGATE;
}

/* The handler names the watched window, not its watch, and goes away
 * with that window: a dialog outliving it never touches a freed watch. */
static void
listen (GtkWindow *window,
        GtkWindow *owner)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  /* Capture phase: seen before any widget can stop the event. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (event_cb), owner, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* Public API */

void
caiji_operator_idle_watch (GtkWindow *window,
                           GSettings *settings)
{
  IdleWatch *watch;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  watch = g_new0 (IdleWatch, 1);
  g_set_weak_pointer (&watch->window, window);
  watch->settings = g_object_ref (settings);
  g_object_set_data_full (G_OBJECT (window), WATCH_KEY, watch, (GDestroyNotify) idle_watch_free);
  listen (window, window);
  g_signal_connect_object (settings, "changed::idle-timeout-seconds",
                           G_CALLBACK (timeout_changed_cb), window, G_CONNECT_SWAPPED);
  timeout_changed_cb (window);
}

void
caiji_operator_idle_watch_dialog (GtkWindow *dialog)
{
  GtkWindow *parent;
  IdleWatch *watch;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  parent = gtk_window_get_transient_for (dialog);
  watch = parent != NULL ? g_object_get_data (G_OBJECT (parent), WATCH_KEY) : NULL;
  if (watch == NULL)
    return;
  /* The dialog goes with the window when the window times out. */
  gtk_window_set_destroy_with_parent (dialog, TRUE);
  listen (dialog, parent);
}
