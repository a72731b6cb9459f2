/* caiji-face-models.cpp: the face networks, loaded once per process and shared
 *
 * Loading reads a few megabytes and builds the graph, so it happens once,
 * on first use (or up front through caiji_face_models_load() on a worker
 * thread).  A failure is not remembered: once the operator has installed
 * the models, the next call loads them without a restart.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-face-private.h"
#include "caiji-models.h"

G_DEFINE_QUARK (caiji-face-error-quark, caiji_face_error)

namespace {

struct SharedNet {
  const char   *file;
  std::mutex    lock;
  /* Allocated once and kept for the life of the process: destroying it
   * from a static destructor could run after OpenCV's own teardown. */
  cv::dnn::Net *net;
};

SharedNet shared_nets[CAIJI_FACE_N_NETS] = {
  { "yunet_n_320_320.onnx", {}, nullptr },
  { "yunet_n_640_640.onnx", {}, nullptr },
  { "mobilefacenet_foamliu_opset10.onnx", {}, nullptr },
};

cv::dnn::Net *
load_net (const char  *file,
          GError     **error)
{
  g_autofree char *path = caiji_model_path (file, error);
  cv::dnn::Net net;

  if (path == NULL)
    return nullptr;
  try
    {
      net = cv::dnn::readNetFromONNX (path);
    }
  catch (const cv::Exception &exception)
    {
      g_set_error (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_MODEL,
                   _("The model file “%s” cannot be loaded: %s"), file, exception.err.c_str ());
      return nullptr;
    }
  if (net.empty ())
    {
      g_set_error (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_MODEL,
                   _("The model file “%s” cannot be loaded."), file);
      return nullptr;
    }
  return new cv::dnn::Net (net);
}

} // namespace

cv::dnn::Net *
caiji_face_net_acquire (CaijiFaceNetId                id,
                        std::unique_lock<std::mutex> &hold,
                        GError                      **error)
{
  SharedNet &shared = shared_nets[id];

  hold = std::unique_lock<std::mutex> (shared.lock);
  if (shared.net == nullptr)
    shared.net = load_net (shared.file, error);
  if (shared.net == nullptr)
    hold.unlock ();
  return shared.net;
}

void
caiji_face_set_cv_error (GError              **error,
                         const cv::Exception  &exception)
{
  g_set_error (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_FAILED,
               _("Face analysis failed on this picture: %s"), exception.err.c_str ());
}

gboolean
caiji_face_models_load (GError **error)
{
  for (int id = 0; id < CAIJI_FACE_N_NETS; id++)
    {
      std::unique_lock<std::mutex> hold;

      if (caiji_face_net_acquire ((CaijiFaceNetId) id, hold, error) == nullptr)
        return FALSE;
    }
  return TRUE;
}

/* OpenCV's worker threads for every network: the benchmark measures one
 * core, and a kiosk may keep one free for the UI.  0 restores OpenCV's
 * default. */
void
caiji_face_set_threads (guint n_threads)
{
  cv::setNumThreads (n_threads == 0 ? -1 : (int) n_threads);
}
