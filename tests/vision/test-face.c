/* test-face.c: detection, alignment and 1:1 verification on the shared test faces
 *
 * The photos come from ../shared/testdata/faces (see its README for the
 * identities); every non-face and degraded picture is made here.  The
 * score distributions are printed so that a change of model or threshold
 * shows what it does, and CAIJI_FACE_MATCH_THRESHOLD is checked against
 * them: every same-person pair matches, no different-person pair does.
 */
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "caiji-face.h"
#include "caiji-models.h"
#include "caiji-test-utils.h"
#include "caiji-texts.h"
#include "face-fixtures.h"

static GPtrArray *photos;   /* FacePhoto, every single-identity photo */

static gboolean
load_photos (void)
{
  if (!face_fixtures_available ())
    return FALSE;
  if (photos == NULL)
    photos = face_fixtures_load_photos ();
  g_assert_cmpuint (photos->len, >=, 2);
  return TRUE;
}

static void
assert_plausible_landmarks (const CaijiFace *face,
                            const char      *name)
{
  const CaijiFacePoint *p = face->landmarks;

  for (guint n = 0; n < CAIJI_FACE_N_LANDMARKS; n++)
    {
      g_assert_cmpfloat (p[n].x, >=, face->x);
      g_assert_cmpfloat (p[n].x, <=, face->x + face->width);
      g_assert_cmpfloat (p[n].y, >=, face->y);
      g_assert_cmpfloat (p[n].y, <=, face->y + face->height);
    }
  /* Upright portraits: the person's right eye is on the picture's left,
   * the eyes are above the nose, the nose above the mouth. */
  g_assert_cmpfloat (p[CAIJI_FACE_RIGHT_EYE].x, <, p[CAIJI_FACE_LEFT_EYE].x);
  g_assert_cmpfloat (p[CAIJI_FACE_RIGHT_MOUTH_CORNER].x, <, p[CAIJI_FACE_LEFT_MOUTH_CORNER].x);
  g_assert_cmpfloat (MAX (p[CAIJI_FACE_RIGHT_EYE].y, p[CAIJI_FACE_LEFT_EYE].y), <, p[CAIJI_FACE_NOSE_TIP].y);
  g_assert_cmpfloat (p[CAIJI_FACE_NOSE_TIP].y, <,
                     MIN (p[CAIJI_FACE_RIGHT_MOUTH_CORNER].y, p[CAIJI_FACE_LEFT_MOUTH_CORNER].y));
  g_test_message ("%-34s box %4.0f,%4.0f %4.0fx%-4.0f score %.3f", name,
                  face->x, face->y, face->width, face->height, face->score);
}

static void
assert_one_face_each (CaijiFaceDetector detector)
{
  if (!load_photos ())
    return;
  for (guint i = 0; i < photos->len; i++)
    {
      FacePhoto *photo = photos->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) faces = caiji_face_detect (photo->image, detector, &error);

      g_assert_no_error (error);
      if (faces->len != 1)
        g_test_message ("%s: %u faces", photo->name, faces->len);
      g_assert_cmpuint (faces->len, ==, 1);
      assert_plausible_landmarks (&g_array_index (faces, CaijiFace, 0), photo->name);
    }
}

static void
test_one_face_each_fast (void)
{
  assert_one_face_each (CAIJI_FACE_DETECTOR_FAST);
}

static void
test_one_face_each_accurate (void)
{
  assert_one_face_each (CAIJI_FACE_DETECTOR_ACCURATE);
}

