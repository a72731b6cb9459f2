/* caiji-texts.c: the seed's prompts and button labels
 *
 * The kiosk, the CLI and the tests all take their wording from this table,
 * so the zh_CN catalogue has exactly one entry per seed string.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>

#include "caiji-texts.h"

static const char *const msgids[CAIJI_TEXT_N_TEXTS] = {
  [CAIJI_TEXT_CONFIRM] = N_("Confirm"),
  [CAIJI_TEXT_REQUEST_CORRECTION] = N_("Request correction"),
  [CAIJI_TEXT_START_CAPTURE] = N_("I understand, start capture"),
  [CAIJI_TEXT_PREVIOUS] = N_("Previous"),
  [CAIJI_TEXT_NEXT] = N_("Next"),
  [CAIJI_TEXT_HOME] = N_("Home"),
  [CAIJI_TEXT_BACK_HOME] = N_("Back to home"),
  [CAIJI_TEXT_TAP_TO_UPLOAD] = N_("Tap to upload"),
  [CAIJI_TEXT_UPLOAD_ID_PHOTO] = N_("Upload your ID photo"),
  [CAIJI_TEXT_UPLOAD_AGAIN] = N_("Upload again"),
  [CAIJI_TEXT_RETRY_RECOGNITION] = N_("Recognize again"),
  [CAIJI_TEXT_START_RECOGNITION] = N_("Start recognition"),
  [CAIJI_TEXT_PHOTO_FOR_REVIEW] = N_("Take photo for review"),
  [CAIJI_TEXT_RETAKE] = N_("Retake"),
  [CAIJI_TEXT_SUBMIT_FOR_REVIEW] = N_("Submit for review"),
  [CAIJI_TEXT_PHOTO_CAPTURE] = N_("Photo capture"),
  [CAIJI_TEXT_STEP_CARD] = N_("ID card"),
  [CAIJI_TEXT_STEP_PHOTO] = N_("ID photo"),
  [CAIJI_TEXT_STEP_FACE] = N_("Face recognition"),
  [CAIJI_TEXT_STUDENT_INFO_REVIEW] = N_("Student information review"),
  [CAIJI_TEXT_NOTES] = N_("Notes"),
  [CAIJI_TEXT_KIND_TIPS] = N_("Tips"),
  [CAIJI_TEXT_SHOOTING_TIPS] = N_("Before the photo"),
  [CAIJI_TEXT_ID_PHOTO] = N_("Personal ID photo"),
  [CAIJI_TEXT_FACE_PHOTO] = N_("Face photo"),
  [CAIJI_TEXT_FRONT_MISSING] = N_("Please upload the portrait side of your ID card first"),
  [CAIJI_TEXT_BACK_MISSING] = N_("Please upload the national emblem side of your ID card first"),
  [CAIJI_TEXT_FRONT_REFUSED] = N_("Please upload the portrait side of your ID card"),
  [CAIJI_TEXT_BACK_REFUSED] = N_("Please upload the national emblem side of your ID card"),
  [CAIJI_TEXT_CARD_AUTOFILL_HINT] = N_("Filled in automatically after the ID card is uploaded"),
  [CAIJI_TEXT_CARD_MISMATCH] = N_("The name or ID number on this card is not the signed-in candidate's. Please upload your own ID card."),
  [CAIJI_TEXT_CARD_UNREADABLE] = N_("The card could not be read clearly. Please hold it still, flat and fully in view, and take it again."),
  [CAIJI_TEXT_CORRECTION_NOTE_MISSING] = N_("Please describe what is wrong in your information."),
  [CAIJI_TEXT_TIP_STANDARD] = N_("Good"),
  [CAIJI_TEXT_TIP_BORDER_MISSING] = N_("Edge missing"),
  [CAIJI_TEXT_TIP_BLURRY] = N_("Photo blurry"),
  [CAIJI_TEXT_TIP_GLARE] = N_("Strong glare"),
  [CAIJI_TEXT_PHOTO_MISSING] = N_("Please upload your ID photo first"),
  [CAIJI_TEXT_NO_FACE] = N_("No face detected"),
  [CAIJI_TEXT_SEVERAL_FACES] = N_("More than one face is in this photo. Please upload a photo of yourself alone."),
  [CAIJI_TEXT_FACE_DETECTED] = N_("Face detected, as shown"),
  [CAIJI_TEXT_FACE_PASSED] = N_("Recognition passed, photo capture complete"),
  [CAIJI_TEXT_FACE_FAILED] = N_("Face recognition failed"),
  [CAIJI_TEXT_FACE_MATCHING] = N_("Comparing your face with your ID photo…"),
  [CAIJI_TEXT_FACE_MATCHER_UNAVAILABLE] = N_("Automatic face comparison is not available on this kiosk. Please take a photo and submit it for manual review."),
  [CAIJI_TEXT_FACE_CAPTURING] = N_("Look straight at the camera: taking your photo…"),
  [CAIJI_TEXT_REVIEW_PHOTO_SHOWN] = N_("Face photo taken, as shown"),
  [CAIJI_TEXT_TIP_GLASSES] = N_("Wearing glasses"),
  [CAIJI_TEXT_TIP_HAT] = N_("Wearing a hat"),
  [CAIJI_TEXT_TIP_TOO_DARK] = N_("Too dark"),
  [CAIJI_TEXT_PAYMENT_AFTER_APPROVAL] = N_("Online payment opens only after your registration is approved; please watch the status."),
  [CAIJI_TEXT_PAYMENT_REJECTED] = N_("Candidates whose registration was not approved cannot pay online."),
  [CAIJI_TEXT_PAYMENT_OPEN] = N_("Your registration is approved: pay as the registration notice says. Registration is complete only once payment succeeds."),
};

const char *
caiji_text_msgid (CaijiText text)
{
  g_return_val_if_fail (text < CAIJI_TEXT_N_TEXTS, "");
  return msgids[text];
}

const char *
caiji_text (CaijiText text)
{
  return _(caiji_text_msgid (text));
}
