/* test-photo-check.c: the ID photo check on the shared faces and their degraded variants
 *
 * Per check, two figures: the share of its degraded variants (and of the
 * shared photos that really have that defect) it catches, and the share
 * of the shared photos without that defect it flags anyway.  The targets
 * are at least 95 % caught and at most 5 % false alarms; the test prints
 * every figure and asserts the targets for the checks listed as meeting
 * them in docs/photo-check.md.
 */
#include <math.h>
#include <string.h>

#include "face-fixtures.h"
#include "photo-variants.h"

#define BIT(problem) (1u << CAIJI_PHOTO_PROBLEM_##problem)
#define GEOMETRY (BIT (CUT_OFF) | BIT (NOT_CENTRED) | BIT (FACE_TOO_SMALL))

/* What a person sees in each shared photo (by eye, before any check ran):
 * the defects an ID photo office would refuse it for under the 学信网
 * profile, and the aspects too close to call, which count neither way. */
typedef struct {
  const char *name;
  guint       has;
  guint       unsure;
} PhotoTruth;

static const PhotoTruth truths[] = {
  /* Studio portraits on plain light walls: acceptable ID photos. */
  { "alex_lacamoire/alex_1.jpg", 0, 0 },
  { "alex_lacamoire/alex_2.jpg", 0, 0 },
  /* A small, soft video still on a dark wall.  Video compression wiped
   * its skin's grain the way a beauty filter does: nobody can tell which. */
  { "alex_lacamoire/alex_3.png", BIT (FACE_TOO_SMALL) | BIT (BACKGROUND) | BIT (BLURRY), BIT (BEAUTY_FILTER) },
  /* Full-length and half-length official photos in furnished rooms. */
  { "biden/biden_1.jpg", BIT (BACKGROUND), BIT (POSE) },
  { "biden/biden_2.jpg", BIT (BACKGROUND), 0 },
  { "kit_harington/kit_1.jpg", BIT (FACE_TOO_SMALL) | BIT (BACKGROUND), BIT (BLURRY) },
  { "kit_harington/kit_2.jpg", BIT (FACE_TOO_SMALL) | BIT (POSE), BIT (CUT_OFF) | BIT (BACKGROUND) | BIT (UNEVEN_LIGHT) },
  { "kit_harington/kit_3.jpg", BIT (FACE_TOO_SMALL) | BIT (POSE), BIT (BACKGROUND) },
  /* A video still too: waxy skin, as compressed video leaves it. */
  { "lin_manuel_miranda/lin_1.png", BIT (BACKGROUND), BIT (POSE) | BIT (BLURRY) | BIT (CUT_OFF) | BIT (BEAUTY_FILTER) },
  { "obama/obama_1.jpg", BIT (BACKGROUND), 0 },
  { "obama/obama_2.jpg", BIT (POSE) | BIT (BACKGROUND), 0 },
  { "obama/obama_3.jpg", BIT (BACKGROUND), BIT (POSE) },
  { "obama/obama_4.jpg", BIT (POSE) | BIT (BACKGROUND), BIT (CUT_OFF) },
  { "obama/obama_5_480p.jpg", BIT (FACE_TOO_SMALL) | BIT (BACKGROUND), 0 },
  { "rose_leslie/rose_1.jpg", BIT (BACKGROUND), BIT (CUT_OFF) | BIT (UNEVEN_LIGHT) | BIT (BLURRY) },
  { "rose_leslie/rose_2.jpg", BIT (BACKGROUND), 0 },
};

/* The checks that reach both targets on this set; docs/photo-check.md
 * gives the figures of the others. */
static const guint asserted = BIT (CUT_OFF) | BIT (NOT_CENTRED) | BIT (FACE_TOO_SMALL) | BIT (POSE) |
                              BIT (EYES_HIDDEN) | BIT (GLASSES) | BIT (HAT) | BIT (BLURRY) | BIT (TOO_DARK) |
                              BIT (OVEREXPOSED) | BIT (UNEVEN_LIGHT) | BIT (BACKGROUND) | BIT (BEAUTY_FILTER);

typedef struct {
  guint caught, positives;
  guint alarms, negatives;
} Tally;

