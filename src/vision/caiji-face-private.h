/* caiji-face-private.h: the shared networks, for the C++ shim only */
#pragma once

#include <mutex>
#include <opencv2/dnn.hpp>

#include "caiji-face.h"

typedef enum {
  CAIJI_FACE_NET_YUNET_320,
  CAIJI_FACE_NET_YUNET_640,
  CAIJI_FACE_NET_MOBILEFACENET,
  CAIJI_FACE_N_NETS
} CaijiFaceNetId;

/* Loads the network on first use and returns it with @hold locked: a
 * cv::dnn::Net keeps per-forward state, so one caller at a time runs it.
 * Returns NULL, with @hold unlocked, when the model cannot be loaded. */
cv::dnn::Net *caiji_face_net_acquire (CaijiFaceNetId                id,
                                      std::unique_lock<std::mutex> &hold,
                                      GError                      **error);

/* Reports an OpenCV failure on one input; never a programming error. */
void          caiji_face_set_cv_error (GError                **error,
                                       const cv::Exception   &exception);
