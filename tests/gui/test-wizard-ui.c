/* test-wizard-ui.c: the three capture steps driven through the real widgets
 *
 * Runs under xvfb-run with a demo camera and the scripted analyzer.
 * Asserts on what the candidate sees: pages, labels, pictures, buttons.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "caiji-camera-view.h"
#include "caiji-card-page.h"
#include "caiji-card-slot.h"
#include "caiji-card-tuning.h"
#include "caiji-face-page.h"
#include "caiji-gui-driver.h"
#include "caiji-identify-page.h"
#include "caiji-photo-page.h"
#include "caiji-result-page.h"
#include "caiji-test-utils.h"
#include "caiji-texts.h"

typedef CaijiGuiFixture Fixture;

static GtkWidget *
card_child (Fixture    *fixture,
            const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, "card_page"), CAIJI_TYPE_CARD_PAGE, name);
}

static GtkWidget *
slot_child (Fixture       *fixture,
            CaijiCardSide  side,
            const char    *name)
{
  return caiji_gui_child (card_child (fixture, side == CAIJI_CARD_SIDE_FRONT ? "front_slot" : "back_slot"),
                          CAIJI_TYPE_CARD_SLOT, name);
}

static GtkWidget *
photo_child (Fixture    *fixture,
             const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, "photo_page"), CAIJI_TYPE_PHOTO_PAGE, name);
}

static GtkWidget *
face_child (Fixture    *fixture,
            const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, "face_page"), CAIJI_TYPE_FACE_PAGE, name);
}

static GtkWidget *
result_child (Fixture    *fixture,
              const char *page,
              const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, page), CAIJI_TYPE_RESULT_PAGE, name);
}

static gboolean
has_paintable (Fixture       *fixture,
               gconstpointer  data)
{
  return gtk_picture_get_paintable (GTK_PICTURE ((gpointer) data)) != NULL;
}

static gboolean
dialog_shown (Fixture       *fixture,
              gconstpointer  data)
{
  return caiji_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_gone (Fixture       *fixture,
             gconstpointer  data)
{
  return caiji_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Waits for the refusal dialog, checks its prompt and leaves it with the
 * seed's 回到首页, which returns to the card page. */
static void
expect_refusal_dialog (Fixture    *fixture,
                       const char *prompt)
{
  AdwMessageDialog *dialog;

  caiji_gui_wait (fixture, dialog_shown, NULL, "the refusal dialog");
  dialog = ADW_MESSAGE_DIALOG (caiji_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, prompt);
  caiji_test_press (caiji_test_find_button (GTK_WIDGET (dialog), caiji_text (CAIJI_TEXT_BACK_HOME)));
  caiji_gui_wait (fixture, dialog_gone, NULL, "the refusal dialog to close");
  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "card");
}

static void
start_recognition (Fixture *fixture)
{
  caiji_scripted_analyzer_set_face (fixture->analyzer, TRUE);
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_FACE_DETECTED));
  g_assert_true (gtk_widget_is_visible (face_child (fixture, "retry_button")));
  caiji_gui_wait_visible (fixture, face_child (fixture, "start_button"));
  caiji_test_press (face_child (fixture, "start_button"));
}

static void
submit_for_review (Fixture *fixture)
{
  caiji_gui_wait_visible (fixture, face_child (fixture, "review_button"));
  caiji_test_press (face_child (fixture, "review_button"));
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_REVIEW_PHOTO_SHOWN));
  caiji_gui_wait_visible (fixture, face_child (fixture, "submit_button"));
  g_assert_true (gtk_widget_is_visible (face_child (fixture, "retake_button")));
  g_assert_false (gtk_widget_is_visible (face_child (fixture, "start_button")));
  caiji_test_press (face_child (fixture, "submit_button"));
  caiji_gui_wait_page (fixture, "submitted");
}

/* Tests */