static void
test_group_photos (gconstpointer data)
{
  CaijiFaceDetector detector = GPOINTER_TO_INT (data);
  /* The counts the shared README gives for YuNet-n 640. */
  const struct { const char *name; guint faces; } expected[] = {
    { "multi/kit_with_rose.jpg", 2 },
    { "multi/obama_and_biden.jpg", 3 },
    { "multi/two_people.jpg", 2 },
  };
  g_autoptr(GPtrArray) group = NULL;

  if (!face_fixtures_available ())
    return;
  group = face_fixtures_load_folder ("multi");
  g_assert_cmpuint (group->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < group->len; i++)
    {
      FacePhoto *photo = group->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) faces = caiji_face_detect (photo->image, detector, &error);
      CaijiFace face;

      g_assert_no_error (error);
      g_assert_cmpstr (photo->name, ==, expected[i].name);
      g_test_message ("%s: %u faces, expected %u", photo->name, faces->len, expected[i].faces);
      g_assert_cmpuint (faces->len, ==, expected[i].faces);
      for (guint n = 1; n < faces->len; n++)
        g_assert_cmpfloat (g_array_index (faces, CaijiFace, n - 1).score, >=, g_array_index (faces, CaijiFace, n).score);
      g_assert_false (caiji_face_find_one (photo->image, detector, &face, &error));
      g_assert_error (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_SEVERAL_FACES);
    }
}

/* Faces cut off by the border are found, and their boxes are not clamped
 * to the picture: the 完整 check needs to see that they reach outside. */
static void
test_cut_off_faces (void)
{
  g_autoptr(GPtrArray) cut_off = NULL;

  if (!face_fixtures_available ())
    return;
  cut_off = face_fixtures_load_folder ("partial");
  g_assert_cmpuint (cut_off->len, >, 0);
  for (guint i = 0; i < cut_off->len; i++)
    {
      FacePhoto *photo = cut_off->pdata[i];
      g_autoptr(GError) error = NULL;
      CaijiFace face;
      float right;

      g_assert_true (caiji_face_find_one (photo->image, CAIJI_FACE_DETECTOR_ACCURATE, &face, &error));
      right = face.x + face.width;
      g_test_message ("%s: box from x %.1f to %.1f, picture width %u", photo->name, face.x, right,
                      caiji_image_get_width (photo->image));
      g_assert_true (face.x < 0 || right > caiji_image_get_width (photo->image));
    }
}

static void
assert_no_face (CaijiImage *image,
                const char *what)
{
  for (CaijiFaceDetector detector = CAIJI_FACE_DETECTOR_FAST; detector <= CAIJI_FACE_DETECTOR_ACCURATE; detector++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) faces = caiji_face_detect (image, detector, &error);
      CaijiFace face;

      g_assert_no_error (error);
      g_test_message ("%s, detector %d: %u faces", what, detector, faces->len);
      g_assert_cmpuint (faces->len, ==, 0);
      g_assert_false (caiji_face_find_one (image, detector, &face, &error));
      g_assert_error (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_NO_FACE);
      /* The seed's 未识别到人脸, from the one place the texts live. */
      g_assert_cmpstr (error->message, ==, caiji_text (CAIJI_TEXT_NO_FACE));
    }
  caiji_image_free (image);
}

static void
test_non_faces (void)
{
  if (!face_fixtures_available ())
    return;
  for (guint32 seed = 1; seed <= 3; seed++)
    assert_no_face (face_fixtures_noise (640, 480, seed), "noise");
  assert_no_face (face_fixtures_gradient (640, 480), "gradient");
  assert_no_face (face_fixtures_gradient (37, 1200), "narrow gradient");
  assert_no_face (face_fixtures_digits (640, 480, "410820200103051241"), "digits");
  assert_no_face (face_fixtures_digits (400, 300, "0 1 2 3 4 5 6 7 8 9"), "spaced digits");
}

typedef struct {
  GArray *same;        /* double */
  GArray *different;   /* double */
} Scores;

static void
embed_photo (FacePhoto          *photo,
             CaijiFaceDetector   detector,
             CaijiFaceEmbedding *embedding)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (caiji_face_embed_one (photo->image, detector, NULL, embedding, &error));
  g_assert_no_error (error);
}

static void
print_distribution (const char *label,
                    GArray     *scores)
{
  GString *all = g_string_new (NULL);
  double mean = face_fixtures_sort_and_mean (scores);

  for (guint i = 0; i < scores->len; i++)
    g_string_append_printf (all, " %.3f", g_array_index (scores, double, i));
  g_test_message ("%s: %u pairs, min %.3f, median %.3f, mean %.3f, max %.3f", label, scores->len,
                  g_array_index (scores, double, 0), g_array_index (scores, double, scores->len / 2),
                  mean, g_array_index (scores, double, scores->len - 1));
  g_test_message ("%s, sorted:%s", label, all->str);
  g_string_free (all, TRUE);
}