typedef struct {
  GPtrArray *photos;
  Tally      tally[CAIJI_PHOTO_N_PROBLEMS];
  GArray    *ms;
} Fixture;

static const PhotoTruth *
truth_of (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (truths); i++)
    if (g_str_equal (truths[i].name, name))
      return &truths[i];
  return NULL;
}

static CaijiPhotoReport *
check (Fixture          *fixture,
       const CaijiImage *image)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  CaijiPhotoReport *report = caiji_photo_check (image, caiji_photo_profile_default (), CAIJI_PHOTO_SOURCE_FILE, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_no_error (error);
  g_array_append_val (fixture->ms, ms);
  return report;
}

static void
print_measures (const char               *what,
                const CaijiPhotoReport   *report)
{
  const CaijiPhotoMeasures *m = &report->measures;
  GString *codes = g_string_new (NULL);

  for (guint problem = 0; problem < CAIJI_PHOTO_N_PROBLEMS; problem++)
    if (caiji_photo_report_has (report, problem))
      g_string_append_printf (codes, " %s", caiji_photo_problem_code (problem));
  g_test_message ("%-44s yaw %5.1f pitch %5.1f roll %5.1f sharp %.3f light %3.0f burnt %.3f shadow %.2f "
                  "bg %3.0f/%4.1f eyes %.2f glasses %.2f forehead %.2f texture %.2f:%s",
                  what, m->yaw, m->pitch, m->roll, m->sharpness, m->brightness, m->highlights, m->shadow,
                  m->background_luma, m->background_detail, m->eye_contrast, m->glasses, m->forehead_skin,
                  m->skin_texture, codes->str);
  g_string_free (codes, TRUE);
}

/* The clean photo: every check its truth marks as absent is a negative,
 * every one it marks as present a positive. */
static void
score_clean (Fixture                *fixture,
             const PhotoTruth       *truth,
             const CaijiPhotoReport *report)
{
  for (guint problem = CAIJI_PHOTO_PROBLEM_CUT_OFF; problem < CAIJI_PHOTO_N_PROBLEMS; problem++)
    {
      Tally *tally = &fixture->tally[problem];
      gboolean flagged = caiji_photo_report_has (report, problem);

      if ((truth->unsure & (1u << problem)) != 0)
        continue;
      if ((truth->has & (1u << problem)) != 0)
        {
          tally->positives++;
          tally->caught += flagged;
        }
      else
        {
          tally->negatives++;
          tally->alarms += flagged;
        }
    }
}

static void
score_variants (Fixture          *fixture,
                const FacePhoto  *photo,
                const PhotoTruth *truth,
                const CaijiFace  *face)
{
  for (guint variant = 0; variant < PHOTO_N_VARIANTS; variant++)
    {
      CaijiPhotoProblem problem = photo_variant_problem (variant);
      g_autoptr(CaijiImage) image = NULL;
      g_autoptr(CaijiPhotoReport) report = NULL;
      g_autofree char *what = NULL;
      Tally *tally = &fixture->tally[problem];

      /* A variant shows its one defect only on a photo without it. */
      guint excluded = ((1u << problem) & GEOMETRY) != 0 ? GEOMETRY : 1u << problem;

      if (((truth->has | truth->unsure) & excluded) != 0)
        continue;
      image = photo_variant_new (photo->image, face, caiji_photo_profile_default (), variant, g_str_hash (photo->name));
      report = check (fixture, image);
      what = g_strdup_printf ("%s %s", photo->name, photo_variant_name (variant));
      print_measures (what, report);
      tally->positives++;
      tally->caught += caiji_photo_report_has (report, problem);
    }
}

static void
print_table (const Fixture *fixture)
{
  g_test_message ("%-16s %14s %8s %14s %8s", "check", "caught", "rate", "false alarms", "rate");
  for (guint problem = CAIJI_PHOTO_PROBLEM_CUT_OFF; problem < CAIJI_PHOTO_N_PROBLEMS; problem++)
    {
      const Tally *t = &fixture->tally[problem];

      g_test_message ("%-16s %8u / %3u %7.1f%% %8u / %3u %7.1f%%", caiji_photo_problem_code (problem),
                      t->caught, t->positives, t->positives ? 100.0 * t->caught / t->positives : NAN,
                      t->alarms, t->negatives, t->negatives ? 100.0 * t->alarms / t->negatives : NAN);
    }
}