static void
test_pass_path (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *expected_name = NULL;

  caiji_gui_reach_card (fixture);
  /* Nothing read yet: the fields say they fill in by themselves. */
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "name_value")), ==,
                   caiji_text (CAIJI_TEXT_CARD_AUTOFILL_HINT));
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "card_page"));
  caiji_gui_complete_card (fixture);
  /* The reading is told whose card to expect, to confirm the name. */
  expected_name = caiji_scripted_analyzer_dup_expected_name (fixture->analyzer);
  g_assert_cmpstr (expected_name, ==, fixture->candidate->name);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (photo_child (fixture, "upload_button"))), ==,
                   caiji_text (CAIJI_TEXT_UPLOAD_ID_PHOTO));

  caiji_test_press (photo_child (fixture, "previous_button"));
  caiji_gui_wait_page (fixture, "card");
  /* Back on step 1 the card read before is still there. */
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "name_value")), ==, fixture->candidate->name);
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "card_page"));
  caiji_test_press (card_child (fixture, "next_button"));
  caiji_gui_wait_page (fixture, "photo");

  caiji_scripted_analyzer_set_photo (fixture->analyzer, 1, NULL, 0.92);
  caiji_gui_upload_photo (fixture, "testdata/faces/obama/obama_1.jpg");
  caiji_gui_wait_label (fixture, photo_child (fixture, "status_label"), "Photo accepted. Quality: 92%");
  g_assert_cmpint (caiji_scripted_analyzer_get_photo_from_camera (fixture->analyzer), ==, FALSE);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (photo_child (fixture, "upload_button"))), ==,
                   caiji_text (CAIJI_TEXT_UPLOAD_AGAIN));
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "photo_page"));
  caiji_test_press (photo_child (fixture, "next_button"));
  caiji_gui_wait_page (fixture, "face");

  caiji_scripted_analyzer_set_match (fixture->analyzer, CAIJI_FACE_OUTCOME_MATCH, 0.83);
  start_recognition (fixture);
  caiji_gui_wait_page (fixture, "passed");
  g_assert_cmpstr (caiji_gui_label (result_child (fixture, "passed_page", "title_label")), ==,
                   caiji_text (CAIJI_TEXT_FACE_PASSED));
  g_assert_cmpstr (caiji_gui_label (result_child (fixture, "passed_page", "payment_label")), ==,
                   caiji_text (CAIJI_TEXT_PAYMENT_AFTER_APPROVAL));
  caiji_gui_wait (fixture, has_paintable, result_child (fixture, "passed_page", "id_photo_picture"), "the ID photo");
  caiji_gui_wait (fixture, has_paintable, result_child (fixture, "passed_page", "face_picture"), "the face photo");
  /* One 开始识别: 3–5 good frames compared. */
  g_assert_cmpint (caiji_scripted_analyzer_get_matches (fixture->analyzer), >=, 3);
  g_assert_cmpint (caiji_scripted_analyzer_get_matches (fixture->analyzer), <=, 5);
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), ==, CAIJI_RECORD_CAPTURED);

  caiji_test_press (result_child (fixture, "passed_page", "home_button"));
  caiji_gui_wait_page (fixture, "identify");
}

static void
test_fail_path (Fixture       *fixture,
                gconstpointer  data)
{
  caiji_gui_reach_face (fixture);
  g_assert_cmpstr (caiji_gui_label (face_child (fixture, "prompt_label")), ==, caiji_text (CAIJI_TEXT_NO_FACE));
  g_assert_false (gtk_widget_is_visible (face_child (fixture, "start_button")));

  caiji_scripted_analyzer_set_match (fixture->analyzer, CAIJI_FACE_OUTCOME_NO_MATCH, 0.12);
  start_recognition (fixture);
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_FACE_FAILED));
  caiji_gui_wait_visible (fixture, face_child (fixture, "retry_button"));

  /* 重新识别 goes back to looking for a face. */
  caiji_scripted_analyzer_set_face (fixture->analyzer, FALSE);
  caiji_test_press (face_child (fixture, "retry_button"));
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_NO_FACE));
  start_recognition (fixture);
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_FACE_FAILED));

  /* 拍照审核 → 重拍 → 拍照审核 → 提交审核 */
  caiji_gui_wait_visible (fixture, face_child (fixture, "review_button"));
  caiji_test_press (face_child (fixture, "review_button"));
  caiji_gui_wait_visible (fixture, face_child (fixture, "retake_button"));
  caiji_test_press (face_child (fixture, "retake_button"));
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"), caiji_text (CAIJI_TEXT_FACE_FAILED));
  submit_for_review (fixture);

  g_assert_cmpstr (caiji_gui_label (result_child (fixture, "submitted_page", "payment_label")), ==,
                   caiji_text (CAIJI_TEXT_PAYMENT_AFTER_APPROVAL));
  caiji_gui_wait (fixture, has_paintable, result_child (fixture, "submitted_page", "face_picture"), "the face photo");
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), ==, CAIJI_RECORD_PENDING_REVIEW);
}

