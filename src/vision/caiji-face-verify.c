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

/* The face nearest the camera, NULL when there is none. */
const CaijiFace *
caiji_face_largest (GArray *faces)
{
  const CaijiFace *largest = NULL;

  for (guint i = 0; i < faces->len; i++)
    {
      const CaijiFace *face = &g_array_index (faces, CaijiFace, i);

      if (largest == NULL || face->width * face->height > largest->width * largest->height)
        largest = face;
    }
  return largest;
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

/* Exactly one face, aligned and embedded: the unit both sides of a
 * comparison are made of.  @face may be NULL. */
gboolean
caiji_face_embed_one (const CaijiImage    *image,
                      CaijiFaceDetector    detector,
                      CaijiFace           *face,
                      CaijiFaceEmbedding  *embedding,
                      GError             **error)
{
  CaijiFace found;

  if (!caiji_face_find_one (image, detector, &found, error) ||
      !caiji_face_embed (image, &found, embedding, error))
    return FALSE;
  if (face != NULL)
    *face = found;
  return TRUE;
}

static void
decide (const CaijiFaceEmbedding *photo,
        const CaijiFaceEmbedding *live,
        CaijiFaceVerdict         *verdict)
{
  verdict->score = caiji_face_similarity (photo, live);
  verdict->threshold = CAIJI_FACE_MATCH_THRESHOLD;
  verdict->match = verdict->score >= CAIJI_FACE_MATCH_THRESHOLD;
}

/* The kiosk's step 3: the ID photo was embedded once at step 2, so each
 * attempt costs one fast detection and one embedding of the camera frame.
 * @live_face (may be NULL) receives the face that was compared. */
gboolean
caiji_face_verify_live (const CaijiFaceEmbedding  *photo,
                        const CaijiImage          *live,
                        CaijiFace                 *live_face,
                        CaijiFaceVerdict          *verdict,
                        GError                   **error)
{
  CaijiFaceEmbedding live_embedding;

  g_return_val_if_fail (photo != NULL && live != NULL && verdict != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!caiji_face_embed_one (live, CAIJI_FACE_DETECTOR_FAST, live_face, &live_embedding, error))
    {
      g_prefix_error (error, "%s ", _("Live picture:"));
      return FALSE;
    }
  decide (photo, &live_embedding, verdict);
  return TRUE;
}

/* Two pictures, as the command line gets them.  The ID photo is a still,
 * so it gets the detector that does not miss a small second face. */
gboolean
caiji_face_verify (const CaijiImage  *photo,
                   const CaijiImage  *live,
                   CaijiFaceVerdict  *verdict,
                   GError           **error)
{
  CaijiFaceEmbedding photo_embedding;

  g_return_val_if_fail (photo != NULL && live != NULL && verdict != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!caiji_face_embed_one (photo, CAIJI_FACE_DETECTOR_ACCURATE, NULL, &photo_embedding, error))
    {
      g_prefix_error (error, "%s ", _("ID photo:"));
      return FALSE;
    }
  return caiji_face_verify_live (&photo_embedding, live, NULL, verdict, error);
}
