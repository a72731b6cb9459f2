/* caiji-photo-private.h: the parts of the ID photo check, for its C++ files only */
#pragma once

#include <opencv2/core.hpp>

#include "caiji-photo-check.h"
#include "caiji-photo-tuning.h"

/* The canonical face: level eyes PHOTO_EYE_DISTANCE apart (caiji-photo-tuning.h). */
struct CanonicalFace {
  cv::Mat bgr;
  cv::Mat luma;       /* CV_8U */
  cv::Mat to_canvas;  /* 2×3, picture → canvas */
};

/* caiji-photo-face.cpp: what the face itself shows. */
CanonicalFace photo_canonical_face   (const cv::Mat          &bgr,
                                      const CaijiFace        &face);
cv::Rect      photo_region_rect      (const CaijiPhotoRegion &region);
void          photo_measure_pose     (const CaijiFace        &face,
                                      CaijiPhotoMeasures     *measures);
void          photo_measure_light    (const CanonicalFace    &canonical,
                                      CaijiPhotoMeasures     *measures);
void          photo_measure_detail   (const CanonicalFace    &canonical,
                                      CaijiPhotoMeasures     *measures);
void          photo_measure_texture  (const CanonicalFace    &canonical,
                                      const cv::Mat          &bgr,
                                      CaijiPhotoMeasures     *measures);
void          photo_measure_covering (const CanonicalFace    &canonical,
                                      CaijiPhotoMeasures     *measures);

/* caiji-photo-layout.cpp: where the standard photo lies in the picture. */
struct PhotoLayout {
  cv::Rect2d crop;        /* in picture pixels; may reach outside it */
  double     scale;       /* standard-photo pixels per picture pixel */
  guint      problems;    /* CUT_OFF, NOT_CENTRED, FACE_TOO_SMALL bits */
};

PhotoLayout   photo_layout           (const cv::Mat           &bgr,
                                      const CaijiFace         &face,
                                      const CaijiPhotoProfile *profile);
void          photo_measure_background (const cv::Mat           &bgr,
                                        const PhotoLayout       &layout,
                                        const CaijiPhotoProfile *profile,
                                        CaijiPhotoMeasures      *measures);
cv::Mat       photo_standard_image   (const cv::Mat           &bgr,
                                      const PhotoLayout       &layout,
                                      const CaijiPhotoProfile *profile);
GBytes       *photo_encode_in_band   (const CaijiImage        *standard,
                                      const CaijiPhotoProfile *profile,
                                      int                     *quality,
                                      GError                 **error);