static void
test_matcher_unavailable (Fixture       *fixture,
                          gconstpointer  data)
{
  caiji_gui_reach_face (fixture);
  caiji_scripted_analyzer_set_match (fixture->analyzer, CAIJI_FACE_OUTCOME_UNAVAILABLE, 0);
  start_recognition (fixture);
  /* Said plainly, and never a pass. */
  caiji_gui_wait_label (fixture, face_child (fixture, "prompt_label"),
                        caiji_text (CAIJI_TEXT_FACE_MATCHER_UNAVAILABLE));
  submit_for_review (fixture);
  g_assert_cmpint (caiji_wizard_get_record_status (fixture->wizard), ==, CAIJI_RECORD_PENDING_REVIEW);
}

static void
test_wrong_side_and_non_card (Fixture       *fixture,
                              gconstpointer  data)
{
  caiji_gui_reach_card (fixture);

  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_BACK);
  expect_refusal_dialog (fixture, caiji_text (CAIJI_TEXT_FRONT_REFUSED));
  g_assert_cmpstr (caiji_gui_label (slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label")), ==,
                   caiji_text (CAIJI_TEXT_FRONT_REFUSED));
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "name_value")), ==,
                   caiji_text (CAIJI_TEXT_CARD_AUTOFILL_HINT));

  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_BACK, CAIJI_CARD_SIDE_NONE);
  expect_refusal_dialog (fixture, caiji_text (CAIJI_TEXT_BACK_REFUSED));
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_BACK), ==, CAIJI_SLOT_REFUSED);

  /* 重拍 brings the preview back, and the right side is then accepted. */
  caiji_test_press (slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "take_button"));
  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_FRONT);
  caiji_gui_wait_label (fixture, slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label"), _("Accepted"));
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "name_value")), ==, fixture->candidate->name);
}

static void
test_next_needs_both_sides (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *error_label = card_child (fixture, "error_label");

  caiji_gui_reach_card (fixture);
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "card_page"));
  caiji_test_press (card_child (fixture, "next_button"));
  caiji_gui_wait_label (fixture, error_label, caiji_text (CAIJI_TEXT_FRONT_MISSING));

  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_FRONT);
  caiji_gui_wait_label (fixture, slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label"), _("Accepted"));
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "card_page"));
  caiji_test_press (card_child (fixture, "next_button"));
  caiji_gui_wait_label (fixture, error_label, caiji_text (CAIJI_TEXT_BACK_MISSING));
  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "card");
}

static gboolean
reading_unavailable_shown (Fixture       *fixture,
                           gconstpointer  data)
{
  return strstr (caiji_gui_label ((GtkWidget *) data), "not available") != NULL;
}

/* The kiosk's own analyzer without vision: the card is taken and shown,
 * never accepted, and 下一步 is refused. */
static void
test_card_reading_unavailable (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *state = slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label");
  GtkWidget *take = slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "take_button");

  caiji_gui_reach_card (fixture);
  caiji_scripted_analyzer_set_card (fixture->analyzer, NULL, CAIJI_CARD_TIP_UNKNOWN);
  caiji_gui_wait_sensitive (fixture, take);
  caiji_test_press (take);
  caiji_gui_wait (fixture, reading_unavailable_shown, state, "the reading to be refused");
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), ==, CAIJI_SLOT_EMPTY);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (take)), ==, caiji_text (CAIJI_TEXT_RETAKE));
  caiji_test_press (card_child (fixture, "next_button"));
  caiji_gui_wait_label (fixture, card_child (fixture, "error_label"), caiji_text (CAIJI_TEXT_FRONT_MISSING));
}

static gboolean
card_reads_done (Fixture       *fixture,
                 gconstpointer  data)
{
  return caiji_scripted_analyzer_get_card_reads (fixture->analyzer, NULL) >= GPOINTER_TO_UINT (data);
}

static gboolean
tips_answered (Fixture       *fixture,
               gconstpointer  data)
{
  return caiji_scripted_analyzer_get_tips (fixture->analyzer) >= GPOINTER_TO_UINT (data);
}

