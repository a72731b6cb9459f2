/* caiji-application.c: the kiosk application: options, store, window
 *
 * Options:
 *   --db PATH     the database (else GSettings database-path, else the
 *                 default under $XDG_DATA_HOME)
 *   --demo [DIR]  demo mode: pictures from DIR (else the demo-dir
 *                 setting) stand in for the camera
 *   --fullscreen  cover the whole screen without decorations, as a kiosk
 *
 * While the window is open the session may neither blank the screen nor
 * suspend: a candidate in the middle of the capture must not lose it.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-application.h"
#include "caiji-camera-choice.h"
#include "caiji-camera-keeper.h"
#include "caiji-camera-monitor.h"
#include "caiji-kiosk-settings.h"
#include "caiji-kiosk-sync.h"
#include "caiji-paths.h"
#include "caiji-store.h"
#include "caiji-window.h"
#include "caiji-wizard.h"

struct _CaijiApplication {
  AdwApplication  parent_instance;

  char           *db_path;
  gboolean        demo;
  char           *demo_dir;
  gboolean        fullscreen;

  GSettings      *settings;      /* NULL without the installed schema */
  CaijiWizard    *wizard;
  CaijiKioskSync *sync;
  CaijiCameraKeeper *camera;
  CaijiCameraMonitor *camera_monitor;
  guint           inhibit_cookie;
};

G_DEFINE_FINAL_TYPE (CaijiApplication, caiji_application, ADW_TYPE_APPLICATION)

/* The schema's default, for a build run without the installed schema. */
#define DEFAULT_IDLE_TIMEOUT_SECONDS 120

/* Helpers */

/* GApplication gives option callbacks no user data, but it makes itself
 * the process's default application, which is this one. */
static gboolean
demo_option_cb (const char  *option_name,
                const char  *value,
                gpointer     data,
                GError     **error)
{
  CaijiApplication *self = CAIJI_APPLICATION (g_application_get_default ());

  self->demo = TRUE;
  g_free (self->demo_dir);
  self->demo_dir = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
  return TRUE;
}

static void
add_options (CaijiApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &self->db_path,
      N_("The database file"), N_("PATH") },
    { "demo", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, demo_option_cb,
      N_("Demo mode: pictures from DIR stand in for the camera"), N_("DIR") },
    { "fullscreen", 0, 0, G_OPTION_ARG_NONE, &self->fullscreen,
      N_("Cover the whole screen"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Exam registration identity capture kiosk."));
}

static void set_up_capture (CaijiApplication *self,
                            CaijiWindow      *window);
static void set_up_reader  (CaijiApplication *self,
                            CaijiWindow      *window);

/* The window shows "Starting…" until the database is open, then the
 * sign-in page, or why the database could not be opened. */
static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CaijiApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open_finish (result, &error);
  CaijiWindow *window = CAIJI_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));

  if (window == NULL)
    return;  /* closed meanwhile */
  if (store == NULL)
    {
      g_warning ("Cannot open the database: %s", error->message);
      caiji_window_show_store_error (window, caiji_store_open_get_path (result), error);
      return;
    }
  self->wizard = caiji_wizard_new (store);
  caiji_window_set_wizard (window, self->wizard);
  self->sync = caiji_kiosk_sync_new (store, self->settings);
  caiji_window_set_sync (window, self->sync);
  set_up_capture (self, window);
  set_up_reader (self, window);
}

static CaijiWindow *
create_window (CaijiApplication *self)
{
  g_autofree char *path = caiji_paths_resolve_database (self->db_path);

  caiji_store_open_async (path, store_opened_cb, g_object_ref (self));
  return caiji_window_new (GTK_APPLICATION (self));
}

/* The vision analyzer says plainly what it cannot check while a model or
 * the OCR data is missing; see caiji-capture-analyzer.h. */
