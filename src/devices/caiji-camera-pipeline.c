/* caiji-camera-pipeline.c: webcams and other GStreamer sources
 *
 * The pipeline ends in an appsink that keeps one buffer and drops the
 * rest, so a busy consumer makes the camera skip frames, never lag.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "caiji-camera-mode.h"
#include "caiji-camera-private.h"

#define BGR_CAPS "video/x-raw,format=BGR"

static GstFlowReturn
take_sample (GstAppSink *sink,
             gpointer    data)
{
  CaijiCamera *self = data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstVideoInfo info;
  GstMapInfo map;
  GBytes *bgr;
  GstBuffer *buffer;

  if (sample == NULL)
    return GST_FLOW_EOS;
  buffer = gst_sample_get_buffer (sample);
  if (!gst_video_info_from_caps (&info, gst_sample_get_caps (sample)) ||
      !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_ERROR;
  /* Copied: the buffer goes back to the camera's pool at once. */
  bgr = g_bytes_new (map.data, map.size);
  gst_buffer_unmap (buffer, &map);
  caiji_camera_publish (self, GST_VIDEO_INFO_WIDTH (&info), GST_VIDEO_INFO_HEIGHT (&info),
                        GST_VIDEO_INFO_PLANE_STRIDE (&info, 0), bgr);
  g_bytes_unref (bgr);
  return GST_FLOW_OK;
}

static GError *
failure_from_message (CaijiCamera *self,
                      GstMessage  *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    return g_error_new (CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED,
                        _("The camera stopped sending pictures."));
  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("camera %s: %s (%s)", self->target, gst_error->message, debug);
  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND) ||
      g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_OPEN_READ) ||
      g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_OPEN_READ_WRITE) ||
      g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_READ))
    return g_error_new (CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_NOT_FOUND,
                        _("The camera %s cannot be found or was unplugged. Check that it is plugged in."),
                        self->target);
  return g_error_new (CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED,
                      _("The camera failed: %s"), gst_error->message);
}

/* Runs on whichever thread posts the message; the failure itself is
 * handed to the main context.  A sync handler that drops a message owns
 * it and must unref it. */
static GstBusSyncReply
watch_bus (GstBus     *bus,
           GstMessage *message,
           gpointer    data)
{
  CaijiCamera *self = data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR ||
      GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    caiji_camera_report_failure (self, failure_from_message (self, message));
  gst_message_unref (message);
  return GST_BUS_DROP;
}

/* The webcam opened (READY) but not streaming, so that it can say which
 * modes it offers; the pipeline then streams from this same element, so
 * the device is opened once.  NULL when it cannot be opened. */