static void
script_front_of_candidate (Fixture *fixture)
{
  g_autoptr(CaijiCardReading) reading = caiji_card_reading_new (CAIJI_CARD_SIDE_FRONT);

  reading->name = g_strdup (fixture->candidate->name);
  reading->id_number = g_strdup (fixture->candidate->id_number);
  caiji_scripted_analyzer_set_card (fixture->analyzer, reading, CAIJI_CARD_TIP_STANDARD);
}

/* Step 1 takes the picture by itself after CARD_AUTO_CAPTURE_STABLE_FRAMES
 * 标准 frames in a row, and not on a shorter run: the preview plays two
 * runs one frame short (broken by 照片模糊 and 闪光强烈), then a full
 * run, two more 标准 frames (too few for the emblem side) and 边框缺失
 * from then on.  The camera read is confirmed by a second frame. */
static void
test_card_auto_capture (Fixture       *fixture,
                        gconstpointer  data)
{
  const guint stable = CARD_AUTO_CAPTURE_STABLE_FRAMES;
  g_autoptr(GArray) script = g_array_new (FALSE, FALSE, sizeof (CaijiCardTip));
  CaijiCardTip standard = CAIJI_CARD_TIP_STANDARD, blurry = CAIJI_CARD_TIP_BLURRY, glare = CAIJI_CARD_TIP_GLARE;
  guint tips_at_first_read = 0;

  caiji_gui_reach_card (fixture);
  script_front_of_candidate (fixture);
  for (guint i = 0; i + 1 < stable; i++)
    g_array_append_val (script, standard);
  g_array_append_val (script, blurry);
  for (guint i = 0; i + 1 < stable; i++)
    g_array_append_val (script, standard);
  g_array_append_val (script, glare);
  for (guint i = 0; i < stable + 2; i++)
    g_array_append_val (script, standard);
  caiji_scripted_analyzer_set_live_tips (fixture->analyzer, (const CaijiCardTip *) (gpointer) script->data,
                                         script->len, CAIJI_CARD_TIP_BORDER_MISSING);

  caiji_gui_wait_label (fixture, slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label"), _("Accepted"));
  g_assert_cmpuint (caiji_scripted_analyzer_get_card_reads (fixture->analyzer, &tips_at_first_read), ==, 2);
  /* Not before the third run was complete. */
  g_assert_cmpuint (tips_at_first_read, >=, 3 * stable);
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), ==, CAIJI_SLOT_ACCEPTED);
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "name_value")), ==, fixture->candidate->name);

  /* The two 标准 frames left over and a full run's worth of 边框缺失:
   * the emblem side is not taken. */
  caiji_gui_wait (fixture, tips_answered, GUINT_TO_POINTER (script->len + stable), "more preview frames");
  g_assert_cmpuint (caiji_scripted_analyzer_get_card_reads (fixture->analyzer, NULL), ==, 2);
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_BACK), ==, CAIJI_SLOT_EMPTY);
}

/* A camera read whose frames never agree on the number is not accepted:
 * after CARD_AGREEMENT_MAX_FRAMES the candidate is asked to retake. */
static void
test_card_frames_disagree (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *take = slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "take_button");

  caiji_gui_reach_card (fixture);
  script_front_of_candidate (fixture);
  caiji_scripted_analyzer_set_card_unsteady (fixture->analyzer, TRUE);
  caiji_scripted_analyzer_set_live_tips (fixture->analyzer, NULL, 0, CAIJI_CARD_TIP_UNKNOWN);
  caiji_gui_wait_sensitive (fixture, take);
  caiji_test_press (take);
  caiji_gui_wait (fixture, card_reads_done, GUINT_TO_POINTER (CARD_AGREEMENT_MAX_FRAMES), "the frames to be read");
  caiji_gui_wait_label (fixture, slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label"),
                        caiji_text (CAIJI_TEXT_CARD_UNREADABLE));
  g_assert_cmpuint (caiji_scripted_analyzer_get_card_reads (fixture->analyzer, NULL), ==, CARD_AGREEMENT_MAX_FRAMES);
  g_assert_cmpint (caiji_wizard_get_card_slot (fixture->wizard, CAIJI_CARD_SIDE_FRONT), !=, CAIJI_SLOT_ACCEPTED);
}