static void
set_up_capture (CaijiApplication *self,
                CaijiWindow      *window)
{
  g_autoptr(CaijiCamera) camera = caiji_camera_choose (self->demo, self->demo_dir, self->settings);
  g_autoptr(CaijiCaptureAnalyzer) analyzer = caiji_capture_analyzer_new_vision ();

  g_message ("Camera: %s", caiji_camera_get_description (camera));
  self->camera = caiji_camera_keeper_new (camera, CAIJI_CAMERA_KEEPER_RETRY_SECONDS);
  /* A camera plugged back in is used at once, not at the next retry. */
  self->camera_monitor = caiji_camera_monitor_get_default ();
  g_signal_connect_object (self->camera_monitor, "changed", G_CALLBACK (caiji_camera_keeper_retry_now),
                           self->camera, G_CONNECT_SWAPPED);
  caiji_window_set_capture (window, self->camera, analyzer);
  caiji_window_set_demo_camera (window, self->demo);
  caiji_window_set_idle_timeout (window, self->settings != NULL
                                         ? g_settings_get_uint (self->settings, "idle-timeout-seconds")
                                         : DEFAULT_IDLE_TIMEOUT_SECONDS);
}

/* The chip reader, when the reader-port setting names one. */
static void
set_up_reader (CaijiApplication *self,
               CaijiWindow      *window)
{
  g_autofree char *port = self->settings != NULL ? g_settings_get_string (self->settings, "reader-port") : NULL;
  g_autoptr(CaijiReaderWatch) reader = NULL;

  if (port == NULL || port[0] == '\0')
    return;
  g_message ("ID card reader: %s", port);
  reader = caiji_reader_watch_new (port);
  caiji_window_set_reader (window, reader);
}

static void
make_kiosk (CaijiApplication *self,
            GtkWindow        *window)
{
  if (self->fullscreen)
    {
      gtk_window_set_decorated (window, FALSE);
      gtk_window_fullscreen (window);
    }
  self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (self), window,
                                                  GTK_APPLICATION_INHIBIT_IDLE |
                                                  GTK_APPLICATION_INHIBIT_SUSPEND,
                                                  _("A candidate's identity capture is in progress"));
}

/* GApplication */

static void
caiji_application_activate (GApplication *application)
{
  CaijiApplication *self = CAIJI_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (create_window (self));
      make_kiosk (self, window);
    }
  gtk_window_present (window);
}

static void
caiji_application_shutdown (GApplication *application)
{
  CaijiApplication *self = CAIJI_APPLICATION (application);

  /* Stops the upload in flight; it is sent again at the next start. */
  g_clear_object (&self->sync);
  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (self), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  G_APPLICATION_CLASS (caiji_application_parent_class)->shutdown (application);
}

/* GObject */

static void
caiji_application_finalize (GObject *object)
{
  CaijiApplication *self = CAIJI_APPLICATION (object);

  g_clear_object (&self->wizard);
  g_clear_object (&self->sync);
  g_clear_object (&self->camera_monitor);
  g_clear_object (&self->camera);
  g_clear_object (&self->settings);
  g_free (self->db_path);
  g_free (self->demo_dir);

  G_OBJECT_CLASS (caiji_application_parent_class)->finalize (object);
}

static void
caiji_application_class_init (CaijiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = caiji_application_finalize;
  application_class->activate = caiji_application_activate;
  application_class->shutdown = caiji_application_shutdown;
}

static void
caiji_application_init (CaijiApplication *self)
{
  add_options (self);
  self->settings = caiji_kiosk_settings_new ();
}

/* Public API */

CaijiApplication *
caiji_application_new (void)
{
  return g_object_new (CAIJI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

gboolean
caiji_application_is_demo (CaijiApplication *self)
{
  g_return_val_if_fail (CAIJI_IS_APPLICATION (self), FALSE);
  return self->demo;
}

/* NULL in demo mode means the demo-dir setting. */
const char *
caiji_application_get_demo_dir (CaijiApplication *self)
{
  g_return_val_if_fail (CAIJI_IS_APPLICATION (self), NULL);
  return self->demo_dir;
}
