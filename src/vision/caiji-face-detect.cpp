/* caiji-face-detect.cpp: YuNet-n face detection through cv::dnn
 *
 * OpenCV 4.6's cv::FaceDetectorYN expects the 2022 output layout, and the
 * static 2023 models we pin produce separate cls/obj/bbox/kps outputs per
 * stride, so the outputs are decoded here the way FaceDetectorYN does it
 * in OpenCV ≥ 4.8 (see ../shared/models/README.md).
 */
#include "caiji-config.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "caiji-face-private.h"
#include "caiji-image-private.h"

namespace {

const float NMS_THRESHOLD = 0.3f;
const int STRIDES[] = { 8, 16, 32 };

struct DetectorSpec {
  CaijiFaceNetId net;
  int            side;
  /* 0.6 is what the shared README measured at 640.  At 320 that let a
   * raised hand in multi/obama_and_biden.jpg through at 0.67, while every
   * real face in the shared set scored 0.83 or more; 0.75 sits between. */
  float          min_score;
};

/* Indexed by CaijiFaceDetector. */
const DetectorSpec DETECTORS[] = {
  { CAIJI_FACE_NET_YUNET_320, 320, 0.75f },
  { CAIJI_FACE_NET_YUNET_640, 640, 0.6f },
};
static_assert (CAIJI_FACE_DETECTOR_FAST == 0 && CAIJI_FACE_DETECTOR_ACCURATE == 1,
               "DETECTORS follows CaijiFaceDetector");

struct Letterbox {
  cv::Mat blob;
  float   scale;   /* model pixels per picture pixel */
};

/* Scales the picture to fit the square input, keeping its aspect ratio,
 * and pads right and bottom with black, so mapping back is one division. */
Letterbox
letterbox (const cv::Mat &bgr,
           int            side)
{
  Letterbox box;
  cv::Mat input = cv::Mat::zeros (side, side, CV_8UC3);
  cv::Size fitted;
  cv::Mat resized;

  box.scale = std::min ((float) side / (float) bgr.cols, (float) side / (float) bgr.rows);
  fitted = cv::Size (std::max (1, std::min (side, (int) std::lround (bgr.cols * box.scale))),
                     std::max (1, std::min (side, (int) std::lround (bgr.rows * box.scale))));
  cv::resize (bgr, resized, fitted, 0, 0, box.scale < 1.0f ? cv::INTER_AREA : cv::INTER_LINEAR);
  resized.copyTo (input (cv::Rect (0, 0, fitted.width, fitted.height)));
  /* Raw BGR 0–255: YuNet takes no mean and no scaling. */
  box.blob = cv::dnn::blobFromImage (input);
  return box;
}

struct Candidates {
  std::vector<cv::Rect2d> boxes;
  std::vector<float>      scores;
  std::vector<CaijiFace>  faces;
};

float
clamp01 (float value)
{
  return std::min (1.0f, std::max (0.0f, value));
}

void
decode_stride (const std::vector<cv::Mat> &outputs,
               int                         level,
               const DetectorSpec         &spec,
               float                       scale,
               Candidates                 &found)
{
  const int n_strides = G_N_ELEMENTS (STRIDES);
  /* getUnconnectedOutLayersNames() order is fixed by output_names below. */
  const float *cls = outputs[level].ptr<float> ();
  const float *obj = outputs[n_strides + level].ptr<float> ();
  const float *bbox = outputs[2 * n_strides + level].ptr<float> ();
  const float *kps = outputs[3 * n_strides + level].ptr<float> ();
  const int stride = STRIDES[level];
  const int cols = spec.side / stride;
  const int rows = spec.side / stride;

  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++)
      {
        const int i = r * cols + c;
        const float score = std::sqrt (clamp01 (cls[i]) * clamp01 (obj[i]));
        const float *b = bbox + 4 * i;
        const float *k = kps + 10 * i;
        CaijiFace face;
        float cx, cy;

        if (score < spec.min_score)
          continue;
        cx = (c + b[0]) * stride;
        cy = (r + b[1]) * stride;
        face.width = std::exp (b[2]) * stride / scale;
        face.height = std::exp (b[3]) * stride / scale;
        face.x = cx / scale - face.width / 2;
        face.y = cy / scale - face.height / 2;
        for (int n = 0; n < CAIJI_FACE_N_LANDMARKS; n++)
          {
            face.landmarks[n].x = (c + k[2 * n]) * stride / scale;
            face.landmarks[n].y = (r + k[2 * n + 1]) * stride / scale;
          }
        face.score = score;
        found.boxes.emplace_back (face.x, face.y, face.width, face.height);
        found.scores.push_back (score);
        found.faces.push_back (face);
      }
}

const std::vector<cv::String> output_names = {
  "cls_8", "cls_16", "cls_32",
  "obj_8", "obj_16", "obj_32",
  "bbox_8", "bbox_16", "bbox_32",
  "kps_8", "kps_16", "kps_32",
};

gboolean
run_yunet (const cv::Mat           &blob,
           const DetectorSpec      &spec,
           std::vector<cv::Mat>    &outputs,
           GError                 **error)
{
  std::unique_lock<std::mutex> hold;
  cv::dnn::Net *net = caiji_face_net_acquire (spec.net, hold, error);

  if (net == nullptr)
    return FALSE;
  net->setInput (blob);
  net->forward (outputs, output_names);
  /* Whether these are copies or views of the network's buffers depends
   * on the OpenCV version; they are decoded after the next caller may
   * have started, so make sure they are ours. */
  for (cv::Mat &output : outputs)
    output = output.clone ();
  return TRUE;
}

} // namespace

GArray *
caiji_face_detect (const CaijiImage   *image,
                   CaijiFaceDetector   detector,
                   GError            **error)
{
  std::vector<cv::Mat> outputs;
  std::vector<int> kept;
  Candidates found;
  GArray *faces;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (detector == CAIJI_FACE_DETECTOR_FAST || detector == CAIJI_FACE_DETECTOR_ACCURATE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  try
    {
      const DetectorSpec &spec = DETECTORS[detector];
      Letterbox box = letterbox (image->bgr, spec.side);

      if (!run_yunet (box.blob, spec, outputs, error))
        return NULL;
      for (int level = 0; level < (int) G_N_ELEMENTS (STRIDES); level++)
        decode_stride (outputs, level, spec, box.scale, found);
      cv::dnn::NMSBoxes (found.boxes, found.scores, spec.min_score, NMS_THRESHOLD, kept);
    }
  catch (const cv::Exception &exception)
    {
      caiji_face_set_cv_error (error, exception);
      return NULL;
    }
  /* NMSBoxes returns the survivors best first. */
  faces = g_array_sized_new (FALSE, FALSE, sizeof (CaijiFace), kept.size ());
  for (int index : kept)
    g_array_append_val (faces, found.faces[index]);
  return faces;
}