static void
assert_targets (const Fixture *fixture)
{
  for (guint problem = CAIJI_PHOTO_PROBLEM_CUT_OFF; problem < CAIJI_PHOTO_N_PROBLEMS; problem++)
    {
      const Tally *t = &fixture->tally[problem];

      if ((asserted & (1u << problem)) == 0)
        continue;
      g_test_message ("asserting %s", caiji_photo_problem_code (problem));
      g_assert_cmpuint (t->positives, >, 0);
      g_assert_cmpuint (t->negatives, >, 0);
      g_assert_cmpfloat ((double) t->caught / t->positives, >=, 0.95);
      g_assert_cmpfloat ((double) t->alarms / t->negatives, <=, 0.05);
    }
}

static void
test_catch_and_false_alarms (void)
{
  Fixture fixture = { 0 };

  if (!face_fixtures_available ())
    return;
  fixture.photos = face_fixtures_load_photos ();
  fixture.ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < fixture.photos->len; i++)
    {
      const FacePhoto *photo = fixture.photos->pdata[i];
      const PhotoTruth *truth = truth_of (photo->name);
      g_autoptr(CaijiPhotoReport) report = check (&fixture, photo->image);

      g_assert_nonnull (truth);
      print_measures (photo->name, report);
      g_assert_cmpuint (report->faces, ==, 1);
      score_clean (&fixture, truth, report);
      score_variants (&fixture, photo, truth, &report->face);
    }
  print_table (&fixture);
  g_test_message ("median check: %.1f ms over %u pictures (unoptimised builds and sanitizers are slower)",
                  (face_fixtures_sort_and_mean (fixture.ms), g_array_index (fixture.ms, double, fixture.ms->len / 2)),
                  fixture.ms->len);
  assert_targets (&fixture);
  g_array_unref (fixture.ms);
  g_ptr_array_unref (fixture.photos);
}

/* An accepted photo becomes the profile's standard photo: its size, its
 * JPEG in the band, and the face in it as wide as the profile asks. */
static void
assert_standard (const CaijiPhotoReport *report)
{
  const CaijiPhotoProfile *profile = report->profile;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) decoded = caiji_image_decode (report->standard_jpeg, &error);
  CaijiFace face;

  g_assert_no_error (error);
  g_assert_cmpuint (caiji_image_get_width (decoded), ==, profile->width);
  g_assert_cmpuint (caiji_image_get_height (decoded), ==, profile->height);
  if (profile->max_bytes > 0)
    {
      g_assert_cmpuint (g_bytes_get_size (report->standard_jpeg), >=, profile->min_bytes);
      g_assert_cmpuint (g_bytes_get_size (report->standard_jpeg), <=, profile->max_bytes);
    }
  g_assert_true (caiji_face_find_one (decoded, CAIJI_FACE_DETECTOR_ACCURATE, &face, &error));
  g_assert_no_error (error);
  /* The detector's box wobbles by a few pixels between scales. */
  g_assert_cmpfloat (face.width, >=, profile->min_face_width * 0.95);
  g_assert_cmpfloat (face.width, <=, profile->max_face_width * 1.05);
}

/* A candidate may upload a standard photo made before: squeezed into the
 * profile's file size, its skin must not look filtered nor its face too
 * small. */
static void
assert_standard_passes (const CaijiPhotoReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiImage) decoded = caiji_image_decode (report->standard_jpeg, &error);
  g_autoptr(CaijiPhotoReport) again = NULL;

  g_assert_no_error (error);
  again = caiji_photo_check (decoded, report->profile, CAIJI_PHOTO_SOURCE_FILE, &error);
  g_assert_no_error (error);
  g_test_message ("%s again: skin grain %.2f, face %.0f px, problems %#x", report->profile->name,
                  again->measures.skin_texture, again->measures.face_width, again->problems);
  g_assert_cmpuint (again->problems, ==, 0);
}

