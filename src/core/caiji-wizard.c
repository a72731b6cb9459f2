/* caiji-wizard.c: the seed's capture flow as a state machine
 *
 * Each event goes through three phases:
 *   plan   — on the caller's thread: is it valid from this page and state?
 *            Nothing changes yet; an invalid event is refused with the
 *            seed's prompt, or dropped as stale.
 *   save   — the store work for the event (a worker thread for _async).
 *   apply  — on the caller's thread: the state changes and "changed" fires.
 * While an event is between plan and apply the wizard is busy and refuses
 * any other input, which is what makes a double press harmless.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caiji-texts.h"
#include "caiji-wizard.h"

typedef enum {
  EVENT_ACTION,
  EVENT_SIGN_IN,
  EVENT_CARD_TAP,
  EVENT_CORRECTION,
  EVENT_CARD_IMAGE,
  EVENT_ID_PHOTO,
  EVENT_FACE_SEEN,
  EVENT_FACE_RESULT,
  EVENT_REVIEW_PHOTO,
} EventKind;

struct _CaijiWizardEvent {
  EventKind          kind;
  CaijiWizardPage    from_page;
  CaijiWizardAction  action;
  char              *text;       /* sign-in ID number, correction note, photo problem */
  char              *password;
  CaijiCardSide      slot;
  CaijiCardReading  *reading;
  GBytes            *image;
  guint              faces;
  gboolean           has_face;
  double             quality;
  CaijiFaceOutcome   outcome;
  double             score;
  double             threshold;
};

/* What an event will do once its store work has succeeded. */
typedef struct {
  CaijiWizardEvent  *event;
  CaijiRecordUpdate  update;         /* store work on the current record */
  gboolean           needs_update;
  gboolean           create_record;  /* 确认 / 申请复核 start the record */
  char              *lookup_id;      /* sign-in: roster look-up by this number */
  char              *student_no;
  char              *actor;          /* "candidate:<学号>" in the audit log */
  gint64             record_id;
  CaijiCandidate    *found;          /* result of lookup_id */
  GError            *refusal;        /* refused after the store work (e.g. wrong password) */
} Plan;

typedef struct {
  guint  failures;
  gint64 locked_until;
} SignInFailures;

struct _CaijiWizard {
  GObject            parent_instance;

  CaijiStore        *store;
  gint64           (*now) (void);
  GHashTable        *failures;        /* normalised ID number → SignInFailures */
  gboolean           busy;

  CaijiWizardPage    page;
  CaijiCandidate    *candidate;
  gint64             record_id;
  CaijiRecordStatus  record_status;
  CaijiSlotState     slots[3];        /* indexed by CaijiCardSide */
  char              *card_name;
  char              *card_id_number;
  GBytes            *images[CAIJI_IMAGE_N_KINDS];
  CaijiFaceState     face_state;
  gboolean           matcher_unavailable;
  double             face_score;
};

