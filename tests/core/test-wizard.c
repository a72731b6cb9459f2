/* test-wizard.c: every transition, refusal and prompt of the seed flow */
#include <glib.h>
#include <math.h>

#include "caiji-test-utils.h"
#include "caiji-texts.h"
#include "caiji-wizard.h"

typedef struct {
  char        *dir;
  CaijiStore  *store;
  CaijiWizard *wizard;
  GPtrArray   *roster;
  guint        changes;
} Fixture;

static gint64 fake_now;

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
count_change (CaijiWizard *wizard,
              Fixture     *fixture)
{
  fixture->changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = caiji_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "caiji.db", NULL);
  fixture->store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  fixture->roster = caiji_test_roster (4);
  g_assert_true (caiji_store_roster_put (fixture->store, fixture->roster, &error));
  g_assert_no_error (error);
  fixture->wizard = caiji_wizard_new (fixture->store);
  fake_now = 1000 * G_USEC_PER_SEC;
  caiji_wizard_set_clock (fixture->wizard, fake_clock);
  g_signal_connect (fixture->wizard, "changed", G_CALLBACK (count_change), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->wizard);
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->roster);
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static const CaijiCandidate *
candidate (Fixture *fixture,
           guint    n)
{
  return g_ptr_array_index (fixture->roster, n);
}

static const char *
password_of (const CaijiCandidate *who)
{
  return who->id_number + 12;
}

/* Dispatching helpers: each asserts the outcome it expects. */

static void
dispatch_ok (Fixture          *fixture,
             CaijiWizardEvent *event)
{
  g_autoptr(CaijiWizardEvent) owned = event;
  g_autoptr(GError) error = NULL;

  g_assert_true (caiji_wizard_dispatch (fixture->wizard, owned, &error));
  g_assert_no_error (error);
}

static void
dispatch_refused (Fixture          *fixture,
                  CaijiWizardEvent *event,
                  int               code,
                  const char       *message)
{
  g_autoptr(CaijiWizardEvent) owned = event;
  g_autoptr(GError) error = NULL;
  CaijiWizardPage before = caiji_wizard_get_page (fixture->wizard);

  g_assert_false (caiji_wizard_dispatch (fixture->wizard, owned, &error));
  g_assert_error (error, CAIJI_WIZARD_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, before);
}

static void
act_ok (Fixture           *fixture,
        CaijiWizardAction  action)
{
  dispatch_ok (fixture, caiji_wizard_event_new_action (caiji_wizard_get_page (fixture->wizard), action));
}

static void
act_refused (Fixture           *fixture,
             CaijiWizardAction  action,
             CaijiText          prompt)
{
  dispatch_refused (fixture,
                    caiji_wizard_event_new_action (caiji_wizard_get_page (fixture->wizard), action),
                    CAIJI_WIZARD_ERROR_REFUSED, caiji_text (prompt));
}

static void
act_stale (Fixture           *fixture,
           CaijiWizardPage    from_page,
           CaijiWizardAction  action)
{
  dispatch_refused (fixture, caiji_wizard_event_new_action (from_page, action),
                    CAIJI_WIZARD_ERROR_STALE, NULL);
}

static CaijiCardReading *
front_of (const CaijiCandidate *who)
{
  CaijiCardReading *reading = caiji_card_reading_new (CAIJI_CARD_SIDE_FRONT);

  reading->name = g_strdup (who->name);
  reading->id_number = g_strdup (who->id_number);
  reading->sex = g_strdup (who->sex == CAIJI_SEX_MALE ? "男" : "女");
  return reading;
}

static void
upload_card (Fixture                *fixture,
             CaijiCardSide           slot,
             const CaijiCardReading *reading,
             CaijiText               refusal)
{
  g_autoptr(GBytes) jpeg = caiji_test_fake_jpeg (30000, slot);
  CaijiWizardEvent *event = caiji_wizard_event_new_card_image (slot, reading, jpeg);

  if (refusal == CAIJI_TEXT_N_TEXTS)
    dispatch_ok (fixture, event);
  else
    dispatch_refused (fixture, event, CAIJI_WIZARD_ERROR_REFUSED, caiji_text (refusal));
}

static void
sign_in (Fixture *fixture,
         guint    n)
{
  const CaijiCandidate *who = candidate (fixture, n);

  dispatch_ok (fixture, caiji_wizard_event_new_sign_in (who->id_number, password_of (who)));
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_REVIEW_INFO);
  g_assert_cmpstr (caiji_wizard_get_candidate (fixture->wizard)->student_no, ==, who->student_no);
}

static void
reach_card_step (Fixture *fixture)
{
  sign_in (fixture, 0);
  act_ok (fixture, CAIJI_WIZARD_ACTION_CONFIRM);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_INTRO);
  act_ok (fixture, CAIJI_WIZARD_ACTION_START_CAPTURE);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_CARD);
}