static GstElement *
open_device (const char *device)
{
  GstElement *src = gst_element_factory_make ("v4l2src", "src");

  if (src == NULL)
    return NULL;
  gst_object_ref_sink (src);
  g_object_set (src, "device", device, NULL);
  if (gst_element_set_state (src, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE)
    {
      gst_element_set_state (src, GST_STATE_NULL);
      gst_object_unref (src);
      return NULL;
    }
  return src;
}

/* After the opened webcam: its chosen mode (MJPEG decoded first), or
 * whatever it negotiates when it names no usable mode. */
static GstElement *
device_tail (GstElement *src,
             GError    **error)
{
  g_autoptr(GstPad) pad = gst_element_get_static_pad (src, "src");
  g_autoptr(GstCaps) offered = gst_pad_query_caps (pad, NULL);
  g_autoptr(GstCaps) mode = caiji_camera_mode_choose (offered);
  g_autoptr(GstElement) filter = NULL;
  GstElement *tail;

  tail = gst_parse_bin_from_description (caiji_camera_mode_is_jpeg (mode)
                                           ? "capsfilter name=mode ! jpegdec ! videoconvert ! appsink name=sink"
                                           : "capsfilter name=mode ! videoconvert ! appsink name=sink",
                                         TRUE, error);
  if (tail == NULL)
    return NULL;
  filter = gst_bin_get_by_name (GST_BIN (tail), "mode");
  if (mode != NULL)
    g_object_set (filter, "caps", mode, NULL);
  return tail;
}

/* A webcam that cannot be opened still gets a pipeline: starting it
 * reports why, in the words failure_from_message () gives. */
static GstElement *
build_device_pipeline (CaijiCamera *self,
                       GError     **error)
{
  GstElement *src = open_device (self->target);
  GstElement *pipeline, *tail;

  if (src == NULL)
    {
      pipeline = gst_parse_launch ("v4l2src name=src ! videoconvert ! appsink name=sink", error);
      if (pipeline != NULL)
        {
          g_autoptr(GstElement) unopened = gst_bin_get_by_name (GST_BIN (pipeline), "src");

          g_object_set (unopened, "device", self->target, NULL);
        }
      return pipeline;
    }
  tail = device_tail (src, error);
  if (tail == NULL)
    {
      gst_element_set_state (src, GST_STATE_NULL);
      gst_object_unref (src);
      return NULL;
    }
  pipeline = gst_pipeline_new (NULL);
  gst_bin_add_many (GST_BIN (pipeline), src, tail, NULL);
  gst_object_unref (src);
  if (!gst_element_link (src, tail))
    {
      gst_element_set_state (pipeline, GST_STATE_NULL);
      gst_clear_object (&pipeline);
      g_set_error_literal (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED,
                           _("The camera offers no picture format the kiosk can use."));
    }
  return pipeline;
}

static GstElement *
build_pipeline (CaijiCamera *self,
                GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  GstElement *pipeline;

  if (self->source == CAIJI_CAMERA_SOURCE_DEVICE)
    pipeline = build_device_pipeline (self, &parse_error);
  else
    pipeline = gst_parse_launch_full (self->target, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  if (pipeline == NULL)
    {
      if (g_error_matches (parse_error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED))
        g_propagate_error (error, g_steal_pointer (&parse_error));
      else
        g_set_error (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED,
                     _("The camera pipeline “%s” is not valid: %s"), self->target, parse_error->message);
      return NULL;
    }
  return gst_object_ref_sink (pipeline);
}

static gboolean
configure_sink (CaijiCamera *self,
                GstElement  *pipeline,
                GError     **error)
{
  g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_autoptr(GstCaps) caps = gst_caps_from_string (BGR_CAPS);
  GstAppSinkCallbacks callbacks = { .new_sample = take_sample };

  if (sink == NULL || !GST_IS_APP_SINK (sink))
    {
      g_set_error (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_FAILED,
                   _("The camera pipeline has no “appsink name=sink” to take pictures from."));
      return FALSE;
    }
  gst_app_sink_set_caps (GST_APP_SINK (sink), caps);
  gst_app_sink_set_max_buffers (GST_APP_SINK (sink), 1);
  gst_app_sink_set_drop (GST_APP_SINK (sink), TRUE);
  g_object_set (sink, "sync", FALSE, NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);
  return TRUE;
}

gboolean
caiji_camera_pipeline_start (CaijiCamera *self,
                             GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;

  if (!gst_init_check (NULL, NULL, error))
    return FALSE;
  pipeline = build_pipeline (self, error);
  if (pipeline == NULL || !configure_sink (self, pipeline, error))
    return FALSE;
  bus = gst_element_get_bus (pipeline);
  gst_bus_set_sync_handler (bus, watch_bus, self, NULL);
  /* A missing device often fails only later, on the streaming thread;
   * that arrives as "failed". */
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      gst_element_set_state (pipeline, GST_STATE_NULL);
      g_set_error (error, CAIJI_CAMERA_ERROR, CAIJI_CAMERA_ERROR_NOT_FOUND,
                   _("The camera %s cannot be started. Check that it is plugged in and not used by another program."),
                   self->target);
      return FALSE;
    }
  self->pipeline = g_steal_pointer (&pipeline);
  return TRUE;
}

void
caiji_camera_pipeline_stop (CaijiCamera *self)
{
  g_autoptr(GstBus) bus = NULL;

  if (self->pipeline == NULL)
    return;
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  bus = gst_element_get_bus (self->pipeline);
  gst_bus_set_sync_handler (bus, NULL, NULL, NULL);
  gst_clear_object (&self->pipeline);
}