G_DEFINE_FINAL_TYPE (CaijiWizard, caiji_wizard, G_TYPE_OBJECT)
G_DEFINE_QUARK (caiji-wizard-error-quark, caiji_wizard_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Events */

static CaijiWizardEvent *
event_new (EventKind kind)
{
  CaijiWizardEvent *event = g_new0 (CaijiWizardEvent, 1);

  event->kind = kind;
  event->quality = NAN;
  event->score = NAN;
  event->threshold = NAN;
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_action (CaijiWizardPage   from_page,
                               CaijiWizardAction action)
{
  CaijiWizardEvent *event = event_new (EVENT_ACTION);

  event->from_page = from_page;
  event->action = action;
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_sign_in (const char *id_number,
                                const char *password)
{
  CaijiWizardEvent *event = event_new (EVENT_SIGN_IN);

  event->from_page = CAIJI_WIZARD_PAGE_IDENTIFY;
  event->text = g_strdup (id_number);
  event->password = g_strdup (password);
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_card_tap (const CaijiCardReading *chip)
{
  CaijiWizardEvent *event = event_new (EVENT_CARD_TAP);

  event->from_page = CAIJI_WIZARD_PAGE_IDENTIFY;
  event->reading = caiji_card_reading_copy (chip);
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_correction (const char *note)
{
  CaijiWizardEvent *event = event_new (EVENT_CORRECTION);

  event->from_page = CAIJI_WIZARD_PAGE_REVIEW_INFO;
  event->text = g_strdup (note);
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_card_image (CaijiCardSide           slot,
                                   const CaijiCardReading *reading,
                                   GBytes                 *jpeg)
{
  CaijiWizardEvent *event = event_new (EVENT_CARD_IMAGE);

  event->from_page = CAIJI_WIZARD_PAGE_CARD;
  event->slot = slot;
  event->reading = reading != NULL ? caiji_card_reading_copy (reading)
                                   : caiji_card_reading_new (CAIJI_CARD_SIDE_NONE);
  event->image = jpeg != NULL ? g_bytes_ref (jpeg) : NULL;
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_id_photo (guint       faces,
                                 const char *problem,
                                 double      quality,
                                 GBytes     *jpeg)
{
  CaijiWizardEvent *event = event_new (EVENT_ID_PHOTO);

  event->from_page = CAIJI_WIZARD_PAGE_PHOTO;
  event->faces = faces;
  event->text = g_strdup (problem);
  event->quality = quality;
  event->image = jpeg != NULL ? g_bytes_ref (jpeg) : NULL;
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_face_seen (gboolean has_face)
{
  CaijiWizardEvent *event = event_new (EVENT_FACE_SEEN);

  event->from_page = CAIJI_WIZARD_PAGE_FACE;
  event->has_face = has_face;
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_face_result (CaijiFaceOutcome outcome,
                                    double           score,
                                    double           threshold,
                                    GBytes          *jpeg)
{
  CaijiWizardEvent *event = event_new (EVENT_FACE_RESULT);

  event->from_page = CAIJI_WIZARD_PAGE_FACE;
  event->outcome = outcome;
  event->score = score;
  event->threshold = threshold;
  event->image = jpeg != NULL ? g_bytes_ref (jpeg) : NULL;
  return event;
}

CaijiWizardEvent *
caiji_wizard_event_new_review_photo (GBytes *jpeg)
{
  CaijiWizardEvent *event = event_new (EVENT_REVIEW_PHOTO);

  event->from_page = CAIJI_WIZARD_PAGE_FACE;
  event->image = jpeg != NULL ? g_bytes_ref (jpeg) : NULL;
  return event;
}

void
caiji_wizard_event_free (CaijiWizardEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->text);
  g_free (event->password);
  caiji_card_reading_free (event->reading);
  g_clear_pointer (&event->image, g_bytes_unref);
  g_free (event);
}

/* Plans */

static Plan *
plan_new (CaijiWizard      *self,
          CaijiWizardEvent *event)
{
  Plan *plan = g_new0 (Plan, 1);
  CaijiRecordUpdate init = CAIJI_RECORD_UPDATE_INIT;

  plan->event = event;
  plan->update = init;
  plan->record_id = self->record_id;
  if (self->candidate != NULL)
    {
      plan->student_no = g_strdup (self->candidate->student_no);
      plan->actor = g_strconcat ("candidate:", plan->student_no, NULL);
      plan->update.actor = plan->actor;
    }
  return plan;
}

static void
plan_free (Plan *plan)
{
  caiji_wizard_event_free (plan->event);
  g_free (plan->lookup_id);
  g_free (plan->student_no);
  g_free (plan->actor);
  caiji_candidate_free (plan->found);
  g_clear_error (&plan->refusal);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static gboolean
refuse (GError   **error,
        CaijiText  prompt)
{
  g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_REFUSED, caiji_text (prompt));
  return FALSE;
}

static gboolean
stale (GError **error)
{
  g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_STALE,
                       "This input belongs to a page or state the wizard has left");
  return FALSE;
}

static void
plan_save (Plan             *plan,
           const char       *action,
           CaijiImageKind    kind,
           GBytes           *image)
{
  plan->needs_update = TRUE;
  plan->update.action = action;
  if (image != NULL)
    {
      plan->update.image = image;
      plan->update.image_kind = kind;
    }
}

static void
plan_status (Plan              *plan,
             CaijiRecordStatus  status)
{
  plan->update.set_status = TRUE;
  plan->update.status = status;
}

static gboolean
plan_sign_in (CaijiWizard *self,
              Plan        *plan,
              GError     **error)
{
  CaijiIdInfo info;
  SignInFailures *failures;

  g_autoptr(GError) id_error = NULL;

  if (!caiji_id_number_parse (plan->event->text, NULL, &info, &id_error))
    {
      g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_INVALID_ID, id_error->message);
      return FALSE;
    }
  failures = g_hash_table_lookup (self->failures, info.normalized);
  if (failures != NULL && failures->locked_until > self->now ())
    {
      gint64 minutes = (failures->locked_until - self->now ()) / G_USEC_PER_SEC / 60 + 1;

      g_set_error (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_LOCKED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many wrong passwords. Please try again in %d minute, or ask the operator for help.",
                                "Too many wrong passwords. Please try again in %d minutes, or ask the operator for help.",
                                minutes),
                   (int) minutes);
      return FALSE;
    }
  plan->lookup_id = g_strdup (info.normalized);
  return TRUE;
}

static gboolean
plan_card_tap (Plan    *plan,
               GError **error)
{
  CaijiIdInfo info;
  const CaijiCardReading *chip = plan->event->reading;

  if (chip->side != CAIJI_CARD_SIDE_FRONT || chip->name == NULL ||
      !caiji_id_number_parse (chip->id_number, NULL, &info, NULL))
    {
      g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_INVALID_ID,
                           _("The ID card could not be read. Please place it flat on the reader again."));
      return FALSE;
    }
  plan->lookup_id = g_strdup (info.normalized);
  return TRUE;
}

static char *
normalize_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
names_match (const char *a,
             const char *b)
{
  g_autofree char *na = normalize_name (a);
  g_autofree char *nb = normalize_name (b);

  return na[0] != '\0' && g_strcmp0 (na, nb) == 0;
}

static gboolean
plan_card_front (CaijiWizard *self,
                 Plan        *plan,
                 GError     **error)
{
  const CaijiCardReading *reading = plan->event->reading;
  CaijiIdInfo info;

  if (reading->name == NULL || reading->id_number == NULL ||
      !caiji_id_number_parse (reading->id_number, NULL, &info, NULL))
    return refuse (error, CAIJI_TEXT_CARD_UNREADABLE);
  if (g_strcmp0 (info.normalized, self->candidate->id_number) != 0 ||
      !names_match (reading->name, self->candidate->name))
    return refuse (error, CAIJI_TEXT_CARD_MISMATCH);

  plan_save (plan, "card.front.accepted", CAIJI_IMAGE_CARD_FRONT, plan->event->image);
  plan->update.card_name = reading->name;
  plan->update.card_id_number = self->candidate->id_number;
  return TRUE;
}

static gboolean
plan_card_image (CaijiWizard *self,
                 Plan        *plan,
                 GError     **error)
{
  CaijiCardSide slot = plan->event->slot;

  g_return_val_if_fail (slot == CAIJI_CARD_SIDE_FRONT || slot == CAIJI_CARD_SIDE_BACK, FALSE);

  if (plan->event->image == NULL || plan->event->reading->side != slot)
    {
      self->slots[slot] = self->slots[slot] == CAIJI_SLOT_ACCEPTED ? CAIJI_SLOT_ACCEPTED
                                                                   : CAIJI_SLOT_REFUSED;
      g_signal_emit (self, signals[CHANGED], 0);
      return refuse (error, slot == CAIJI_CARD_SIDE_FRONT ? CAIJI_TEXT_FRONT_REFUSED
                                                          : CAIJI_TEXT_BACK_REFUSED);
    }
  if (slot == CAIJI_CARD_SIDE_FRONT)
    return plan_card_front (self, plan, error);

  plan_save (plan, "card.back.accepted", CAIJI_IMAGE_CARD_BACK, plan->event->image);
  return TRUE;
}

static gboolean
plan_id_photo (Plan    *plan,
               GError **error)
{
  CaijiWizardEvent *event = plan->event;

  if (event->image == NULL)
    return refuse (error, CAIJI_TEXT_PHOTO_MISSING);
  if (event->faces == 0)
    return refuse (error, CAIJI_TEXT_NO_FACE);
  if (event->faces > 1)
    return refuse (error, CAIJI_TEXT_SEVERAL_FACES);
  if (event->text != NULL && event->text[0] != '\0')
    {
      g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_REFUSED, event->text);
      return FALSE;
    }
  plan_save (plan, "photo.accepted", CAIJI_IMAGE_ID_PHOTO, event->image);
  plan->update.image_quality = event->quality;
  return TRUE;
}

static gboolean
plan_face_result (CaijiWizard *self,
                  Plan        *plan,
                  GError     **error)
{
  CaijiWizardEvent *event = plan->event;

  if (self->face_state != CAIJI_FACE_STATE_MATCHING)
    return stale (error);

  switch (event->outcome)
    {
    case CAIJI_FACE_OUTCOME_MATCH:
      if (event->image == NULL)
        return stale (error);
      plan_save (plan, "face.passed", CAIJI_IMAGE_FACE, event->image);
      plan->update.image_match = event->score;
      plan_status (plan, CAIJI_RECORD_CAPTURED);
      break;
    case CAIJI_FACE_OUTCOME_NO_MATCH:
      plan_save (plan, "face.failed", CAIJI_IMAGE_FACE, NULL);
      break;
    case CAIJI_FACE_OUTCOME_NOT_LIVE:
      /* Never compared: a photo held up must not leave a score behind. */
      plan_save (plan, "face.liveness_failed", CAIJI_IMAGE_FACE, NULL);
      return TRUE;
    case CAIJI_FACE_OUTCOME_UNAVAILABLE:
    default:
      plan_save (plan, "face.matcher_unavailable", CAIJI_IMAGE_FACE, NULL);
      return TRUE;
    }
  plan->update.set_face_result = TRUE;
  plan->update.face_score = event->score;
  plan->update.face_threshold = event->threshold;
  return TRUE;
}

static gboolean
plan_review_submit (CaijiWizard *self,
                    Plan        *plan)
{
  plan_save (plan, "face.submitted_for_review", CAIJI_IMAGE_FACE, self->images[CAIJI_IMAGE_FACE]);
  plan->update.image_match = self->face_score;
  plan_status (plan, CAIJI_RECORD_PENDING_REVIEW);
  return TRUE;
}

static gboolean
card_step_complete (CaijiWizard *self,
                    GError     **error)
{
  if (self->slots[CAIJI_CARD_SIDE_FRONT] != CAIJI_SLOT_ACCEPTED)
    return refuse (error, CAIJI_TEXT_FRONT_MISSING);
  if (self->slots[CAIJI_CARD_SIDE_BACK] != CAIJI_SLOT_ACCEPTED)
    return refuse (error, CAIJI_TEXT_BACK_MISSING);
  return TRUE;
}

/* Which actions each page and step-3 state accepts; anything else is
 * stale, which is how a second press of the same button is dropped. */
static gboolean
action_allowed (CaijiWizard       *self,
                CaijiWizardAction  action)
{
  CaijiFaceState face = self->face_state;

  switch (self->page)
    {
    case CAIJI_WIZARD_PAGE_REVIEW_INFO:
      return action == CAIJI_WIZARD_ACTION_CONFIRM || action == CAIJI_WIZARD_ACTION_HOME;
    case CAIJI_WIZARD_PAGE_INTRO:
      return action == CAIJI_WIZARD_ACTION_START_CAPTURE || action == CAIJI_WIZARD_ACTION_HOME;
    case CAIJI_WIZARD_PAGE_CARD:
      return action == CAIJI_WIZARD_ACTION_NEXT || action == CAIJI_WIZARD_ACTION_HOME;
    case CAIJI_WIZARD_PAGE_PHOTO:
      return action == CAIJI_WIZARD_ACTION_NEXT || action == CAIJI_WIZARD_ACTION_PREVIOUS ||
             action == CAIJI_WIZARD_ACTION_HOME;
    case CAIJI_WIZARD_PAGE_FACE:
      switch (action)
        {
        case CAIJI_WIZARD_ACTION_PREVIOUS:
        case CAIJI_WIZARD_ACTION_HOME:
          return face != CAIJI_FACE_STATE_MATCHING && face != CAIJI_FACE_STATE_CAPTURING;
        case CAIJI_WIZARD_ACTION_START_RECOGNITION:
          return face == CAIJI_FACE_STATE_DETECTED;
        case CAIJI_WIZARD_ACTION_RETRY_RECOGNITION:
          return face == CAIJI_FACE_STATE_DETECTED || face == CAIJI_FACE_STATE_FAILED;
        case CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW:
          return face == CAIJI_FACE_STATE_FAILED;
        case CAIJI_WIZARD_ACTION_RETAKE:
        case CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW:
          return face == CAIJI_FACE_STATE_REVIEW_PHOTO;
        case CAIJI_WIZARD_ACTION_CONFIRM:
        case CAIJI_WIZARD_ACTION_START_CAPTURE:
        case CAIJI_WIZARD_ACTION_NEXT:
        default:
          return FALSE;
        }
    case CAIJI_WIZARD_PAGE_PASSED:
    case CAIJI_WIZARD_PAGE_SUBMITTED:
      return action == CAIJI_WIZARD_ACTION_HOME;
    case CAIJI_WIZARD_PAGE_IDENTIFY:
    default:
      return FALSE;
    }
}

static gboolean
plan_action (CaijiWizard *self,
             Plan        *plan,
             GError     **error)
{
  if (!action_allowed (self, plan->event->action))
    return stale (error);

  switch (plan->event->action)
    {
    case CAIJI_WIZARD_ACTION_CONFIRM:
      plan->create_record = TRUE;
      return TRUE;
    case CAIJI_WIZARD_ACTION_NEXT:
      if (self->page == CAIJI_WIZARD_PAGE_CARD)
        return card_step_complete (self, error);
      return self->images[CAIJI_IMAGE_ID_PHOTO] != NULL || refuse (error, CAIJI_TEXT_PHOTO_MISSING);
    case CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW:
      return plan_review_submit (self, plan);
    case CAIJI_WIZARD_ACTION_START_CAPTURE:
    case CAIJI_WIZARD_ACTION_PREVIOUS:
    case CAIJI_WIZARD_ACTION_HOME:
    case CAIJI_WIZARD_ACTION_RETRY_RECOGNITION:
    case CAIJI_WIZARD_ACTION_START_RECOGNITION:
    case CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW:
    case CAIJI_WIZARD_ACTION_RETAKE:
    default:
      return TRUE;
    }
}

static gboolean
plan_event (CaijiWizard *self,
            Plan        *plan,
            GError     **error)
{
  CaijiWizardEvent *event = plan->event;

  if (self->busy)
    {
      g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_BUSY,
                           _("Please wait: the previous step is still being saved."));
      return FALSE;
    }
  if (event->from_page != self->page)
    return stale (error);

  switch (event->kind)
    {
    case EVENT_ACTION:
      return plan_action (self, plan, error);
    case EVENT_SIGN_IN:
      return plan_sign_in (self, plan, error);
    case EVENT_CARD_TAP:
      return plan_card_tap (plan, error);
    case EVENT_CORRECTION:
      if (event->text == NULL || g_strstrip (event->text)[0] == '\0')
        return refuse (error, CAIJI_TEXT_CORRECTION_NOTE_MISSING);
      plan->create_record = TRUE;
      plan_save (plan, "record.correction_requested", CAIJI_IMAGE_CARD_FRONT, NULL);
      plan->update.correction_note = event->text;
      return TRUE;
    case EVENT_CARD_IMAGE:
      return plan_card_image (self, plan, error);
    case EVENT_ID_PHOTO:
      return plan_id_photo (plan, error);
    case EVENT_FACE_RESULT:
      return plan_face_result (self, plan, error);
    case EVENT_REVIEW_PHOTO:
      if (self->face_state != CAIJI_FACE_STATE_CAPTURING || event->image == NULL)
        return stale (error);
      return TRUE;
    case EVENT_FACE_SEEN:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Save: the only phase that touches the store, so the only one that may
 * run on a worker thread.  It reads nothing from the wizard itself. */

static gboolean
save_plan (CaijiStore *store,
           Plan       *plan,
           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (plan->lookup_id != NULL)
    {
      plan->found = caiji_store_roster_find_by_id_number (store, plan->lookup_id, &local_error);
      if (local_error != NULL)
        goto failed;
    }
  if (plan->create_record)
    {
      plan->record_id = caiji_store_record_resume_or_create (store, plan->student_no, plan->update.actor,
                                                             &local_error);
      if (plan->record_id == 0)
        goto failed;
    }
  if (plan->needs_update &&
      !caiji_store_record_update (store, plan->record_id, &plan->update, &local_error))
    goto failed;
  return TRUE;

failed:
  g_set_error (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_SAVE_FAILED,
               _("Your data could not be saved, so nothing changed. Please ask the operator for help. (%s)"),
               local_error->message);
  return FALSE;
}

/* Apply */

static void
forget_candidate (CaijiWizard *self)
{
  g_clear_pointer (&self->candidate, caiji_candidate_free);
  g_clear_pointer (&self->card_name, g_free);
  g_clear_pointer (&self->card_id_number, g_free);
  for (guint i = 0; i < CAIJI_IMAGE_N_KINDS; i++)
    g_clear_pointer (&self->images[i], g_bytes_unref);
  memset (self->slots, 0, sizeof self->slots);
  self->record_id = 0;
  self->record_status = CAIJI_RECORD_DRAFT;
  self->face_state = CAIJI_FACE_STATE_NO_FACE;
  self->matcher_unavailable = FALSE;
  self->face_score = NAN;
  self->page = CAIJI_WIZARD_PAGE_IDENTIFY;
}

static void
keep_image (CaijiWizard    *self,
            CaijiImageKind  kind,
            GBytes         *image)
{
  g_clear_pointer (&self->images[kind], g_bytes_unref);
  self->images[kind] = image != NULL ? g_bytes_ref (image) : NULL;
}

static void
count_failure (CaijiWizard *self,
               const char  *id_number,
               GError     **error)
{
  SignInFailures *failures = g_hash_table_lookup (self->failures, id_number);
  guint left;

  if (failures == NULL)
    {
      failures = g_new0 (SignInFailures, 1);
      g_hash_table_insert (self->failures, g_strdup (id_number), failures);
    }
  failures->failures++;
  if (failures->failures >= CAIJI_WIZARD_MAX_SIGN_IN_FAILURES)
    {
      failures->failures = 0;
      failures->locked_until = self->now () + CAIJI_WIZARD_LOCKOUT_SECONDS * G_USEC_PER_SEC;
      g_set_error (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_LOCKED,
                   _("Too many wrong passwords. Sign-in with this ID number is locked for %d minutes; please ask the operator for help."),
                   CAIJI_WIZARD_LOCKOUT_SECONDS / 60);
      return;
    }
  left = CAIJI_WIZARD_MAX_SIGN_IN_FAILURES - failures->failures;
  g_set_error (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_WRONG_PASSWORD,
               g_dngettext (GETTEXT_PACKAGE,
                            "Wrong password. The password is the last six characters of your ID number. %u try left.",
                            "Wrong password. The password is the last six characters of your ID number. %u tries left.",
                            left),
               left);
}

static gboolean
apply_sign_in (CaijiWizard *self,
               Plan        *plan,
               GError     **error)
{
  CaijiWizardEvent *event = plan->event;
  gboolean is_tap = event->kind == EVENT_CARD_TAP;

  if (plan->found == NULL)
    {
      g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_UNKNOWN_CANDIDATE,
                           _("No candidate with this ID number is registered for this exam. Please check the number or ask the operator."));
      return FALSE;
    }
  if (is_tap ? !names_match (event->reading->name, plan->found->name)
             : !caiji_id_password_matches (plan->found->id_number, event->password))
    {
      if (is_tap)
        g_set_error_literal (error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_UNKNOWN_CANDIDATE,
                             _("The name on this ID card does not match the exam roster. Please ask the operator."));
      else
        count_failure (self, plan->lookup_id, error);
      return FALSE;
    }
  g_hash_table_remove (self->failures, plan->lookup_id);
  forget_candidate (self);
  self->candidate = g_steal_pointer (&plan->found);
  self->page = CAIJI_WIZARD_PAGE_REVIEW_INFO;
  return TRUE;
}

static void
apply_action (CaijiWizard *self,
              Plan        *plan)
{
  switch (plan->event->action)
    {
    case CAIJI_WIZARD_ACTION_CONFIRM:
      self->page = CAIJI_WIZARD_PAGE_INTRO;
      break;
    case CAIJI_WIZARD_ACTION_START_CAPTURE:
      self->page = CAIJI_WIZARD_PAGE_CARD;
      break;
    case CAIJI_WIZARD_ACTION_NEXT:
      self->page = self->page == CAIJI_WIZARD_PAGE_CARD ? CAIJI_WIZARD_PAGE_PHOTO
                                                        : CAIJI_WIZARD_PAGE_FACE;
      self->face_state = CAIJI_FACE_STATE_NO_FACE;
      break;
    case CAIJI_WIZARD_ACTION_PREVIOUS:
      self->page = self->page == CAIJI_WIZARD_PAGE_FACE ? CAIJI_WIZARD_PAGE_PHOTO
                                                        : CAIJI_WIZARD_PAGE_CARD;
      break;
    case CAIJI_WIZARD_ACTION_HOME:
      forget_candidate (self);
      break;
    case CAIJI_WIZARD_ACTION_RETRY_RECOGNITION:
      self->face_state = CAIJI_FACE_STATE_NO_FACE;
      break;
    case CAIJI_WIZARD_ACTION_START_RECOGNITION:
      self->face_state = CAIJI_FACE_STATE_MATCHING;
      break;
    case CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW:
      self->face_state = CAIJI_FACE_STATE_CAPTURING;
      break;
    case CAIJI_WIZARD_ACTION_RETAKE:
      keep_image (self, CAIJI_IMAGE_FACE, NULL);
      self->face_state = CAIJI_FACE_STATE_FAILED;
      break;
    case CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW:
      self->record_status = CAIJI_RECORD_PENDING_REVIEW;
      self->page = CAIJI_WIZARD_PAGE_SUBMITTED;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
apply_card_image (CaijiWizard *self,
                  Plan        *plan)
{
  CaijiWizardEvent *event = plan->event;

  self->slots[event->slot] = CAIJI_SLOT_ACCEPTED;
  if (event->slot == CAIJI_CARD_SIDE_FRONT)
    {
      g_free (self->card_name);
      self->card_name = normalize_name (event->reading->name);
      g_free (self->card_id_number);
      self->card_id_number = g_strdup (self->candidate->id_number);
    }
  keep_image (self, event->slot == CAIJI_CARD_SIDE_FRONT ? CAIJI_IMAGE_CARD_FRONT
                                                         : CAIJI_IMAGE_CARD_BACK,
              event->image);
}

static void
apply_face_result (CaijiWizard *self,
                   Plan        *plan)
{
  CaijiWizardEvent *event = plan->event;

  self->face_score = event->score;
  self->matcher_unavailable = event->outcome == CAIJI_FACE_OUTCOME_UNAVAILABLE;
  if (event->outcome == CAIJI_FACE_OUTCOME_MATCH)
    {
      keep_image (self, CAIJI_IMAGE_FACE, event->image);
      self->record_status = CAIJI_RECORD_CAPTURED;
      self->page = CAIJI_WIZARD_PAGE_PASSED;
      return;
    }
  self->face_state = CAIJI_FACE_STATE_FAILED;
}

static gboolean
apply_plan (CaijiWizard *self,
            Plan        *plan,
            GError     **error)
{
  CaijiWizardEvent *event = plan->event;

  if (plan->record_id != 0)
    self->record_id = plan->record_id;

  switch (event->kind)
    {
    case EVENT_SIGN_IN:
    case EVENT_CARD_TAP:
      if (!apply_sign_in (self, plan, error))
        return FALSE;
      break;
    case EVENT_ACTION:
      apply_action (self, plan);
      break;
    case EVENT_CORRECTION:
      self->page = CAIJI_WIZARD_PAGE_INTRO;
      break;
    case EVENT_CARD_IMAGE:
      apply_card_image (self, plan);
      break;
    case EVENT_ID_PHOTO:
      keep_image (self, CAIJI_IMAGE_ID_PHOTO, event->image);
      break;
    case EVENT_FACE_RESULT:
      apply_face_result (self, plan);
      break;
    case EVENT_REVIEW_PHOTO:
      keep_image (self, CAIJI_IMAGE_FACE, event->image);
      self->face_state = CAIJI_FACE_STATE_REVIEW_PHOTO;
      break;
    case EVENT_FACE_SEEN:
    default:
      g_assert_not_reached ();
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
face_seen (CaijiWizard            *self,
           const CaijiWizardEvent *event,
           GError                **error)
{
  CaijiFaceState next = event->has_face ? CAIJI_FACE_STATE_DETECTED : CAIJI_FACE_STATE_NO_FACE;

  if (self->busy || self->page != CAIJI_WIZARD_PAGE_FACE ||
      (self->face_state != CAIJI_FACE_STATE_NO_FACE && self->face_state != CAIJI_FACE_STATE_DETECTED))
    return stale (error);
  if (self->face_state != next)
    {
      self->face_state = next;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

static CaijiWizardEvent *
event_copy (const CaijiWizardEvent *event)
{
  CaijiWizardEvent *copy = g_memdup2 (event, sizeof *event);

  copy->text = g_strdup (event->text);
  copy->password = g_strdup (event->password);
  copy->reading = event->reading != NULL ? caiji_card_reading_copy (event->reading) : NULL;
  copy->image = event->image != NULL ? g_bytes_ref (event->image) : NULL;
  return copy;
}

/* GObject */

static void
caiji_wizard_finalize (GObject *object)
{
  CaijiWizard *self = CAIJI_WIZARD (object);

  forget_candidate (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->failures, g_hash_table_unref);

  G_OBJECT_CLASS (caiji_wizard_parent_class)->finalize (object);
}

static void
caiji_wizard_class_init (CaijiWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caiji_wizard_finalize;

  /* Fired after every state change: the page, a slot, the face state. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
caiji_wizard_init (CaijiWizard *self)
{
  self->now = g_get_monotonic_time;
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  forget_candidate (self);
}

/* Public API */

CaijiWizard *
caiji_wizard_new (CaijiStore *store)
{
  CaijiWizard *self;

  g_return_val_if_fail (CAIJI_IS_STORE (store), NULL);

  self = g_object_new (CAIJI_TYPE_WIZARD, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
caiji_wizard_dispatch (CaijiWizard            *self,
                       const CaijiWizardEvent *event,
                       GError                **error)
{
  g_autoptr(Plan) plan = NULL;

  g_return_val_if_fail (CAIJI_IS_WIZARD (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (event->kind == EVENT_FACE_SEEN)
    return face_seen (self, event, error);

  plan = plan_new (self, event_copy (event));
  if (!plan_event (self, plan, error))
    return FALSE;
  if (!save_plan (self->store, plan, error))
    return FALSE;
  return apply_plan (self, plan, error);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CaijiStore *store = CAIJI_WIZARD (source_object)->store;
  GError *error = NULL;

  if (save_plan (store, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  CaijiWizard *self = CAIJI_WIZARD (source);
  g_autoptr(GTask) outer = user_data;
  Plan *plan = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->busy = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &error) && apply_plan (self, plan, &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

void
caiji_wizard_dispatch_async (CaijiWizard         *self,
                             CaijiWizardEvent    *event,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  Plan *plan;
  GError *error = NULL;

  g_return_if_fail (CAIJI_IS_WIZARD (self));
  g_return_if_fail (event != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, caiji_wizard_dispatch_async);

  if (event->kind == EVENT_FACE_SEEN)
    {
      gboolean ok = face_seen (self, event, &error);

      caiji_wizard_event_free (event);
      if (ok)
        g_task_return_boolean (outer, TRUE);
      else
        g_task_return_error (outer, error);
      return;
    }

  plan = plan_new (self, event);
  if (!plan_event (self, plan, &error))
    {
      plan_free (plan);
      g_task_return_error (outer, error);
      return;
    }

  /* The store write must not be cancelled halfway through a user action,
   * so the inner task ignores the cancellable. */
  self->busy = TRUE;
  inner = g_task_new (self, NULL, saved_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, plan, (GDestroyNotify) plan_free);
  g_task_run_in_thread (inner, save_in_thread);
}

gboolean
caiji_wizard_dispatch_finish (CaijiWizard  *self,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
caiji_wizard_activate (CaijiWizard       *self,
                       CaijiWizardPage    from_page,
                       CaijiWizardAction  action,
                       GError           **error)
{
  g_autoptr(CaijiWizardEvent) event = caiji_wizard_event_new_action (from_page, action);

  return caiji_wizard_dispatch (self, event, error);
}

/* The idle timeout and 首页 both come here: nothing of the candidate
 * stays in memory once the screen is back home. */
void
caiji_wizard_reset (CaijiWizard *self)
{
  g_return_if_fail (CAIJI_IS_WIZARD (self));

  forget_candidate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

CaijiWizardPage
caiji_wizard_get_page (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), CAIJI_WIZARD_PAGE_IDENTIFY);
  return self->page;
}

gboolean
caiji_wizard_is_busy (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), FALSE);
  return self->busy;
}

const CaijiCandidate *
caiji_wizard_get_candidate (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NULL);
  return self->candidate;
}

gint64
caiji_wizard_get_record_id (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), 0);
  return self->record_id;
}

CaijiRecordStatus
caiji_wizard_get_record_status (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), CAIJI_RECORD_DRAFT);
  return self->record_status;
}

CaijiSlotState
caiji_wizard_get_card_slot (CaijiWizard   *self,
                            CaijiCardSide  slot)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), CAIJI_SLOT_EMPTY);
  g_return_val_if_fail (slot == CAIJI_CARD_SIDE_FRONT || slot == CAIJI_CARD_SIDE_BACK, CAIJI_SLOT_EMPTY);
  return self->slots[slot];
}

const char *
caiji_wizard_get_card_name (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NULL);
  return self->card_name;
}

const char *
caiji_wizard_get_card_id_number (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NULL);
  return self->card_id_number;
}

GBytes *
caiji_wizard_get_image (CaijiWizard    *self,
                        CaijiImageKind  kind)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NULL);
  g_return_val_if_fail (kind < CAIJI_IMAGE_N_KINDS, NULL);
  return self->images[kind];
}

const char *
caiji_wizard_get_photo_button_label (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NULL);
  return caiji_text (self->images[CAIJI_IMAGE_ID_PHOTO] != NULL ? CAIJI_TEXT_UPLOAD_AGAIN
                                                                 : CAIJI_TEXT_UPLOAD_ID_PHOTO);
}

CaijiFaceState
caiji_wizard_get_face_state (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), CAIJI_FACE_STATE_NO_FACE);
  return self->face_state;
}