static void
complete_card_step (Fixture *fixture)
{
  g_autoptr(CaijiCardReading) front = front_of (candidate (fixture, 0));
  g_autoptr(CaijiCardReading) back = caiji_card_reading_new (CAIJI_CARD_SIDE_BACK);

  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, front, CAIJI_TEXT_N_TEXTS);
  upload_card (fixture, CAIJI_CARD_SIDE_BACK, back, CAIJI_TEXT_N_TEXTS);
  act_ok (fixture, CAIJI_WIZARD_ACTION_NEXT);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_PHOTO);
}

static void
upload_photo (Fixture *fixture)
{
  g_autoptr(GBytes) jpeg = caiji_test_fake_jpeg (25000, 7);

  dispatch_ok (fixture, caiji_wizard_event_new_id_photo (1, NULL, 0.9, jpeg));
}

static void
reach_face_step (Fixture *fixture)
{
  reach_card_step (fixture);
  complete_card_step (fixture);
  upload_photo (fixture);
  act_ok (fixture, CAIJI_WIZARD_ACTION_NEXT);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_FACE);
}

static void
assert_face (Fixture        *fixture,
             CaijiFaceState  state,
             CaijiText       prompt)
{
  g_assert_cmpint (caiji_wizard_get_face_state (fixture->wizard), ==, state);
  g_assert_cmpstr (caiji_wizard_get_face_prompt (fixture->wizard), ==, caiji_text (prompt));
}

static void
face_result (Fixture          *fixture,
             CaijiFaceOutcome  outcome,
             double            score)
{
  g_autoptr(GBytes) jpeg = caiji_test_fake_jpeg (20000, 11);

  dispatch_ok (fixture, caiji_wizard_event_new_face_result (outcome, score, 0.35, jpeg));
}

static CaijiRecord *
load_record (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CaijiRecord *record;

  record = caiji_store_record_load (fixture->store, caiji_wizard_get_record_id (fixture->wizard), &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static void
assert_image_stored (Fixture        *fixture,
                     CaijiImageKind  kind,
                     gboolean        expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;

  image = caiji_store_record_get_image (fixture->store, caiji_wizard_get_record_id (fixture->wizard),
                                        kind, &error);
  g_assert_no_error (error);
  g_assert_true ((image != NULL) == expected);
}

/* Identify */

static void
test_sign_in_refusals (Fixture       *fixture,
                       gconstpointer  data)
{
  const CaijiCandidate *who = candidate (fixture, 1);
  g_autofree char *stranger = caiji_test_synthetic_id (999, CAIJI_SEX_MALE);

  dispatch_refused (fixture, caiji_wizard_event_new_sign_in ("12345", "123456"),
                    CAIJI_WIZARD_ERROR_INVALID_ID, NULL);
  dispatch_refused (fixture, caiji_wizard_event_new_sign_in (stranger, stranger + 12),
                    CAIJI_WIZARD_ERROR_UNKNOWN_CANDIDATE, NULL);
  dispatch_refused (fixture, caiji_wizard_event_new_sign_in (who->id_number, "000000"),
                    CAIJI_WIZARD_ERROR_WRONG_PASSWORD, NULL);
  g_assert_null (caiji_wizard_get_candidate (fixture->wizard));
}

static void
test_sign_in_lockout (Fixture       *fixture,
                      gconstpointer  data)
{
  const CaijiCandidate *who = candidate (fixture, 2);

  for (guint i = 1; i < CAIJI_WIZARD_MAX_SIGN_IN_FAILURES; i++)
    dispatch_refused (fixture, caiji_wizard_event_new_sign_in (who->id_number, "000000"),
                      CAIJI_WIZARD_ERROR_WRONG_PASSWORD, NULL);
  dispatch_refused (fixture, caiji_wizard_event_new_sign_in (who->id_number, "000000"),
                    CAIJI_WIZARD_ERROR_LOCKED, NULL);
  /* Locked even with the right password … */
  dispatch_refused (fixture, caiji_wizard_event_new_sign_in (who->id_number, password_of (who)),
                    CAIJI_WIZARD_ERROR_LOCKED, NULL);
  /* … but only that ID number. */
  sign_in (fixture, 0);
  act_ok (fixture, CAIJI_WIZARD_ACTION_HOME);

  fake_now += CAIJI_WIZARD_LOCKOUT_SECONDS * G_USEC_PER_SEC + 1;
  sign_in (fixture, 2);
}

static void
test_sign_in_lowercase_x_password (Fixture       *fixture,
                                   gconstpointer  data)
{
  const CaijiCandidate *who = candidate (fixture, 3);
  g_autofree char *lower = g_ascii_strdown (who->id_number, -1);
  g_autofree char *password = g_ascii_strdown (password_of (who), -1);

  dispatch_ok (fixture, caiji_wizard_event_new_sign_in (lower, password));
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_REVIEW_INFO);
}

static void
test_card_tap (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CaijiCardReading) chip = front_of (candidate (fixture, 1));
  g_autoptr(CaijiCardReading) wrong_name = front_of (candidate (fixture, 1));
  g_autoptr(CaijiCardReading) back = caiji_card_reading_new (CAIJI_CARD_SIDE_BACK);

  g_free (wrong_name->name);
  wrong_name->name = g_strdup ("张三丰");
  dispatch_refused (fixture, caiji_wizard_event_new_card_tap (wrong_name),
                    CAIJI_WIZARD_ERROR_UNKNOWN_CANDIDATE, NULL);
  dispatch_refused (fixture, caiji_wizard_event_new_card_tap (back), CAIJI_WIZARD_ERROR_INVALID_ID, NULL);
  dispatch_ok (fixture, caiji_wizard_event_new_card_tap (chip));
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_REVIEW_INFO);
}