static void
test_pairs_at_threshold (gconstpointer data)
{
  CaijiFaceDetector detector = GPOINTER_TO_INT (data);
  g_autofree CaijiFaceEmbedding *embeddings = NULL;
  g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) different = g_array_new (FALSE, FALSE, sizeof (double));
  guint false_rejects = 0, false_accepts = 0;

  if (!load_photos ())
    return;
  embeddings = g_new (CaijiFaceEmbedding, photos->len);
  for (guint i = 0; i < photos->len; i++)
    embed_photo (photos->pdata[i], detector, &embeddings[i]);
  for (guint i = 0; i < photos->len; i++)
    for (guint j = i + 1; j < photos->len; j++)
      {
        FacePhoto *a = photos->pdata[i], *b = photos->pdata[j];
        double score = caiji_face_similarity (&embeddings[i], &embeddings[j]);
        gboolean is_same = g_str_equal (a->identity, b->identity);

        g_array_append_val (is_same ? same : different, score);
        if (is_same && score < CAIJI_FACE_MATCH_THRESHOLD)
          false_rejects++, g_test_message ("same person rejected: %s %s %.3f", a->name, b->name, score);
        if (!is_same && score >= CAIJI_FACE_MATCH_THRESHOLD)
          false_accepts++, g_test_message ("different people accepted: %s %s %.3f", a->name, b->name, score);
      }
  print_distribution ("same person", same);
  print_distribution ("different people", different);
  g_test_message ("threshold %.2f: TAR %u/%u, FAR %u/%u", CAIJI_FACE_MATCH_THRESHOLD,
                  same->len - false_rejects, same->len, false_accepts, different->len);
  g_assert_cmpuint (same->len, >, 0);
  g_assert_cmpuint (different->len, >, 0);
  g_assert_cmpuint (false_rejects, ==, 0);
  g_assert_cmpuint (false_accepts, ==, 0);
}

static void
test_verify (void)
{
  g_autoptr(GError) error = NULL;
  CaijiFaceVerdict verdict;
  FacePhoto *first, *second, *stranger = NULL;

  if (!load_photos ())
    return;
  first = photos->pdata[0];
  second = photos->pdata[1];
  g_assert_cmpstr (first->identity, ==, second->identity);
  for (guint i = 0; i < photos->len && stranger == NULL; i++)
    if (!g_str_equal (((FacePhoto *) photos->pdata[i])->identity, first->identity))
      stranger = photos->pdata[i];
  g_assert_nonnull (stranger);

  g_assert_true (caiji_face_verify (first->image, second->image, &verdict, &error));
  g_assert_no_error (error);
  g_assert_true (verdict.match);
  g_assert_cmpfloat (verdict.threshold, ==, CAIJI_FACE_MATCH_THRESHOLD);
  g_assert_cmpfloat (verdict.score, >=, verdict.threshold);

  g_assert_true (caiji_face_verify (first->image, stranger->image, &verdict, &error));
  g_assert_no_error (error);
  g_assert_false (verdict.match);
  g_assert_cmpfloat (verdict.score, <, verdict.threshold);
}

/* Step 3 in the kiosk: the photo's embedding is kept, each camera frame
 * is compared with it, and the compared face is handed back to draw. */
static void
test_verify_live (void)
{
  g_autoptr(GError) error = NULL;
  CaijiFaceEmbedding photo;
  CaijiFaceVerdict verdict;
  CaijiFace live_face = { 0 };
  FacePhoto *first, *second;

  if (!load_photos ())
    return;
  first = photos->pdata[0];
  second = photos->pdata[1];
  embed_photo (first, CAIJI_FACE_DETECTOR_ACCURATE, &photo);
  g_assert_true (caiji_face_verify_live (&photo, second->image, &live_face, &verdict, &error));
  g_assert_no_error (error);
  g_assert_true (verdict.match);
  g_assert_cmpfloat (live_face.score, >, 0);
  g_assert_cmpfloat (live_face.width, >, 0);
}