static void
test_standard_photo (void)
{
  g_autoptr(GPtrArray) photos = NULL;
  const char *const *names = caiji_photo_profile_names ();

  if (!face_fixtures_available ())
    return;
  /* alex_1 and alex_2: studio portraits on plain light walls. */
  photos = face_fixtures_load_folder ("alex_lacamoire");
  for (guint i = 0; i < 2; i++)
    for (guint n = 0; names[n] != NULL; n++)
      {
        const FacePhoto *photo = photos->pdata[i];
        const CaijiPhotoProfile *profile = caiji_photo_profile_find (names[n]);
        g_autoptr(GError) error = NULL;
        g_autoptr(CaijiPhotoReport) report = caiji_photo_check (photo->image, profile, CAIJI_PHOTO_SOURCE_FILE, &error);

        g_assert_no_error (error);
        g_test_message ("%s %s: first problem %u, %zu bytes at quality %d", photo->name, names[n],
                        caiji_photo_report_first (report),
                        report->standard_jpeg != NULL ? g_bytes_get_size (report->standard_jpeg) : 0, report->jpeg_quality);
        g_assert_cmpuint (report->problems, ==, 0);
        assert_standard (report);
        assert_standard_passes (report);
      }
}

/* A still of the kiosk's camera is never judged for a beauty filter:
 * nobody could retouch it, and a webcam smooths skin by itself.  The
 * same filtered picture is refused as an upload. */
static void
test_camera_still_not_judged_for_beauty (void)
{
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(CaijiImage) filtered = NULL;
  g_autoptr(CaijiPhotoReport) uploaded = NULL;
  g_autoptr(CaijiPhotoReport) still = NULL;
  g_autoptr(GError) error = NULL;
  const FacePhoto *photo;
  CaijiFace face;

  if (!face_fixtures_available ())
    return;
  photos = face_fixtures_load_folder ("alex_lacamoire");
  photo = photos->pdata[1];   /* alex_2: passes as it is */
  g_assert_true (caiji_face_find_one (photo->image, CAIJI_FACE_DETECTOR_ACCURATE, &face, &error));
  filtered = photo_variant_new (photo->image, &face, caiji_photo_profile_default (), PHOTO_VARIANT_BEAUTY, 1);
  uploaded = caiji_photo_check (filtered, NULL, CAIJI_PHOTO_SOURCE_FILE, &error);
  g_assert_no_error (error);
  still = caiji_photo_check (filtered, NULL, CAIJI_PHOTO_SOURCE_CAMERA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caiji_photo_report_first (uploaded), ==, CAIJI_PHOTO_PROBLEM_BEAUTY_FILTER);
  g_assert_cmpuint (still->problems, ==, 0);
  g_assert_nonnull (still->standard_jpeg);
}

static void
test_no_face_and_several (void)
{
  g_autoptr(CaijiImage) noise = NULL;
  g_autoptr(CaijiPhotoReport) report = NULL;
  g_autoptr(GPtrArray) multi = NULL;
  g_autoptr(GError) error = NULL;

  if (!face_fixtures_available ())
    return;
  noise = face_fixtures_noise (480, 640, 7);
  report = caiji_photo_check (noise, NULL, CAIJI_PHOTO_SOURCE_FILE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caiji_photo_report_first (report), ==, CAIJI_PHOTO_PROBLEM_NO_FACE);
  g_assert_null (report->standard_jpeg);
  multi = face_fixtures_load_folder ("multi");
  for (guint i = 0; i < multi->len; i++)
    {
      g_autoptr(CaijiPhotoReport) several = caiji_photo_check (((FacePhoto *) multi->pdata[i])->image, NULL, CAIJI_PHOTO_SOURCE_FILE, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (caiji_photo_report_first (several), ==, CAIJI_PHOTO_PROBLEM_SEVERAL_FACES);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/photo-check/no-face-and-several", test_no_face_and_several);
  g_test_add_func ("/photo-check/standard-photo", test_standard_photo);
  g_test_add_func ("/photo-check/camera-still-not-judged-for-beauty", test_camera_still_not_judged_for_beauty);
  g_test_add_func ("/photo-check/catch-and-false-alarms", test_catch_and_false_alarms);
  return g_test_run ();
}