/* 学生信息复核 */

static void
test_correction_request (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CaijiRecord) record = NULL;

  sign_in (fixture, 0);
  dispatch_refused (fixture, caiji_wizard_event_new_correction ("   "), CAIJI_WIZARD_ERROR_REFUSED,
                    caiji_text (CAIJI_TEXT_CORRECTION_NOTE_MISSING));
  dispatch_ok (fixture, caiji_wizard_event_new_correction ("专业应为 日语"));
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_INTRO);
  record = load_record (fixture);
  g_assert_cmpstr (record->correction_note, ==, "专业应为 日语");
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_DRAFT);
}

static void
test_confirm_creates_draft (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CaijiRecord) record = NULL;

  sign_in (fixture, 0);
  g_assert_cmpint (caiji_wizard_get_record_id (fixture->wizard), ==, 0);
  act_ok (fixture, CAIJI_WIZARD_ACTION_CONFIRM);
  record = load_record (fixture);
  g_assert_cmpstr (record->student_no, ==, candidate (fixture, 0)->student_no);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_DRAFT);
  g_assert_null (record->correction_note);
}

static gint64
confirm_again (Fixture *fixture,
               guint    n)
{
  act_ok (fixture, CAIJI_WIZARD_ACTION_HOME);
  sign_in (fixture, n);
  act_ok (fixture, CAIJI_WIZARD_ACTION_CONFIRM);
  return caiji_wizard_get_record_id (fixture->wizard);
}

/* A candidate who walks away half-way and signs in again carries on in the
 * same draft, starting the steps afresh; a finished record is never
 * reopened, and another candidate never gets someone else's draft. */
static void
test_sign_in_again_resumes_draft (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 draft, finished;

  reach_card_step (fixture);
  complete_card_step (fixture);
  draft = caiji_wizard_get_record_id (fixture->wizard);
  g_assert_cmpint (draft, >, 0);

  g_assert_cmpint (confirm_again (fixture, 0), ==, draft);
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), ==, CAIJI_SLOT_EMPTY);
  g_assert_cmpint (confirm_again (fixture, 1), !=, draft);

  act_ok (fixture, CAIJI_WIZARD_ACTION_HOME);
  reach_face_step (fixture);
  g_assert_cmpint (caiji_wizard_get_record_id (fixture->wizard), ==, draft);
  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (TRUE));
  act_ok (fixture, CAIJI_WIZARD_ACTION_START_RECOGNITION);
  face_result (fixture, CAIJI_FACE_OUTCOME_MATCH, 0.8);
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), ==, CAIJI_RECORD_CAPTURED);

  finished = draft;
  g_assert_cmpint (confirm_again (fixture, 0), !=, finished);
}

/* Step 1 证件识别 */

static void
test_card_step_prompts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CaijiCardReading) front = front_of (candidate (fixture, 0));
  g_autoptr(CaijiCardReading) back = caiji_card_reading_new (CAIJI_CARD_SIDE_BACK);
  g_autoptr(CaijiCardReading) not_a_card = caiji_card_reading_new (CAIJI_CARD_SIDE_NONE);

  reach_card_step (fixture);
  g_assert_null (caiji_wizard_get_card_name (fixture->wizard));
  act_refused (fixture, CAIJI_WIZARD_ACTION_NEXT, CAIJI_TEXT_FRONT_MISSING);

  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, back, CAIJI_TEXT_FRONT_REFUSED);
  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, not_a_card, CAIJI_TEXT_FRONT_REFUSED);
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), ==, CAIJI_SLOT_REFUSED);
  upload_card (fixture, CAIJI_CARD_SIDE_BACK, front, CAIJI_TEXT_BACK_REFUSED);
  upload_card (fixture, CAIJI_CARD_SIDE_BACK, not_a_card, CAIJI_TEXT_BACK_REFUSED);
  act_refused (fixture, CAIJI_WIZARD_ACTION_NEXT, CAIJI_TEXT_FRONT_MISSING);

  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, front, CAIJI_TEXT_N_TEXTS);
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), ==, CAIJI_SLOT_ACCEPTED);
  g_assert_cmpstr (caiji_wizard_get_card_name (fixture->wizard), ==, candidate (fixture, 0)->name);
  g_assert_cmpstr (caiji_wizard_get_card_id_number (fixture->wizard), ==, candidate (fixture, 0)->id_number);
  act_refused (fixture, CAIJI_WIZARD_ACTION_NEXT, CAIJI_TEXT_BACK_MISSING);

  /* A wrong upload after a good one keeps the good one. */
  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, not_a_card, CAIJI_TEXT_FRONT_REFUSED);
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), ==, CAIJI_SLOT_ACCEPTED);

  upload_card (fixture, CAIJI_CARD_SIDE_BACK, back, CAIJI_TEXT_N_TEXTS);
  assert_image_stored (fixture, CAIJI_IMAGE_CARD_FRONT, TRUE);
  assert_image_stored (fixture, CAIJI_IMAGE_CARD_BACK, TRUE);
  act_ok (fixture, CAIJI_WIZARD_ACTION_NEXT);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_PHOTO);
}