static void
test_verify_without_face (void)
{
  g_autoptr(CaijiImage) noise = face_fixtures_noise (640, 480, 7);
  g_autoptr(GError) error = NULL;
  CaijiFaceVerdict verdict;

  if (!load_photos ())
    return;
  g_assert_false (caiji_face_verify (((FacePhoto *) photos->pdata[0])->image, noise, &verdict, &error));
  g_assert_error (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_NO_FACE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (caiji_face_verify (noise, ((FacePhoto *) photos->pdata[0])->image, &verdict, &error));
  g_assert_error (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_NO_FACE);
}

/* The standard 112×112 template of ../shared/models/README.md. */
static const float template_points[CAIJI_FACE_N_LANDMARKS][2] = {
  { 38.2946f, 51.6963f }, { 73.5318f, 51.5014f }, { 56.0252f, 71.7366f },
  { 41.5493f, 92.3655f }, { 70.7299f, 92.2041f },
};
static const guint8 marker_colours[CAIJI_FACE_N_LANDMARKS][3] = {
  { 255, 0, 0 }, { 0, 255, 0 }, { 0, 0, 255 }, { 255, 255, 0 }, { 255, 0, 255 },
};
#define MARKER_RADIUS 5

static void
draw_marker (guint8       *pixels,
             guint         side,
             float         cx,
             float         cy,
             const guint8 *colour)
{
  for (int y = (int) cy - MARKER_RADIUS - 1; y <= (int) cy + MARKER_RADIUS + 1; y++)
    for (int x = (int) cx - MARKER_RADIUS - 1; x <= (int) cx + MARKER_RADIUS + 1; x++)
      if (fabsf (x - cx) <= MARKER_RADIUS && fabsf (y - cy) <= MARKER_RADIUS)
        memcpy (pixels + ((gsize) y * side + x) * 3, colour, 3);
}

/* Where a marker's colour ended up in the crop: the centroid of the
 * pixels close to it. */
static CaijiFacePoint
find_marker (const CaijiImage *crop,
             const guint8     *colour)
{
  gsize stride;
  const guint8 *pixels = caiji_image_get_pixels (crop, &stride);
  double sum_x = 0, sum_y = 0, n = 0;
  CaijiFacePoint found;

  for (guint y = 0; y < CAIJI_FACE_ALIGNED_SIZE; y++)
    for (guint x = 0; x < CAIJI_FACE_ALIGNED_SIZE; x++)
      {
        const guint8 *p = pixels + y * stride + x * 3;

        if (abs (p[0] - colour[0]) + abs (p[1] - colour[1]) + abs (p[2] - colour[2]) < 120)
          sum_x += x, sum_y += y, n++;
      }
  g_assert_cmpfloat (n, >, 0);
  found.x = sum_x / n;
  found.y = sum_y / n;
  return found;
}

/* Model-free: landmarks placed by a known rotation, scale and shift must
 * come out of the alignment on the template, whatever the detector does. */
static void
test_alignment_lands_on_template (void)
{
  const guint side = 400;
  const double angle = G_PI / 9, scale = 2.5, shift_x = 150, shift_y = 110;
  g_autofree guint8 *pixels = g_malloc ((gsize) side * side * 3);
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(CaijiImage) crop = NULL;
  g_autoptr(GError) error = NULL;
  CaijiFace face = { .x = 0, .y = 0, .width = side, .height = side, .score = 1 };

  memset (pixels, 0x60, (gsize) side * side * 3);
  for (guint n = 0; n < CAIJI_FACE_N_LANDMARKS; n++)
    {
      double tx = template_points[n][0], ty = template_points[n][1];

      face.landmarks[n].x = scale * (cos (angle) * tx - sin (angle) * ty) + shift_x;
      face.landmarks[n].y = scale * (sin (angle) * tx + cos (angle) * ty) + shift_y;
      draw_marker (pixels, side, face.landmarks[n].x, face.landmarks[n].y, marker_colours[n]);
    }
  image = caiji_image_new_bgr (side, side, pixels, side * 3);
  crop = caiji_face_align (image, &face, &error);
  g_assert_no_error (error);
  for (guint n = 0; n < CAIJI_FACE_N_LANDMARKS; n++)
    {
      CaijiFacePoint found = find_marker (crop, marker_colours[n]);

      g_test_message ("landmark %u: at %.2f,%.2f, template %.2f,%.2f", n, found.x, found.y,
                      template_points[n][0], template_points[n][1]);
      g_assert_cmpfloat (fabs (found.x - template_points[n][0]), <, 1.0);
      g_assert_cmpfloat (fabs (found.y - template_points[n][1]), <, 1.0);
    }
}

static void
test_embedding_is_unit_length (void)
{
  CaijiFaceEmbedding embedding;
  double sum = 0;

  if (!load_photos ())
    return;
  embed_photo (photos->pdata[0], CAIJI_FACE_DETECTOR_ACCURATE, &embedding);
  for (guint i = 0; i < CAIJI_FACE_EMBEDDING_SIZE; i++)
    sum += (double) embedding.values[i] * embedding.values[i];
  g_assert_cmpfloat_with_epsilon (sqrt (sum), 1.0, 1e-5);
  g_assert_cmpfloat_with_epsilon (caiji_face_similarity (&embedding, &embedding), 1.0, 1e-5);
}

static void
test_aligned_crop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) aligned = NULL;
  CaijiFace face;
  FacePhoto *photo;

  if (!load_photos ())
    return;
  photo = photos->pdata[0];
  g_assert_true (caiji_face_find_one (photo->image, CAIJI_FACE_DETECTOR_ACCURATE, &face, &error));
  aligned = caiji_face_align (photo->image, &face, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caiji_image_get_width (aligned), ==, CAIJI_FACE_ALIGNED_SIZE);
  g_assert_cmpuint (caiji_image_get_height (aligned), ==, CAIJI_FACE_ALIGNED_SIZE);
}

