/* caiji-face.h: face detection, alignment, embedding and 1:1 verification
 *
 * Detection is YuNet-n, recognition MobileFaceNet, both through OpenCV's
 * dnn module behind this C API.  The networks are loaded once per process,
 * on first use or by caiji_face_models_load(), from the verified paths of
 * caiji_model_path(); every function here is safe to call from any thread
 * (callers of the same network take turns), and none belongs on the UI
 * thread.
 */
#pragma once

#include <gio/gio.h>

#include "caiji-image.h"

G_BEGIN_DECLS

#define CAIJI_FACE_ERROR (caiji_face_error_quark ())

/* A missing or damaged model file is reported in CAIJI_MODEL_ERROR, with
 * caiji_model_path()'s message; these codes cover the rest. */
typedef enum {
  CAIJI_FACE_ERROR_MODEL,          /* a verified model file that OpenCV cannot load */
  CAIJI_FACE_ERROR_NO_FACE,        /* 未识别到人脸 */
  CAIJI_FACE_ERROR_SEVERAL_FACES,
  CAIJI_FACE_ERROR_FAILED,         /* OpenCV failed on this input */
} CaijiFaceError;

typedef enum {
  /* YuNet at 320×320: for camera frames, where speed matters and the face
   * is near the camera. */
  CAIJI_FACE_DETECTOR_FAST,
  /* YuNet at 640×640: for stills, where a small second face in the
   * background must not be missed. */
  CAIJI_FACE_DETECTOR_ACCURATE,
} CaijiFaceDetector;

/* YuNet's landmark order.  "Right" is the person's right, which is on the
 * left of an unmirrored picture. */
typedef enum {
  CAIJI_FACE_RIGHT_EYE,
  CAIJI_FACE_LEFT_EYE,
  CAIJI_FACE_NOSE_TIP,
  CAIJI_FACE_RIGHT_MOUTH_CORNER,
  CAIJI_FACE_LEFT_MOUTH_CORNER,
  CAIJI_FACE_N_LANDMARKS
} CaijiFaceLandmark;

typedef struct {
  float x;
  float y;
} CaijiFacePoint;

/* In the picture's pixels.  The box may reach outside the picture when
 * the face is cut off by its border. */
typedef struct {
  float          x;
  float          y;
  float          width;
  float          height;
  CaijiFacePoint landmarks[CAIJI_FACE_N_LANDMARKS];
  float          score;   /* detector confidence, 0 … 1 */
} CaijiFace;

#define CAIJI_FACE_ALIGNED_SIZE    112
#define CAIJI_FACE_EMBEDDING_SIZE  128

/* Cosine similarity at or above which two faces are the same person.
 * Calibrated on the 16 single-identity photos of ../shared/testdata/faces
 * (6 people, aligned, MobileFaceNet): the 18 same-person pairs scored
 * 0.517–0.966 with the ACCURATE detector's landmarks (0.484–0.954 with
 * FAST), the 102 different-person pairs −0.250–0.241 (−0.243–0.189).
 * The middle of the narrower gap is 0.36–0.38; 0.40 leans towards
 * refusing a stranger, who costs more than a retry.  No false accept in
 * 102 pairs of only 6 people shows, at 95 % confidence, no more than a
 * false accept rate under about 3 % (rule of three): recalibrate on a
 * larger set before trusting it further.  tests/vision/test-face.c
 * prints the distributions and fails if a pair lands on the wrong side. */
#define CAIJI_FACE_MATCH_THRESHOLD 0.40

/* L2-normalised, so the dot product of two is their cosine similarity. */
typedef struct {
  float values[CAIJI_FACE_EMBEDDING_SIZE];
} CaijiFaceEmbedding;

typedef struct {
  double   score;       /* cosine similarity, -1 … 1 */
  double   threshold;   /* CAIJI_FACE_MATCH_THRESHOLD */
  gboolean match;
} CaijiFaceVerdict;

GQuark      caiji_face_error_quark    (void);

gboolean    caiji_face_models_load    (GError                  **error);
void        caiji_face_models_load_async  (GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    caiji_face_models_load_finish (GAsyncResult         *result,
                                           GError              **error);
void        caiji_face_set_threads    (guint                     n_threads);

GArray     *caiji_face_detect         (const CaijiImage         *image,
                                       CaijiFaceDetector         detector,
                                       GError                  **error);
gboolean    caiji_face_find_one       (const CaijiImage         *image,
                                       CaijiFaceDetector         detector,
                                       CaijiFace                *face,
                                       GError                  **error);
const CaijiFace *caiji_face_largest  (GArray                   *faces);

CaijiImage *caiji_face_align          (const CaijiImage         *image,
                                       const CaijiFace          *face,
                                       GError                  **error);
gboolean    caiji_face_embed_aligned  (const CaijiImage         *aligned,
                                       CaijiFaceEmbedding       *embedding,
                                       GError                  **error);
gboolean    caiji_face_embed          (const CaijiImage         *image,
                                       const CaijiFace          *face,
                                       CaijiFaceEmbedding       *embedding,
                                       GError                  **error);

gboolean    caiji_face_embed_one      (const CaijiImage         *image,
                                       CaijiFaceDetector         detector,
                                       CaijiFace                *face,
                                       CaijiFaceEmbedding       *embedding,
                                       GError                  **error);

double      caiji_face_similarity     (const CaijiFaceEmbedding *a,
                                       const CaijiFaceEmbedding *b);
gboolean    caiji_face_verify_live    (const CaijiFaceEmbedding *photo,
                                       const CaijiImage         *live,
                                       CaijiFace                *live_face,
                                       CaijiFaceVerdict         *verdict,
                                       GError                  **error);
gboolean    caiji_face_verify         (const CaijiImage         *photo,
                                       const CaijiImage         *live,
                                       CaijiFaceVerdict         *verdict,
                                       GError                  **error);

G_END_DECLS