static char *
space_out (const char *name)
{
  GString *spaced = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_unichar (spaced, g_utf8_get_char (p));
      g_string_append (spaced, " ");
    }
  return g_string_free (spaced, FALSE);
}

static void
test_card_must_match_candidate (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CaijiCardReading) someone_else = front_of (candidate (fixture, 1));
  g_autoptr(CaijiCardReading) other_name = front_of (candidate (fixture, 0));
  g_autoptr(CaijiCardReading) unreadable = front_of (candidate (fixture, 0));
  g_autoptr(CaijiCardReading) spaced = front_of (candidate (fixture, 0));
  g_autoptr(CaijiRecord) record = NULL;

  reach_card_step (fixture);
  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, someone_else, CAIJI_TEXT_CARD_MISMATCH);
  g_free (other_name->name);
  other_name->name = g_strdup ("张三丰");
  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, other_name, CAIJI_TEXT_CARD_MISMATCH);
  g_clear_pointer (&unreadable->id_number, g_free);
  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, unreadable, CAIJI_TEXT_CARD_UNREADABLE);
  assert_image_stored (fixture, CAIJI_IMAGE_CARD_FRONT, FALSE);

  /* OCR often returns the name with spaces between the characters. */
  g_free (spaced->name);
  spaced->name = space_out (candidate (fixture, 0)->name);
  upload_card (fixture, CAIJI_CARD_SIDE_FRONT, spaced, CAIJI_TEXT_N_TEXTS);
  record = load_record (fixture);
  g_assert_cmpstr (record->card_id_number, ==, candidate (fixture, 0)->id_number);
}

/* Step 2 照片识别 */

static void
test_photo_step_prompts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = caiji_test_fake_jpeg (20000, 3);

  reach_card_step (fixture);
  complete_card_step (fixture);
  g_assert_cmpstr (caiji_wizard_get_photo_button_label (fixture->wizard), ==,
                   caiji_text (CAIJI_TEXT_UPLOAD_ID_PHOTO));
  act_refused (fixture, CAIJI_WIZARD_ACTION_NEXT, CAIJI_TEXT_PHOTO_MISSING);
  dispatch_refused (fixture, caiji_wizard_event_new_id_photo (0, NULL, NAN, jpeg),
                    CAIJI_WIZARD_ERROR_REFUSED, caiji_text (CAIJI_TEXT_NO_FACE));
  dispatch_refused (fixture, caiji_wizard_event_new_id_photo (2, NULL, NAN, jpeg),
                    CAIJI_WIZARD_ERROR_REFUSED, caiji_text (CAIJI_TEXT_SEVERAL_FACES));
  dispatch_refused (fixture, caiji_wizard_event_new_id_photo (1, "照片模糊", NAN, jpeg),
                    CAIJI_WIZARD_ERROR_REFUSED, "照片模糊");
  act_refused (fixture, CAIJI_WIZARD_ACTION_NEXT, CAIJI_TEXT_PHOTO_MISSING);
  assert_image_stored (fixture, CAIJI_IMAGE_ID_PHOTO, FALSE);

  upload_photo (fixture);
  g_assert_cmpstr (caiji_wizard_get_photo_button_label (fixture->wizard), ==,
                   caiji_text (CAIJI_TEXT_UPLOAD_AGAIN));
  assert_image_stored (fixture, CAIJI_IMAGE_ID_PHOTO, TRUE);

  act_ok (fixture, CAIJI_WIZARD_ACTION_PREVIOUS);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_CARD);
  act_ok (fixture, CAIJI_WIZARD_ACTION_NEXT);
  act_ok (fixture, CAIJI_WIZARD_ACTION_NEXT);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_FACE);
}

/* Step 3 人脸识别 */

