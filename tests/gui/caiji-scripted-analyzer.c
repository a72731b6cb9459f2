/* caiji-scripted-analyzer.c: a test double of the vision for the widget tests */
#include "caiji-config.h"

#include <math.h>

#include "caiji-face-guidance.h"
#include "caiji-scripted-analyzer.h"

#define THRESHOLD 0.4

struct _CaijiScriptedAnalyzer {
  GObject           parent_instance;

  GMutex            lock;
  CaijiCaptureAnalyzer *unavailable;  /* the kiosk's own, for what is scripted as missing */
  CaijiCardReading *reading;
  CaijiCardTip      tip;        /* of a card reading */
  CaijiCardTip      live_tip;   /* of a preview frame, once the script is played */
  GArray           *tip_script; /* of CaijiCardTip: the next preview frames' tips */
  guint             tips;       /* preview frames answered */
  guint             card_reads;
  guint             tips_at_first_read;
  gboolean          unsteady;   /* every read sees another number */
  guint             faces;
  char             *problem;
  double            quality;
  int               photo_from_camera;  /* of the last photo checked; -1 before any */
  gboolean          has_face;
  gboolean          no_detector;
  CaijiFaceOutcome  outcome;
  double            score;
  CaijiCaptureAnalyzer *face_vision;  /* step 3 goes here when set */
  GArray           *yaws;      /* double: the scripted head pose, replayed in a loop */
  guint             sightings; /* how many preview frames were sighted */
  guint             matches;   /* how many comparisons ran */
  char             *expected_name;  /* what the last card reading was told */
};

static void analyzer_iface_init (CaijiCaptureAnalyzerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaijiScriptedAnalyzer, caiji_scripted_analyzer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CAIJI_TYPE_CAPTURE_ANALYZER, analyzer_iface_init))

static CaijiCardTip
card_tip (CaijiCaptureAnalyzer *analyzer,
          const CaijiImage     *frame)
{
  CaijiScriptedAnalyzer *self = CAIJI_SCRIPTED_ANALYZER (analyzer);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->tips++;
  if (self->tip_script->len > 0)
    {
      CaijiCardTip tip = g_array_index (self->tip_script, CaijiCardTip, 0);

      g_array_remove_index (self->tip_script, 0);
      return tip;
    }
  return self->live_tip;
}

static CaijiCardReading *
read_card (CaijiCaptureAnalyzer *analyzer,
           const CaijiImage     *image,
           CaijiCardSide         wanted,
           const char           *expected_name,
           CaijiCardTip         *tip,
           GError              **error)
{
  CaijiScriptedAnalyzer *self = CAIJI_SCRIPTED_ANALYZER (analyzer);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  CaijiCardReading *reading;

  g_free (self->expected_name);
  self->expected_name = g_strdup (expected_name);
  if (self->reading == NULL)
    return caiji_capture_analyzer_read_card (self->unavailable, image, wanted, expected_name, tip, error);
  if (self->card_reads++ == 0)
    self->tips_at_first_read = self->tips;
  *tip = self->tip;
  reading = caiji_card_reading_copy (self->reading);
  if (self->unsteady && reading->id_number != NULL)
    {
      g_free (reading->id_number);
      reading->id_number = g_strdup_printf ("%s-%u", self->reading->id_number, self->card_reads);
    }
  return reading;
}

static gboolean
check_photo (CaijiCaptureAnalyzer *analyzer,
             const CaijiImage     *photo,
             gboolean              from_camera,
             CaijiPhotoCheck      *check,
             GError              **error)
{
  CaijiScriptedAnalyzer *self = CAIJI_SCRIPTED_ANALYZER (analyzer);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->photo_from_camera = from_camera;
  check->faces = self->faces;
  check->problem = g_strdup (self->problem);
  check->quality = self->quality;
  return TRUE;
}

static gboolean
find_face (CaijiCaptureAnalyzer *analyzer,
           const CaijiImage     *frame,
           gboolean             *has_face,
           graphene_rect_t      *box,
           GError              **error)
{
  CaijiScriptedAnalyzer *self = CAIJI_SCRIPTED_ANALYZER (analyzer);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  float width = caiji_image_get_width (frame);
  float height = caiji_image_get_height (frame);

  if (self->no_detector)
    return caiji_capture_analyzer_find_face (self->unavailable, frame, has_face, box, error);
  *has_face = self->has_face;
  if (self->has_face)
    graphene_rect_init (box, width * 0.3f, height * 0.2f, width * 0.4f, height * 0.5f);
  return TRUE;
}