/* A degraded copy of a photo must never match someone else; whether it
 * still matches its owner is recorded, because the quality checks, not
 * the matcher, are what refuse such pictures. */
typedef CaijiImage *(*Degrade) (const CaijiImage *image, guint strength);

static CaijiImage *
degrade_blur (const CaijiImage *image,
              guint             strength)
{
  return face_fixtures_box_blur (image, strength);
}

static CaijiImage *
degrade_dark (const CaijiImage *image,
              guint             strength)
{
  return face_fixtures_darken (image, 1.0 / strength);
}

static CaijiImage *
degrade_shrink (const CaijiImage *image,
                guint             strength)
{
  return face_fixtures_shrink (image, strength);
}

static CaijiImage *
degrade_rotate (const CaijiImage *image,
                guint             strength)
{
  return face_fixtures_rotate (image, strength);
}

static void
record_degraded (FacePhoto                *photo,
                 const char               *label,
                 CaijiImage               *degraded,
                 const CaijiFaceEmbedding *embeddings)
{
  g_autoptr(GError) error = NULL;
  CaijiFaceEmbedding embedding;
  CaijiFace face;
  double own = -1, worst_other = -1;

  if (!caiji_face_find_one (degraded, CAIJI_FACE_DETECTOR_ACCURATE, &face, &error) ||
      !caiji_face_embed (degraded, &face, &embedding, &error))
    {
      g_assert_true (g_error_matches (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_NO_FACE) ||
                     g_error_matches (error, CAIJI_FACE_ERROR, CAIJI_FACE_ERROR_SEVERAL_FACES));
      g_test_message ("%-30s %-10s %4ux%-4u refused: %s", photo->name, label, caiji_image_get_width (degraded),
                      caiji_image_get_height (degraded), error->message);
      return;
    }
  for (guint i = 0; i < photos->len; i++)
    {
      FacePhoto *other = photos->pdata[i];
      double score = caiji_face_similarity (&embedding, &embeddings[i]);

      if (other == photo)
        own = score;
      else if (!g_str_equal (other->identity, photo->identity))
        {
          worst_other = MAX (worst_other, score);
          g_assert_cmpfloat (score, <, CAIJI_FACE_MATCH_THRESHOLD);
        }
    }
  g_test_message ("%-30s %-10s %4ux%-4u face %3.0f px score %.2f: vs original %.3f (%s), best other person %.3f",
                  photo->name, label, caiji_image_get_width (degraded), caiji_image_get_height (degraded),
                  face.width, face.score, own, own >= CAIJI_FACE_MATCH_THRESHOLD ? "match" : "no match", worst_other);
}