static void
test_face_pass_path (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CaijiRecord) record = NULL;

  reach_face_step (fixture);
  assert_face (fixture, CAIJI_FACE_STATE_NO_FACE, CAIJI_TEXT_NO_FACE);
  act_stale (fixture, CAIJI_WIZARD_PAGE_FACE, CAIJI_WIZARD_ACTION_START_RECOGNITION);

  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (TRUE));
  assert_face (fixture, CAIJI_FACE_STATE_DETECTED, CAIJI_TEXT_FACE_DETECTED);
  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (FALSE));
  assert_face (fixture, CAIJI_FACE_STATE_NO_FACE, CAIJI_TEXT_NO_FACE);
  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (TRUE));

  act_ok (fixture, CAIJI_WIZARD_ACTION_START_RECOGNITION);
  g_assert_cmpint (caiji_wizard_get_face_state (fixture->wizard), ==, CAIJI_FACE_STATE_MATCHING);
  /* The double press of 开始识别 is dropped. */
  act_stale (fixture, CAIJI_WIZARD_PAGE_FACE, CAIJI_WIZARD_ACTION_START_RECOGNITION);
  act_stale (fixture, CAIJI_WIZARD_PAGE_FACE, CAIJI_WIZARD_ACTION_PREVIOUS);

  face_result (fixture, CAIJI_FACE_OUTCOME_MATCH, 0.71);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_PASSED);
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), ==, CAIJI_RECORD_CAPTURED);
  g_assert_nonnull (caiji_wizard_get_image (fixture->wizard, CAIJI_IMAGE_ID_PHOTO));
  g_assert_nonnull (caiji_wizard_get_image (fixture->wizard, CAIJI_IMAGE_FACE));

  record = load_record (fixture);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_CAPTURED);
  g_assert_cmpfloat_with_epsilon (record->face_score, 0.71, 1e-9);
  g_assert_cmpfloat_with_epsilon (record->face_threshold, 0.35, 1e-9);
  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    assert_image_stored (fixture, kind, TRUE);

  act_ok (fixture, CAIJI_WIZARD_ACTION_HOME);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_IDENTIFY);
  g_assert_null (caiji_wizard_get_candidate (fixture->wizard));
}

static void
test_face_review_path (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) snapshot = caiji_test_fake_jpeg (22000, 99);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(CaijiRecord) record = NULL;

  reach_face_step (fixture);
  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (TRUE));
  act_ok (fixture, CAIJI_WIZARD_ACTION_START_RECOGNITION);
  face_result (fixture, CAIJI_FACE_OUTCOME_NO_MATCH, 0.12);
  assert_face (fixture, CAIJI_FACE_STATE_FAILED, CAIJI_TEXT_FACE_FAILED);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_FACE);

  act_ok (fixture, CAIJI_WIZARD_ACTION_RETRY_RECOGNITION);
  assert_face (fixture, CAIJI_FACE_STATE_NO_FACE, CAIJI_TEXT_NO_FACE);
  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (TRUE));
  act_ok (fixture, CAIJI_WIZARD_ACTION_START_RECOGNITION);
  face_result (fixture, CAIJI_FACE_OUTCOME_NO_MATCH, 0.10);

  act_ok (fixture, CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW);
  g_assert_cmpint (caiji_wizard_get_face_state (fixture->wizard), ==, CAIJI_FACE_STATE_CAPTURING);
  act_stale (fixture, CAIJI_WIZARD_PAGE_FACE, CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW);
  dispatch_ok (fixture, caiji_wizard_event_new_review_photo (snapshot));
  assert_face (fixture, CAIJI_FACE_STATE_REVIEW_PHOTO, CAIJI_TEXT_REVIEW_PHOTO_SHOWN);

  act_ok (fixture, CAIJI_WIZARD_ACTION_RETAKE);
  assert_face (fixture, CAIJI_FACE_STATE_FAILED, CAIJI_TEXT_FACE_FAILED);
  act_stale (fixture, CAIJI_WIZARD_PAGE_FACE, CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW);
  act_ok (fixture, CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW);
  dispatch_ok (fixture, caiji_wizard_event_new_review_photo (snapshot));
  act_ok (fixture, CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_SUBMITTED);
  act_stale (fixture, CAIJI_WIZARD_PAGE_FACE, CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW);

  record = load_record (fixture);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_PENDING_REVIEW);
  g_assert_cmpfloat_with_epsilon (record->face_score, 0.10, 1e-9);
  stored = caiji_store_record_get_image (fixture->store, record->id, CAIJI_IMAGE_FACE, NULL);
  g_assert_true (g_bytes_equal (stored, snapshot));
}