/* Ahead for 4 frames, left for 3, ahead for 4, right for 3. */
static const double cooperative_yaws[] = { 0.02, 0.01, 0.02, 0.0, 0.35, 0.40, 0.36,
                                           0.02, 0.01, 0.0, 0.02, -0.35, -0.40, -0.36 };

static gboolean
sight_face (CaijiCaptureAnalyzer *analyzer,
            const CaijiImage     *frame,
            CaijiFaceSighting    *sighting,
            GError              **error)
{
  CaijiScriptedAnalyzer *self = CAIJI_SCRIPTED_ANALYZER (analyzer);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  float width = caiji_image_get_width (frame);
  float height = caiji_image_get_height (frame);
  guint frame_index = self->sightings++;

  if (self->face_vision != NULL)
    {
      g_autoptr(CaijiCaptureAnalyzer) vision = g_object_ref (self->face_vision);

      g_clear_pointer (&locker, g_mutex_locker_free);
      return caiji_capture_analyzer_sight_face (vision, frame, sighting, error);
    }

  if (self->no_detector)
    return caiji_capture_analyzer_sight_face (self->unavailable, frame, sighting, error);
  sighting->has_face = self->has_face;
  sighting->faces = self->has_face ? 1 : 0;
  if (!self->has_face)
    {
      sighting->tip = caiji_face_tip_message (CAIJI_FACE_TIP_NO_FACE);
      return TRUE;
    }
  if (self->yaws != NULL)
    sighting->yaw = g_array_index (self->yaws, double, frame_index % self->yaws->len);
  else
    sighting->yaw = cooperative_yaws[frame_index % G_N_ELEMENTS (cooperative_yaws)];
  /* NAN in the script: the face is out of sight in that frame. */
  if (isnan (sighting->yaw))
    {
      sighting->has_face = FALSE;
      sighting->faces = 0;
      sighting->tip = caiji_face_tip_message (CAIJI_FACE_TIP_NO_FACE);
      return TRUE;
    }
  graphene_rect_init (&sighting->box, width * 0.3f, height * 0.2f, width * 0.4f, height * 0.5f);
  sighting->good = fabs (sighting->yaw) <= 0.2;
  sighting->tip = caiji_face_tip_message (sighting->good ? CAIJI_FACE_TIP_OK : CAIJI_FACE_TIP_NOT_FRONTAL);
  return TRUE;
}

static CaijiFaceOutcome
match_face (CaijiCaptureAnalyzer *analyzer,
            const CaijiImage     *live,
            GBytes               *id_photo,
            double               *score,
            double               *threshold)
{
  CaijiScriptedAnalyzer *self = CAIJI_SCRIPTED_ANALYZER (analyzer);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  g_assert_nonnull (id_photo);
  self->matches++;
  if (self->face_vision != NULL)
    {
      g_autoptr(CaijiCaptureAnalyzer) vision = g_object_ref (self->face_vision);

      g_clear_pointer (&locker, g_mutex_locker_free);
      return caiji_capture_analyzer_match_face (vision, live, id_photo, score, threshold);
    }
  if (self->outcome != CAIJI_FACE_OUTCOME_UNAVAILABLE)
    {
      *score = self->score;
      *threshold = THRESHOLD;
    }
  return self->outcome;
}

static void
analyzer_iface_init (CaijiCaptureAnalyzerInterface *iface)
{
  iface->card_tip = card_tip;
  iface->read_card = read_card;
  iface->check_photo = check_photo;
  iface->find_face = find_face;
  iface->match_face = match_face;
  iface->sight_face = sight_face;
}

static void
caiji_scripted_analyzer_finalize (GObject *object)
{
  CaijiScriptedAnalyzer *self = CAIJI_SCRIPTED_ANALYZER (object);

  caiji_card_reading_free (self->reading);
  g_free (self->problem);
  g_clear_object (&self->unavailable);
  g_free (self->expected_name);
  g_clear_pointer (&self->yaws, g_array_unref);
  g_clear_object (&self->face_vision);
  g_array_unref (self->tip_script);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (caiji_scripted_analyzer_parent_class)->finalize (object);
}

static void
caiji_scripted_analyzer_class_init (CaijiScriptedAnalyzerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caiji_scripted_analyzer_finalize;
}