const char *
caiji_wizard_get_face_prompt (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NULL);

  switch (self->face_state)
    {
    case CAIJI_FACE_STATE_NO_FACE:
      return caiji_text (CAIJI_TEXT_NO_FACE);
    case CAIJI_FACE_STATE_DETECTED:
      return caiji_text (CAIJI_TEXT_FACE_DETECTED);
    case CAIJI_FACE_STATE_MATCHING:
      return caiji_text (CAIJI_TEXT_FACE_MATCHING);
    case CAIJI_FACE_STATE_FAILED:
      return caiji_text (self->matcher_unavailable ? CAIJI_TEXT_FACE_MATCHER_UNAVAILABLE
                                                   : CAIJI_TEXT_FACE_FAILED);
    case CAIJI_FACE_STATE_CAPTURING:
      return caiji_text (CAIJI_TEXT_FACE_CAPTURING);
    case CAIJI_FACE_STATE_REVIEW_PHOTO:
    default:
      return caiji_text (CAIJI_TEXT_REVIEW_PHOTO_SHOWN);
    }
}

gboolean
caiji_wizard_get_matcher_unavailable (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), FALSE);
  return self->matcher_unavailable;
}

double
caiji_wizard_get_face_score (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NAN);
  return self->face_score;
}

void
caiji_wizard_set_clock (CaijiWizard *self,
                        gint64     (*now) (void))
{
  g_return_if_fail (CAIJI_IS_WIZARD (self));
  self->now = now != NULL ? now : g_get_monotonic_time;
}

/* Operator mode works on the same store as the candidate's wizard. */
CaijiStore *
caiji_wizard_get_store (CaijiWizard *self)
{
  g_return_val_if_fail (CAIJI_IS_WIZARD (self), NULL);
  return self->store;
}