static void
test_face_matcher_unavailable (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) snapshot = caiji_test_fake_jpeg (22000, 5);
  g_autoptr(CaijiRecord) record = NULL;

  reach_face_step (fixture);
  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (TRUE));
  act_ok (fixture, CAIJI_WIZARD_ACTION_START_RECOGNITION);
  dispatch_ok (fixture, caiji_wizard_event_new_face_result (CAIJI_FACE_OUTCOME_UNAVAILABLE, NAN, NAN, NULL));
  g_assert_true (caiji_wizard_get_matcher_unavailable (fixture->wizard));
  assert_face (fixture, CAIJI_FACE_STATE_FAILED, CAIJI_TEXT_FACE_MATCHER_UNAVAILABLE);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), !=, CAIJI_WIZARD_PAGE_PASSED);

  act_ok (fixture, CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW);
  dispatch_ok (fixture, caiji_wizard_event_new_review_photo (snapshot));
  act_ok (fixture, CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW);
  record = load_record (fixture);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_PENDING_REVIEW);
  g_assert_true (isnan (record->face_score));
}

/* A head-turn challenge not met: 人脸识别不通过 without a comparison,
 * never a pass; 拍照审核 still goes to review. */
static void
test_face_not_live (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) snapshot = caiji_test_fake_jpeg (22000, 6);
  g_autoptr(CaijiRecord) record = NULL;

  reach_face_step (fixture);
  dispatch_ok (fixture, caiji_wizard_event_new_face_seen (TRUE));
  act_ok (fixture, CAIJI_WIZARD_ACTION_START_RECOGNITION);
  dispatch_ok (fixture, caiji_wizard_event_new_face_result (CAIJI_FACE_OUTCOME_NOT_LIVE, NAN, NAN, NULL));
  g_assert_false (caiji_wizard_get_matcher_unavailable (fixture->wizard));
  assert_face (fixture, CAIJI_FACE_STATE_FAILED, CAIJI_TEXT_FACE_FAILED);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_FACE);
  g_assert_null (caiji_wizard_get_image (fixture->wizard, CAIJI_IMAGE_FACE));

  act_ok (fixture, CAIJI_WIZARD_ACTION_PHOTO_FOR_REVIEW);
  dispatch_ok (fixture, caiji_wizard_event_new_review_photo (snapshot));
  act_ok (fixture, CAIJI_WIZARD_ACTION_SUBMIT_FOR_REVIEW);
  record = load_record (fixture);
  g_assert_cmpint (record->status, ==, CAIJI_RECORD_PENDING_REVIEW);
  g_assert_true (isnan (record->face_score));
}

/* Navigation and double presses */

static void
test_double_next_never_skips (Fixture       *fixture,
                              gconstpointer  data)
{
  reach_face_step (fixture);
  act_ok (fixture, CAIJI_WIZARD_ACTION_PREVIOUS);
  act_ok (fixture, CAIJI_WIZARD_ACTION_PREVIOUS);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_CARD);

  /* Both presses come from the step-1 screen; only the first counts even
   * though step 2 already has its photo. */
  dispatch_ok (fixture, caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_CARD, CAIJI_WIZARD_ACTION_NEXT));
  act_stale (fixture, CAIJI_WIZARD_PAGE_CARD, CAIJI_WIZARD_ACTION_NEXT);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_PHOTO);
}

static void
test_stale_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  act_stale (fixture, CAIJI_WIZARD_PAGE_IDENTIFY, CAIJI_WIZARD_ACTION_NEXT);
  act_stale (fixture, CAIJI_WIZARD_PAGE_CARD, CAIJI_WIZARD_ACTION_NEXT);
  sign_in (fixture, 0);
  act_stale (fixture, CAIJI_WIZARD_PAGE_REVIEW_INFO, CAIJI_WIZARD_ACTION_NEXT);
  act_stale (fixture, CAIJI_WIZARD_PAGE_REVIEW_INFO, CAIJI_WIZARD_ACTION_START_CAPTURE);
  act_stale (fixture, CAIJI_WIZARD_PAGE_INTRO, CAIJI_WIZARD_ACTION_START_CAPTURE);
  act_ok (fixture, CAIJI_WIZARD_ACTION_CONFIRM);
  act_stale (fixture, CAIJI_WIZARD_PAGE_REVIEW_INFO, CAIJI_WIZARD_ACTION_CONFIRM);
  dispatch_refused (fixture, caiji_wizard_event_new_face_seen (TRUE), CAIJI_WIZARD_ERROR_STALE, NULL);
  dispatch_refused (fixture, caiji_wizard_event_new_sign_in ("x", "y"), CAIJI_WIZARD_ERROR_STALE, NULL);
}

static void
test_home_forgets_candidate (Fixture       *fixture,
                             gconstpointer  data)
{
  reach_card_step (fixture);
  complete_card_step (fixture);
  act_ok (fixture, CAIJI_WIZARD_ACTION_HOME);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_IDENTIFY);
  g_assert_null (caiji_wizard_get_candidate (fixture->wizard));
  g_assert_null (caiji_wizard_get_card_name (fixture->wizard));
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), ==, CAIJI_SLOT_EMPTY);

  sign_in (fixture, 1);
  caiji_wizard_reset (fixture->wizard);
  g_assert_null (caiji_wizard_get_candidate (fixture->wizard));
}

