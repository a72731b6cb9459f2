/* caiji-face-embed.cpp: alignment to 112×112 and MobileFaceNet embeddings
 *
 * Recognition only works on faces aligned the way the network was trained:
 * the five landmarks are mapped onto the standard ArcFace template by a
 * similarity transform.  Without it the gap between same-person and
 * different-person scores shrinks (../shared/models/README.md).
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include "caiji-face-private.h"
#include "caiji-image-private.h"

namespace {

const float TEMPLATE[CAIJI_FACE_N_LANDMARKS][2] = {
  { 38.2946f, 51.6963f },
  { 73.5318f, 51.5014f },
  { 56.0252f, 71.7366f },
  { 41.5493f, 92.3655f },
  { 70.7299f, 92.2041f },
};

/* Any landmark within the crop counts as an inlier, so RANSAC keeps all
 * five and the final refinement is a least-squares fit over all of them,
 * as in the reference alignment; with the default 3 px a face with
 * unusual proportions would be aligned on a subset. */
const double ALIGN_INLIER_PX = CAIJI_FACE_ALIGNED_SIZE;

const cv::Scalar MEAN (0.485, 0.456, 0.406);
const cv::Scalar STD (0.229, 0.224, 0.225);

cv::Mat
align (const cv::Mat   &bgr,
       const CaijiFace *face)
{
  std::vector<cv::Point2f> from, to;
  cv::Mat transform, aligned;

  for (int n = 0; n < CAIJI_FACE_N_LANDMARKS; n++)
    {
      from.emplace_back (face->landmarks[n].x, face->landmarks[n].y);
      to.emplace_back (TEMPLATE[n][0], TEMPLATE[n][1]);
    }
  transform = cv::estimateAffinePartial2D (from, to, cv::noArray (), cv::RANSAC, ALIGN_INLIER_PX);
  if (transform.empty ())
    return cv::Mat ();
  cv::warpAffine (bgr, aligned, transform, cv::Size (CAIJI_FACE_ALIGNED_SIZE, CAIJI_FACE_ALIGNED_SIZE),
                  cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all (0));
  return aligned;
}

/* BGR → RGB, /255, ImageNet mean and std, NCHW: as MobileFaceNet was
 * trained (foamliu/MobileFaceNet). */
cv::Mat
preprocess (const cv::Mat &aligned)
{
  cv::Mat rgb, normalised;

  cv::cvtColor (aligned, rgb, cv::COLOR_BGR2RGB);
  rgb.convertTo (normalised, CV_32FC3, 1.0 / 255.0);
  cv::subtract (normalised, MEAN, normalised);
  cv::divide (normalised, STD, normalised);
  return cv::dnn::blobFromImage (normalised);
}

gboolean
run_mobilefacenet (const cv::Mat  &blob,
                   cv::Mat        &output,
                   GError        **error)
{
  std::unique_lock<std::mutex> hold;
  cv::dnn::Net *net = caiji_face_net_acquire (CAIJI_FACE_NET_MOBILEFACENET, hold, error);

  if (net == nullptr)
    return FALSE;
  net->setInput (blob);
  /* forward() returns a view of the network's buffer: copy it before
   * the next caller reuses it. */
  output = net->forward ().clone ();
  return TRUE;
}

gboolean
set_normalised (const cv::Mat       &output,
                CaijiFaceEmbedding  *embedding,
                GError             **error)
{
  cv::Mat row = output.reshape (1, 1);
  double norm = cv::norm (row, cv::NORM_L2);

  if (row.total () != CAIJI_FACE_EMBEDDING_SIZE || !(norm > 0.0))
    {
      g_set_error_literal (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_FAILED,
                           _("The face recognition model gave an unusable result for this picture."));
      return FALSE;
    }
  for (int i = 0; i < CAIJI_FACE_EMBEDDING_SIZE; i++)
    embedding->values[i] = (float) (row.at<float> (i) / norm);
  return TRUE;
}

} // namespace

CaijiImage *
caiji_face_align (const CaijiImage  *image,
                  const CaijiFace   *face,
                  GError           **error)
{
  cv::Mat aligned;

  g_return_val_if_fail (image != NULL && face != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  try
    {
      aligned = align (image->bgr, face);
    }
  catch (const cv::Exception &exception)
    {
      caiji_face_set_cv_error (error, exception);
      return NULL;
    }
  if (aligned.empty ())
    {
      g_set_error_literal (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_FAILED,
                           _("The face in this picture cannot be straightened for comparison. Please face the camera directly."));
      return NULL;
    }
  return caiji_image_wrap (aligned);
}

gboolean
caiji_face_embed_aligned (const CaijiImage    *aligned,
                          CaijiFaceEmbedding  *embedding,
                          GError             **error)
{
  cv::Mat output;

  g_return_val_if_fail (aligned != NULL && embedding != NULL, FALSE);
  g_return_val_if_fail (aligned->bgr.cols == CAIJI_FACE_ALIGNED_SIZE &&
                        aligned->bgr.rows == CAIJI_FACE_ALIGNED_SIZE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  try
    {
      if (!run_mobilefacenet (preprocess (aligned->bgr), output, error))
        return FALSE;
    }
  catch (const cv::Exception &exception)
    {
      caiji_face_set_cv_error (error, exception);
      return FALSE;
    }
  return set_normalised (output, embedding, error);
}

gboolean
caiji_face_embed (const CaijiImage    *image,
                  const CaijiFace     *face,
                  CaijiFaceEmbedding  *embedding,
                  GError             **error)
{
  g_autoptr(CaijiImage) aligned = caiji_face_align (image, face, error);

  if (aligned == NULL)
    return FALSE;
  return caiji_face_embed_aligned (aligned, embedding, error);
}