static void
caiji_scripted_analyzer_init (CaijiScriptedAnalyzer *self)
{
  g_mutex_init (&self->lock);
  self->unavailable = caiji_capture_analyzer_new_unavailable ();
  self->tip_script = g_array_new (FALSE, FALSE, sizeof (CaijiCardTip));
  self->quality = 0.9;
  self->faces = 1;
  self->photo_from_camera = -1;
  self->outcome = CAIJI_FACE_OUTCOME_MATCH;
  self->score = 0.8;
}

CaijiScriptedAnalyzer *
caiji_scripted_analyzer_new (void)
{
  return g_object_new (CAIJI_TYPE_SCRIPTED_ANALYZER, NULL);
}

void
caiji_scripted_analyzer_set_card (CaijiScriptedAnalyzer  *self,
                                  const CaijiCardReading *reading,
                                  CaijiCardTip            tip)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  caiji_card_reading_free (self->reading);
  self->reading = reading != NULL ? caiji_card_reading_copy (reading) : NULL;
  self->tip = tip;
}

/* The preview's tips: first the script's, one per analysed frame, then
 * live_tip for every frame after.  UNKNOWN (the default) never lets step 1
 * capture by itself. */
void
caiji_scripted_analyzer_set_live_tips (CaijiScriptedAnalyzer *self,
                                       const CaijiCardTip    *script,
                                       guint                  n_script,
                                       CaijiCardTip           live_tip)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  g_array_set_size (self->tip_script, 0);
  g_array_append_vals (self->tip_script, script, n_script);
  self->live_tip = live_tip;
  self->tips = 0;
  self->card_reads = 0;
  self->tips_at_first_read = 0;
}

/* Each card reading returns another number, as a camera misreading
 * differently on every frame would. */
void
caiji_scripted_analyzer_set_card_unsteady (CaijiScriptedAnalyzer *self,
                                           gboolean               unsteady)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->unsteady = unsteady;
}

/* Card readings since set_live_tips (), and how many preview frames had
 * been answered when the first began. */
guint
caiji_scripted_analyzer_get_card_reads (CaijiScriptedAnalyzer *self,
                                        guint                 *tips_at_first_read)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (tips_at_first_read != NULL)
    *tips_at_first_read = self->tips_at_first_read;
  return self->card_reads;
}

guint
caiji_scripted_analyzer_get_tips (CaijiScriptedAnalyzer *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return self->tips;
}

void
caiji_scripted_analyzer_set_photo (CaijiScriptedAnalyzer *self,
                                   guint                  faces,
                                   const char            *problem,
                                   double                 quality)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->faces = faces;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  self->quality = quality;
}

void
caiji_scripted_analyzer_set_face (CaijiScriptedAnalyzer *self,
                                  gboolean               has_face)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->has_face = has_face;
}

void
caiji_scripted_analyzer_set_no_detector (CaijiScriptedAnalyzer *self,
                                         gboolean               no_detector)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->no_detector = no_detector;
}

void
caiji_scripted_analyzer_set_match (CaijiScriptedAnalyzer *self,
                                   CaijiFaceOutcome       outcome,
                                   double                 score)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->outcome = outcome;
  self->score = score;
}

void
caiji_scripted_analyzer_set_yaws (CaijiScriptedAnalyzer *self,
                                  const double          *yaws,
                                  guint                  n_yaws)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  g_clear_pointer (&self->yaws, g_array_unref);
  self->sightings = 0;
  if (yaws != NULL && n_yaws > 0)
    self->yaws = g_array_append_vals (g_array_new (FALSE, FALSE, sizeof (double)), yaws, n_yaws);
}

void
caiji_scripted_analyzer_set_face_vision (CaijiScriptedAnalyzer *self,
                                         CaijiCaptureAnalyzer  *vision)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  g_set_object (&self->face_vision, vision);
}

guint
caiji_scripted_analyzer_get_matches (CaijiScriptedAnalyzer *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return self->matches;
}

/* TRUE or FALSE for the last photo checked: a camera still or a file;
 * -1 before any. */
int
caiji_scripted_analyzer_get_photo_from_camera (CaijiScriptedAnalyzer *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return self->photo_from_camera;
}

char *
caiji_scripted_analyzer_dup_expected_name (CaijiScriptedAnalyzer *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return g_strdup (self->expected_name);
}