/* Random presses from random pages: the flow never jumps ahead. */

static CaijiWizardEvent *
random_event (Fixture *fixture,
              GRand   *rand)
{
  g_autoptr(CaijiCardReading) reading = NULL;
  g_autoptr(GBytes) jpeg = caiji_test_fake_jpeg (64, g_rand_int (rand));
  CaijiWizardPage page = g_rand_int_range (rand, 0, 8);

  if (g_rand_boolean (rand))
    page = caiji_wizard_get_page (fixture->wizard);

  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
      return caiji_wizard_event_new_sign_in (candidate (fixture, 0)->id_number,
                                             password_of (candidate (fixture, 0)));
    case 1:
      reading = g_rand_boolean (rand) ? front_of (candidate (fixture, 0))
                                      : caiji_card_reading_new (g_rand_int_range (rand, 0, 3));
      return caiji_wizard_event_new_card_image (g_rand_int_range (rand, 1, 3), reading, jpeg);
    case 2:
      return caiji_wizard_event_new_id_photo (g_rand_int_range (rand, 0, 3), NULL, NAN, jpeg);
    case 3:
      return caiji_wizard_event_new_face_seen (g_rand_boolean (rand));
    case 4:
      return caiji_wizard_event_new_face_result (g_rand_int_range (rand, 0, CAIJI_FACE_OUTCOME_NOT_LIVE + 1), 0.5, 0.35, jpeg);
    case 5:
      return caiji_wizard_event_new_review_photo (jpeg);
    default:
      return caiji_wizard_event_new_action (page, g_rand_int_range (rand, 0, 10));
    }
}

static void
assert_step_invariants (Fixture         *fixture,
                        CaijiWizardPage  before)
{
  CaijiWizard *wizard = fixture->wizard;
  CaijiWizardPage after = caiji_wizard_get_page (wizard);
  gboolean card_done = caiji_wizard_get_card_slot (wizard, CAIJI_CARD_SIDE_FRONT) == CAIJI_SLOT_ACCEPTED &&
                       caiji_wizard_get_card_slot (wizard, CAIJI_CARD_SIDE_BACK) == CAIJI_SLOT_ACCEPTED;
  gboolean photo_done = caiji_wizard_get_image (wizard, CAIJI_IMAGE_ID_PHOTO) != NULL;

  if (after > before && after != CAIJI_WIZARD_PAGE_SUBMITTED)
    g_assert_cmpint (after, ==, before + 1);
  /* 提交审核 is reached from step 3 only; staying on it is no jump. */
  if (after == CAIJI_WIZARD_PAGE_SUBMITTED && before != CAIJI_WIZARD_PAGE_SUBMITTED)
    g_assert_cmpint (before, ==, CAIJI_WIZARD_PAGE_FACE);
  if (after >= CAIJI_WIZARD_PAGE_PHOTO)
    g_assert_true (card_done);
  if (after >= CAIJI_WIZARD_PAGE_FACE)
    g_assert_true (photo_done);
  if (after == CAIJI_WIZARD_PAGE_PASSED)
    g_assert_cmpint (caiji_wizard_get_record_status (wizard), ==, CAIJI_RECORD_CAPTURED);
}

static void
test_random_presses (Fixture       *fixture,
                     gconstpointer  data)
{
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint reached_face = 0;

  for (guint i = 0; i < 4000; i++)
    {
      g_autoptr(CaijiWizardEvent) event = random_event (fixture, rand);
      CaijiWizardPage before = caiji_wizard_get_page (fixture->wizard);

      caiji_wizard_dispatch (fixture->wizard, event, NULL);
      assert_step_invariants (fixture, before);
      reached_face += caiji_wizard_get_page (fixture->wizard) == CAIJI_WIZARD_PAGE_FACE;
    }
  g_rand_free (rand);
  g_test_message ("%u of 4000 random presses left the wizard on step 3", reached_face);
}

/* Asynchronous dispatch: busy while saving, then applied. */

typedef struct {
  GError   *error;
  gboolean  done;
} AsyncResult;

