/* caiji-camera-keeper.c: keeps the kiosk's one camera running while a page shows it */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include "caiji-camera-keeper.h"

struct _CaijiCameraKeeper {
  GObject      parent_instance;

  CaijiCamera *camera;
  guint        retry_seconds;
  guint        holders;
  guint        retry_id;
  char        *problem;     /* for the candidate; the cause goes to the log */
};

G_DEFINE_FINAL_TYPE (CaijiCameraKeeper, caiji_camera_keeper, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void try_start (CaijiCameraKeeper *self);

/* Helpers */

static void
set_problem (CaijiCameraKeeper *self,
             const char        *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static gboolean
retry_cb (gpointer data)
{
  CaijiCameraKeeper *self = data;

  self->retry_id = 0;
  try_start (self);
  return G_SOURCE_REMOVE;
}

static void
fail (CaijiCameraKeeper *self,
      const GError      *error)
{
  g_message ("Camera %s failed: %s; retrying in %u s", caiji_camera_get_description (self->camera),
             error->message, self->retry_seconds);
  set_problem (self, _("The camera is not working. Please tell the operator. It reconnects by itself as soon as it is back."));
  if (self->retry_id == 0 && self->holders > 0)
    self->retry_id = g_timeout_add_seconds (self->retry_seconds, retry_cb, self);
}

static void
try_start (CaijiCameraKeeper *self)
{
  g_autoptr(GError) error = NULL;

  if (self->holders == 0)
    return;
  if (!caiji_camera_start (self->camera, &error))
    fail (self, error);
}

/* Callbacks */

static void
camera_failed_cb (CaijiCameraKeeper *self,
                  const GError      *error)
{
  fail (self, error);
}

/* The problem is over once a picture arrives, not when the start call
 * returns: a pipeline can start and then fail a moment later. */
static void
frame_ready_cb (CaijiCameraKeeper *self)
{
  set_problem (self, NULL);
}

/* GObject */

static void
caiji_camera_keeper_dispose (GObject *object)
{
  CaijiCameraKeeper *self = CAIJI_CAMERA_KEEPER (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->camera != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->camera, self);
      caiji_camera_stop (self->camera);
      g_clear_object (&self->camera);
    }
  G_OBJECT_CLASS (caiji_camera_keeper_parent_class)->dispose (object);
}

static void
caiji_camera_keeper_finalize (GObject *object)
{
  g_free (CAIJI_CAMERA_KEEPER (object)->problem);
  G_OBJECT_CLASS (caiji_camera_keeper_parent_class)->finalize (object);
}

static void
caiji_camera_keeper_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CaijiCameraKeeper *self = CAIJI_CAMERA_KEEPER (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_camera_keeper_class_init (CaijiCameraKeeperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caiji_camera_keeper_dispose;
  object_class->finalize = caiji_camera_keeper_finalize;
  object_class->get_property = caiji_camera_keeper_get_property;

  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caiji_camera_keeper_init (CaijiCameraKeeper *self)
{
}

/* Public API */

CaijiCameraKeeper *
caiji_camera_keeper_new (CaijiCamera *camera,
                         guint        retry_seconds)
{
  CaijiCameraKeeper *self;

  g_return_val_if_fail (CAIJI_IS_CAMERA (camera), NULL);

  self = g_object_new (CAIJI_TYPE_CAMERA_KEEPER, NULL);
  self->camera = g_object_ref (camera);
  self->retry_seconds = MAX (retry_seconds, 1);
  g_signal_connect_swapped (camera, "failed", G_CALLBACK (camera_failed_cb), self);
  g_signal_connect_swapped (camera, "frame-ready", G_CALLBACK (frame_ready_cb), self);
  return self;
}

CaijiCamera *
caiji_camera_keeper_get_camera (CaijiCameraKeeper *self)
{
  g_return_val_if_fail (CAIJI_IS_CAMERA_KEEPER (self), NULL);
  return self->camera;
}

void
caiji_camera_keeper_hold (CaijiCameraKeeper *self)
{
  g_return_if_fail (CAIJI_IS_CAMERA_KEEPER (self));

  if (self->holders++ == 0)
    try_start (self);
}

void
caiji_camera_keeper_release (CaijiCameraKeeper *self)
{
  g_return_if_fail (CAIJI_IS_CAMERA_KEEPER (self));
  g_return_if_fail (self->holders > 0);

  if (--self->holders > 0)
    return;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  caiji_camera_stop (self->camera);
}

/* A camera was plugged in: a failed camera is tried again now rather
 * than at its next retry. */
void
caiji_camera_keeper_retry_now (CaijiCameraKeeper *self)
{
  g_return_if_fail (CAIJI_IS_CAMERA_KEEPER (self));

  if (self->retry_id == 0)
    return;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  try_start (self);
}

const char *
caiji_camera_keeper_get_problem (CaijiCameraKeeper *self)
{
  g_return_val_if_fail (CAIJI_IS_CAMERA_KEEPER (self), NULL);
  return self->problem;
}
