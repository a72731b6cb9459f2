/* caiji-idle-watch.c: notices when nobody has touched the kiosk for a while
 *
 * Every input event reaching the window (pointer, touch, key) counts as
 * activity; it is seen in the capture phase, before any widget, and never
 * consumed.  "warning" counts down the last seconds (0: the warning is
 * over because someone came back); "timeout" fires once the time is up,
 * and the count starts again.  A timeout of 0 turns the watch off.
 */
#include "caiji-config.h"

#include <math.h>

#include "caiji-idle-watch.h"

#define TICK_MS 250

struct _CaijiIdleWatch {
  GObject  parent_instance;

  guint    timeout_seconds;
  gint64   last_activity;    /* monotonic µs */
  guint    tick_id;
  guint    warned;           /* seconds shown in the last warning, 0 if none */
  double   pointer_x;
  double   pointer_y;
};

G_DEFINE_FINAL_TYPE (CaijiIdleWatch, caiji_idle_watch, G_TYPE_OBJECT)

enum {
  SIGNAL_WARNING,
  SIGNAL_TIMEOUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
warning_seconds (CaijiIdleWatch *self)
{
  /* A very short timeout (tests, a demo) still gets a warning first. */
  return MIN (CAIJI_IDLE_WARNING_SECONDS, (self->timeout_seconds + 1) / 2);
}

static void
set_warned (CaijiIdleWatch *self,
            guint           seconds)
{
  if (self->warned == seconds)
    return;
  self->warned = seconds;
  g_signal_emit (self, signals[SIGNAL_WARNING], 0, seconds);
}

static gboolean
tick_cb (gpointer data)
{
  CaijiIdleWatch *self = data;
  gint64 idle_us = g_get_monotonic_time () - self->last_activity;
  gint64 left_us = (gint64) self->timeout_seconds * G_USEC_PER_SEC - idle_us;

  if (left_us <= 0)
    {
      set_warned (self, 0);
      self->last_activity = g_get_monotonic_time ();
      g_signal_emit (self, signals[SIGNAL_TIMEOUT], 0);
    }
  else if (left_us <= (gint64) warning_seconds (self) * G_USEC_PER_SEC)
    set_warned (self, (guint) ((left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
  return G_SOURCE_CONTINUE;
}

/* GTK also sends motion (and crossing) events when the layout changes
 * under a pointer that did not move, the warning banner appearing for
 * one: only a pointer that really moved counts. */
static gboolean
pointer_moved (CaijiIdleWatch *self,
               GdkEvent       *event)
{
  double x, y;
  gboolean moved;

  if (!gdk_event_get_position (event, &x, &y))
    return FALSE;
  moved = fabs (x - self->pointer_x) >= 1 || fabs (y - self->pointer_y) >= 1;
  self->pointer_x = x;
  self->pointer_y = y;
  return moved;
}

/* Only what a person does counts as activity. */
static gboolean
is_input (CaijiIdleWatch *self,
          GdkEvent       *event)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
      return pointer_moved (self, event);
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
    case GDK_TOUCHPAD_HOLD:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          CaijiIdleWatch           *self)
{
  if (is_input (self, event))
    caiji_idle_watch_poke (self);
  return GDK_EVENT_PROPAGATE;
}

static void
caiji_idle_watch_dispose (GObject *object)
{
  g_clear_handle_id (&CAIJI_IDLE_WATCH (object)->tick_id, g_source_remove);
  G_OBJECT_CLASS (caiji_idle_watch_parent_class)->dispose (object);
}

static void
caiji_idle_watch_class_init (CaijiIdleWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = caiji_idle_watch_dispose;

  signals[SIGNAL_WARNING] = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_TIMEOUT] = g_signal_new ("timeout", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
caiji_idle_watch_init (CaijiIdleWatch *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/* The controller belongs to the window; it reaches the watch only while
 * the watch exists (g_signal_connect_object). */
CaijiIdleWatch *
caiji_idle_watch_new (GtkWidget *window)
{
  CaijiIdleWatch *self = g_object_new (CAIJI_TYPE_IDLE_WATCH, NULL);
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (event_cb), self, 0);
  gtk_widget_add_controller (window, controller);
  return self;
}

void
caiji_idle_watch_set_timeout (CaijiIdleWatch *self,
                              guint           seconds)
{
  g_return_if_fail (CAIJI_IS_IDLE_WATCH (self));

  self->timeout_seconds = seconds;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  caiji_idle_watch_poke (self);
  if (seconds > 0)
    self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
}

void
caiji_idle_watch_poke (CaijiIdleWatch *self)
{
  g_return_if_fail (CAIJI_IS_IDLE_WATCH (self));

  self->last_activity = g_get_monotonic_time ();
  set_warned (self, 0);
}