static void
test_degraded_never_match_others (void)
{
  const struct { const char *label; Degrade degrade; guint strength; } variants[] = {
    { "blur r=3", degrade_blur, 3 },
    { "blur r=8", degrade_blur, 8 },
    { "dark /4", degrade_dark, 4 },
    { "dark /12", degrade_dark, 12 },
    { "shrink /4", degrade_shrink, 4 },
    { "shrink /8", degrade_shrink, 8 },
    { "rotate 20", degrade_rotate, 20 },
    { "rotate 45", degrade_rotate, 45 },
  };
  g_autofree CaijiFaceEmbedding *embeddings = NULL;

  if (!load_photos ())
    return;
  embeddings = g_new (CaijiFaceEmbedding, photos->len);
  for (guint i = 0; i < photos->len; i++)
    embed_photo (photos->pdata[i], CAIJI_FACE_DETECTOR_ACCURATE, &embeddings[i]);
  for (guint i = 0; i < photos->len; i++)
    for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
      {
        FacePhoto *photo = photos->pdata[i];
        guint strength = variants[v].strength;
        g_autoptr(CaijiImage) degraded = NULL;

        if (variants[v].degrade == degrade_shrink &&
            MIN (caiji_image_get_width (photo->image), caiji_image_get_height (photo->image)) / strength < CAIJI_IMAGE_MIN_SIDE)
          continue;
        degraded = variants[v].degrade (photo->image, strength);
        record_degraded (photo, variants[v].label, degraded, embeddings);
      }
}

typedef struct {
  CaijiImage         *image;
  CaijiFace           face;        /* found alone, before the threads start */
  CaijiFaceEmbedding  embedding;   /* of that face, alone */
} SharedJob;

static gpointer
detect_and_embed_in_thread (gpointer data)
{
  SharedJob *job = data;
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 5; round++)
    {
      CaijiFaceEmbedding embedding;
      CaijiFace face;

      g_assert_true (caiji_face_find_one (job->image, CAIJI_FACE_DETECTOR_FAST, &face, &error));
      g_assert_cmpmem (&face, sizeof face, &job->face, sizeof job->face);
      g_assert_true (caiji_face_embed (job->image, &face, &embedding, &error));
      g_assert_cmpfloat (caiji_face_similarity (&embedding, &job->embedding), >, 0.99999);
    }
  return NULL;
}

/* The shared networks serve several threads at once and give each the
 * answer it would get alone. */
