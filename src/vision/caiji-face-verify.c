/* caiji-face-verify.c: one face per picture, and the 1:1 decision
 *
 * Kept in C: it only combines the detector and the recogniser, and its
 * messages are the seed's (caiji-texts.c).
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-face.h"
#include "caiji-texts.h"

gboolean
caiji_face_find_one (const CaijiImage   *image,
                     CaijiFaceDetector   detector,
                     CaijiFace          *face,
                     GError            **error)
{
  g_autoptr(GArray) faces = caiji_face_detect (image, detector, error);

  if (faces == NULL)
    return FALSE;
  if (faces->len == 0)
    {
      g_set_error_literal (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_NO_FACE,
                           caiji_text (CAIJI_TEXT_NO_FACE));
      return FALSE;
    }
  if (faces->len > 1)
    {
      g_set_error_literal (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_SEVERAL_FACES,
                           caiji_text (CAIJI_TEXT_SEVERAL_FACES));
      return FALSE;
    }
  *face = g_array_index (faces, CaijiFace, 0);
  return TRUE;
}

double
caiji_face_similarity (const CaijiFaceEmbedding *a,
                       const CaijiFaceEmbedding *b)
{
  double dot = 0.0;

  for (guint i = 0; i < CAIJI_FACE_EMBEDDING_SIZE; i++)
    dot += (double) a->values[i] * b->values[i];
  return dot;
}

static gboolean
embed_one (const CaijiImage    *image,
           CaijiFaceEmbedding  *embedding,
           GError             **error)
{
  CaijiFace face;

  /* Both pictures are stills, so the slower detector that does not miss
   * a small second face is worth its milliseconds. */
  return caiji_face_find_one (image, CAIJI_FACE_DETECTOR_ACCURATE, &face, error) &&
         caiji_face_embed (image, &face, embedding, error);
}

gboolean
caiji_face_verify (const CaijiImage  *photo,
                   const CaijiImage  *live,
                   CaijiFaceVerdict  *verdict,
                   GError           **error)
{
  CaijiFaceEmbedding photo_embedding, live_embedding;

  g_return_val_if_fail (photo != NULL && live != NULL && verdict != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!embed_one (photo, &photo_embedding, error))
    {
      g_prefix_error (error, "%s ", _("ID photo:"));
      return FALSE;
    }
  if (!embed_one (live, &live_embedding, error))
    {
      g_prefix_error (error, "%s ", _("Live picture:"));
      return FALSE;
    }
  verdict->score = caiji_face_similarity (&photo_embedding, &live_embedding);
  verdict->threshold = CAIJI_FACE_MATCH_THRESHOLD;
  verdict->match = verdict->score >= CAIJI_FACE_MATCH_THRESHOLD;
  return TRUE;
}