static void
dispatched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncResult *outcome = user_data;

  caiji_wizard_dispatch_finish (CAIJI_WIZARD (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
dispatch_confirm_async (Fixture     *fixture,
                        AsyncResult *outcome)
{
  caiji_wizard_dispatch_async (fixture->wizard,
                               caiji_wizard_event_new_action (CAIJI_WIZARD_PAGE_REVIEW_INFO,
                                                              CAIJI_WIZARD_ACTION_CONFIRM),
                               NULL, dispatched_cb, outcome);
}

static void
test_async_busy (Fixture       *fixture,
                 gconstpointer  data)
{
  AsyncResult first = { NULL, FALSE };
  AsyncResult second = { NULL, FALSE };
  guint changes_before;

  sign_in (fixture, 0);
  changes_before = fixture->changes;
  dispatch_confirm_async (fixture, &first);
  g_assert_true (caiji_wizard_is_busy (fixture->wizard));
  dispatch_confirm_async (fixture, &second);
  while (!first.done || !second.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (caiji_wizard_is_busy (fixture->wizard));
  g_assert_no_error (first.error);
  g_assert_error (second.error, CAIJI_WIZARD_ERROR, CAIJI_WIZARD_ERROR_BUSY);
  g_clear_error (&second.error);
  g_assert_cmpint (caiji_wizard_get_page (fixture->wizard), ==, CAIJI_WIZARD_PAGE_INTRO);
  g_assert_cmpuint (fixture->changes, ==, changes_before + 1);
  g_assert_cmpint (caiji_wizard_get_record_id (fixture->wizard), >, 0);
}

/* Payment gating from the seed, per status. */

static void
test_payment_texts (void)
{
  g_assert_cmpstr (caiji_record_status_payment_text (CAIJI_RECORD_CAPTURED), ==,
                   caiji_text (CAIJI_TEXT_PAYMENT_AFTER_APPROVAL));
  g_assert_cmpstr (caiji_record_status_payment_text (CAIJI_RECORD_PENDING_REVIEW), ==,
                   caiji_text (CAIJI_TEXT_PAYMENT_AFTER_APPROVAL));
  g_assert_cmpstr (caiji_record_status_payment_text (CAIJI_RECORD_REJECTED), ==,
                   caiji_text (CAIJI_TEXT_PAYMENT_REJECTED));
  g_assert_cmpstr (caiji_record_status_payment_text (CAIJI_RECORD_APPROVED), ==,
                   caiji_text (CAIJI_TEXT_PAYMENT_OPEN));
  g_assert_cmpstr (caiji_record_status_payment_text (CAIJI_RECORD_SYNCED), ==,
                   caiji_text (CAIJI_TEXT_PAYMENT_OPEN));
}

static void
test_status_transitions (void)
{
  /* draft → captured | pending_review → approved | rejected; approved → synced */
  static const gboolean allowed[CAIJI_RECORD_N_STATUSES][CAIJI_RECORD_N_STATUSES] = {
    [CAIJI_RECORD_DRAFT] = { [CAIJI_RECORD_CAPTURED] = TRUE, [CAIJI_RECORD_PENDING_REVIEW] = TRUE },
    [CAIJI_RECORD_CAPTURED] = { [CAIJI_RECORD_APPROVED] = TRUE, [CAIJI_RECORD_REJECTED] = TRUE },
    [CAIJI_RECORD_PENDING_REVIEW] = { [CAIJI_RECORD_APPROVED] = TRUE, [CAIJI_RECORD_REJECTED] = TRUE },
    [CAIJI_RECORD_APPROVED] = { [CAIJI_RECORD_SYNCED] = TRUE },
  };

  for (CaijiRecordStatus from = 0; from < CAIJI_RECORD_N_STATUSES; from++)
    for (CaijiRecordStatus to = 0; to < CAIJI_RECORD_N_STATUSES; to++)
      g_assert_cmpint (caiji_record_status_can_transition (from, to), ==, allowed[from][to]);
}

#define ADD(path, func) \
  g_test_add ("/wizard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("sign-in/refusals", test_sign_in_refusals);
  ADD ("sign-in/lockout", test_sign_in_lockout);
  ADD ("sign-in/lowercase-x-password", test_sign_in_lowercase_x_password);
  ADD ("sign-in/card-tap", test_card_tap);
  ADD ("review/correction-request", test_correction_request);
  ADD ("review/confirm-creates-draft", test_confirm_creates_draft);
  ADD ("review/sign-in-again-resumes-draft", test_sign_in_again_resumes_draft);
  ADD ("card/prompts", test_card_step_prompts);
  ADD ("card/must-match-candidate", test_card_must_match_candidate);
  ADD ("photo/prompts", test_photo_step_prompts);
  ADD ("face/pass-path", test_face_pass_path);
  ADD ("face/review-path", test_face_review_path);
  ADD ("face/matcher-unavailable", test_face_matcher_unavailable);
  ADD ("face/not-live", test_face_not_live);
  ADD ("navigation/double-next-never-skips", test_double_next_never_skips);
  ADD ("navigation/stale-pages", test_stale_pages);
  ADD ("navigation/home-forgets-candidate", test_home_forgets_candidate);
  ADD ("navigation/random-presses", test_random_presses);
  ADD ("async/busy", test_async_busy);
  g_test_add_func ("/wizard/status/payment-texts", test_payment_texts);
  g_test_add_func ("/wizard/status/transitions", test_status_transitions);

  return g_test_run ();
}