static void
test_photo_prompts (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *error_label = photo_child (fixture, "error_label");

  caiji_gui_reach_photo (fixture);
  caiji_test_press (photo_child (fixture, "next_button"));
  caiji_gui_wait_label (fixture, error_label, caiji_text (CAIJI_TEXT_PHOTO_MISSING));

  caiji_scripted_analyzer_set_photo (fixture->analyzer, 0, NULL, 0.5);
  caiji_gui_wait_sensitive (fixture, caiji_gui_page (fixture, "photo_page"));
  caiji_gui_upload_photo (fixture, "testdata/faces/obama/obama_2.jpg");
  caiji_gui_wait_label (fixture, error_label, caiji_text (CAIJI_TEXT_NO_FACE));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (photo_child (fixture, "upload_button"))), ==,
                   caiji_text (CAIJI_TEXT_UPLOAD_ID_PHOTO));
  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "photo");
}

/* A candidate without a photo file takes one at the kiosk: the button
 * opens the preview, then takes the still, which is checked like a file. */
static void
test_photo_from_camera (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *camera = photo_child (fixture, "camera_button");
  GtkWidget *view = photo_child (fixture, "camera_view");

  caiji_gui_reach_photo (fixture);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (camera)), ==, _("Take It with the Camera"));
  caiji_test_press (camera);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (camera)), ==, _("Take photo"));
  caiji_gui_wait_sensitive (fixture, camera);
  g_assert_true (caiji_camera_view_is_ready (CAIJI_CAMERA_VIEW (view)));

  caiji_scripted_analyzer_set_photo (fixture->analyzer, 1, NULL, 0.88);
  caiji_test_press (camera);
  caiji_gui_wait_label (fixture, photo_child (fixture, "status_label"), "Photo accepted. Quality: 88%");
  /* Checked as the kiosk's own still, which is not judged for a beauty filter. */
  g_assert_cmpint (caiji_scripted_analyzer_get_photo_from_camera (fixture->analyzer), ==, TRUE);
  g_assert_true (gtk_widget_get_mapped (photo_child (fixture, "photo_picture")));
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (camera)), ==, _("Take It with the Camera"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (photo_child (fixture, "upload_button"))), ==,
                   caiji_text (CAIJI_TEXT_UPLOAD_AGAIN));
  g_assert_nonnull (caiji_wizard_get_image (fixture->wizard, CAIJI_IMAGE_ID_PHOTO));
}

static gboolean
banner_shown (Fixture       *fixture,
              gconstpointer  data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (caiji_gui_page (fixture, "idle_revealer")));
}

static gboolean
blank_id_row (Fixture       *fixture,
              gconstpointer  data)
{
  return *gtk_editable_get_text (GTK_EDITABLE (data)) == '\0';
}

static void
test_idle_reset_wipes (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *front_view = slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "view");
  GtkWidget *id_row = caiji_gui_child (caiji_gui_page (fixture, "identify_page"), CAIJI_TYPE_IDENTIFY_PAGE, "id_row");

  caiji_gui_reach_card (fixture);
  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_FRONT);
  caiji_gui_wait_label (fixture, slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label"), _("Accepted"));
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "name_value")), ==, fixture->candidate->name);
  g_assert_nonnull (caiji_camera_view_get_still (CAIJI_CAMERA_VIEW (front_view)));

  /* Started only now: the walk above must not be cut short. */
  caiji_window_set_idle_timeout (fixture->window, 2);
  caiji_gui_wait (fixture, banner_shown, NULL, "the idle warning");
  caiji_gui_wait_page (fixture, "identify");

  g_assert_false (banner_shown (fixture, NULL));
  g_assert_null (caiji_wizard_get_candidate (fixture->wizard));
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "name_value")), ==, "");
  g_assert_cmpstr (caiji_gui_label (card_child (fixture, "id_number_value")), ==, "");
  g_assert_cmpstr (caiji_gui_label (slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "state_label")), ==, "");
  g_assert_null (caiji_camera_view_get_still (CAIJI_CAMERA_VIEW (front_view)));
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (photo_child (fixture, "photo_picture"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, "");
}

/* Found on the demo kiosk: the countdown banner came up over an empty
 * sign-in page.  With nothing typed there is nothing to wipe; a digit
 * typed and left behind is. */