static void
test_threads_share_the_models (void)
{
  SharedJob jobs[4];
  GThread *threads[G_N_ELEMENTS (jobs)];

  if (!load_photos ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].image = ((FacePhoto *) photos->pdata[i * 3 % photos->len])->image;
      g_assert_true (caiji_face_embed_one (jobs[i].image, CAIJI_FACE_DETECTOR_FAST, &jobs[i].face, &jobs[i].embedding, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    threads[i] = g_thread_new ("face", detect_and_embed_in_thread, &jobs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    g_thread_join (threads[i]);
}

typedef struct {
  gboolean  done;
  gboolean  loaded;
  GError   *error;
} LoadResult;

static void
on_models_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  LoadResult *load = data;

  load->loaded = caiji_face_models_load_finish (result, &load->error);
  load->done = TRUE;
}

/* The kiosk loads the models off the UI thread and hears back on it. */
static void
test_load_async (void)
{
  LoadResult load = { 0 };

  if (!face_fixtures_available ())
    return;
  caiji_face_models_load_async (NULL, on_models_loaded, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (load.error);
  g_assert_true (load.loaded);
}

static void
assert_model_error_in_subprocess (const char *env_dir,
                                  int         code)
{
  g_autoptr(CaijiImage) noise = face_fixtures_noise (64, 64, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) faces = NULL;
  LoadResult load = { 0 };
  g_autofree char *installed = g_strdup (g_getenv ("CAIJI_MODEL_DIR"));
  g_autofree char *installed_yunet = installed != NULL ? g_build_filename (installed, "yunet_n_320_320.onnx", NULL) : NULL;

  g_setenv ("CAIJI_MODEL_DIR", env_dir, TRUE);
  faces = caiji_face_detect (noise, CAIJI_FACE_DETECTOR_FAST, &error);
  g_assert_null (faces);
  g_assert_error (error, CAIJI_MODEL_ERROR, code);
  g_assert_nonnull (strstr (error->message, "yunet_n_320_320.onnx"));
  g_printerr ("%s\n", error->message);
  g_clear_error (&error);

  /* An async caller hears the same. */
  caiji_face_models_load_async (NULL, on_models_loaded, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (load.loaded);
  g_assert_error (load.error, CAIJI_MODEL_ERROR, code);
  g_clear_error (&load.error);

  /* The failure is not remembered: once the models are installed, the
   * same process loads them. */
  if (installed_yunet != NULL && g_file_test (installed_yunet, G_FILE_TEST_EXISTS))
    {
      g_setenv ("CAIJI_MODEL_DIR", installed, TRUE);
      g_assert_true (caiji_face_models_load (&error));
      g_assert_no_error (error);
    }
}

/* Runs in a fresh process, so that no model has been loaded yet. */
static void
test_missing_model (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *empty = caiji_test_make_tmpdir ();

      assert_model_error_in_subprocess (empty, CAIJI_MODEL_ERROR_MISSING);
      caiji_test_remove_tree (empty);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*is missing*");
}

static void
test_damaged_model (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = caiji_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "yunet_n_320_320.onnx", NULL);
      g_autoptr(GError) error = NULL;

      /* What an interrupted copy leaves: the right name, the wrong bytes. */
      g_file_set_contents (path, "not an onnx file", -1, &error);
      g_assert_no_error (error);
      assert_model_error_in_subprocess (dir, CAIJI_MODEL_ERROR_CORRUPT);
      caiji_test_remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*damaged*");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/face/model/missing", test_missing_model);
  g_test_add_func ("/face/model/damaged", test_damaged_model);
  g_test_add_func ("/face/model/load-async", test_load_async);
  g_test_add_func ("/face/detect/one-face-each/fast", test_one_face_each_fast);
  g_test_add_func ("/face/detect/one-face-each/accurate", test_one_face_each_accurate);
  g_test_add_data_func ("/face/detect/group-photos/fast", GINT_TO_POINTER (CAIJI_FACE_DETECTOR_FAST), test_group_photos);
  g_test_add_data_func ("/face/detect/group-photos/accurate", GINT_TO_POINTER (CAIJI_FACE_DETECTOR_ACCURATE), test_group_photos);
  g_test_add_func ("/face/detect/non-faces", test_non_faces);
  g_test_add_func ("/face/detect/cut-off", test_cut_off_faces);
  g_test_add_func ("/face/detect/threads", test_threads_share_the_models);
  g_test_add_func ("/face/align/crop", test_aligned_crop);
  g_test_add_func ("/face/align/template", test_alignment_lands_on_template);
  g_test_add_func ("/face/embed/unit-length", test_embedding_is_unit_length);
  g_test_add_data_func ("/face/verify/pairs-at-threshold/fast", GINT_TO_POINTER (CAIJI_FACE_DETECTOR_FAST), test_pairs_at_threshold);
  g_test_add_data_func ("/face/verify/pairs-at-threshold/accurate", GINT_TO_POINTER (CAIJI_FACE_DETECTOR_ACCURATE), test_pairs_at_threshold);
  g_test_add_func ("/face/verify/verdict", test_verify);
  g_test_add_func ("/face/verify/live", test_verify_live);
  g_test_add_func ("/face/verify/no-face", test_verify_without_face);
  g_test_add_func ("/face/verify/degraded", test_degraded_never_match_others);
  status = g_test_run ();
  g_clear_pointer (&photos, g_ptr_array_unref);
  return status;
}