static void
test_idle_quiet_on_blank_sign_in (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *id_row = caiji_gui_child (caiji_gui_page (fixture, "identify_page"), CAIJI_TYPE_IDENTIFY_PAGE, "id_row");
  gint64 until;

  caiji_window_set_idle_timeout (fixture->window, 1);
  /* Three timeouts' worth of main loop, watching the banner throughout. */
  until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_false (banner_shown (fixture, NULL));
      g_usleep (10000);
    }

  gtk_editable_set_text (GTK_EDITABLE (id_row), "4108");
  caiji_gui_wait (fixture, banner_shown, NULL, "the idle warning");
  caiji_gui_wait (fixture, blank_id_row, id_row, "the half-typed ID number to be wiped");
}

/* Without a face detector nothing may pass for a found face: the step
 * says why and offers no 开始识别. */
static void
test_detector_unavailable (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *notice = face_child (fixture, "notice_label");

  caiji_scripted_analyzer_set_no_detector (fixture->analyzer, TRUE);
  caiji_scripted_analyzer_set_face (fixture->analyzer, TRUE);
  caiji_gui_reach_face (fixture);
  caiji_gui_wait_visible (fixture, notice);
  g_assert_nonnull (strstr (caiji_gui_label (notice), "not available"));
  g_assert_cmpstr (caiji_gui_label (face_child (fixture, "prompt_label")), ==, caiji_text (CAIJI_TEXT_NO_FACE));
  g_assert_false (gtk_widget_is_visible (face_child (fixture, "start_button")));
  g_assert_cmpint (caiji_wizard_get_face_state (fixture->wizard), ==, CAIJI_FACE_STATE_NO_FACE);
}

static gboolean
problem_shown (Fixture       *fixture,
               gconstpointer  data)
{
  return g_strcmp0 (caiji_gui_label (caiji_gui_child ((gpointer) data, CAIJI_TYPE_CAMERA_VIEW, "problem_label")), "") != 0;
}

/* The camera is missing when the step opens (unplugged): the slots say
 * so and cannot take a picture; once it is back the preview returns with
 * nobody pressing anything. */
static void
test_camera_recovers (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "view");
  GtkWidget *take = slot_child (fixture, CAIJI_CARD_SIDE_FRONT, "take_button");
  g_autofree char *folder = g_build_filename (fixture->dir, CAIJI_GUI_MISSING_CAMERA, NULL);
  g_autofree char *picture = g_build_filename (folder, "face.jpg", NULL);
  g_autofree char *source = caiji_test_shared_path ("testdata/faces/obama/obama_1.jpg");

  caiji_gui_reach_card (fixture);
  caiji_gui_wait (fixture, problem_shown, view, "the camera problem");
  g_assert_false (gtk_widget_is_sensitive (take));
  g_assert_false (caiji_camera_view_is_ready (CAIJI_CAMERA_VIEW (view)));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (source, picture), ==, 0);
  caiji_gui_wait_sensitive (fixture, take);
  g_assert_true (caiji_camera_view_is_ready (CAIJI_CAMERA_VIEW (view)));
  g_assert_null (caiji_camera_keeper_get_problem (fixture->keeper));
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, caiji_gui_fixture_set_up, test, caiji_gui_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  caiji_gui_init (&argc, &argv);

  add_test ("/wizard-ui/pass", test_pass_path);
  add_test ("/wizard-ui/fail-review-submit", test_fail_path);
  add_test ("/wizard-ui/matcher-unavailable", test_matcher_unavailable);
  add_test ("/wizard-ui/detector-unavailable", test_detector_unavailable);
  add_test ("/wizard-ui/card/wrong-side-non-card", test_wrong_side_and_non_card);
  add_test ("/wizard-ui/card/next-needs-both-sides", test_next_needs_both_sides);
  add_test ("/wizard-ui/card/reading-unavailable", test_card_reading_unavailable);
  add_test ("/wizard-ui/card/auto-capture", test_card_auto_capture);
  add_test ("/wizard-ui/card/frames-disagree", test_card_frames_disagree);
  add_test ("/wizard-ui/photo/prompts", test_photo_prompts);
  add_test ("/wizard-ui/photo/from-camera", test_photo_from_camera);
  add_test ("/wizard-ui/idle-reset", test_idle_reset_wipes);
  add_test ("/wizard-ui/idle-quiet-on-blank-sign-in", test_idle_quiet_on_blank_sign_in);
  g_test_add ("/wizard-ui/camera-recovers", Fixture, CAIJI_GUI_MISSING_CAMERA, caiji_gui_fixture_set_up,
              test_camera_recovers, caiji_gui_fixture_tear_down);

  return g_test_run ();
}
