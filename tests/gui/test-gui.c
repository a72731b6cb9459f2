/* test-gui.c: the kiosk window driven the way a candidate drives it
 *
 * Runs under xvfb-run.  Every input goes through the widgets (keypad
 * buttons, 登录, 确认), and the test waits on the main loop until the
 * wizard's worker thread has saved and the window has moved on.
 */
#include "caiji-config.h"

#include <adwaita.h>
#include <string.h>

#include "caiji-gui-driver.h"
#include "caiji-camera-keeper.h"
#include "caiji-id-number.h"
#include "caiji-image.h"
#include "caiji-identify-page.h"
#include "caiji-keypad.h"
#include "caiji-kiosk-sync.h"
#include "caiji-intro-page.h"
#include "caiji-review-page.h"
#include "caiji-store.h"
#include "caiji-test-gtk.h"
#include "caiji-test-utils.h"
#include "caiji-window.h"
#include "caiji-wizard.h"

typedef CaijiGuiFixture Fixture;

static void
type_on_keypad (Fixture    *fixture,
                const char *text)
{
  GtkWidget *keypad = caiji_gui_child (caiji_gui_page (fixture, "identify_page"), CAIJI_TYPE_IDENTIFY_PAGE, "keypad");

  for (const char *c = text; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      caiji_test_press (caiji_test_find_button (keypad, key));
    }
}

static GtkWidget *
identify_child (Fixture    *fixture,
                const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, "identify_page"), CAIJI_TYPE_IDENTIFY_PAGE, name);
}

static void
sign_in (Fixture    *fixture,
         const char *id_number,
         const char *password)
{
  type_on_keypad (fixture, id_number);
  type_on_keypad (fixture, password);
  caiji_test_press (identify_child (fixture, "sign_in_button"));
}

typedef gboolean (*Condition) (Fixture *fixture);

static gboolean
call_condition (Fixture       *fixture,
                gconstpointer  data)
{
  return ((Condition) data) (fixture);
}

static void
wait_until (Fixture   *fixture,
            Condition  condition)
{
  caiji_gui_wait (fixture, call_condition, condition, "the expected screen");
}

static gboolean
on_review (Fixture *fixture)
{
  return g_strcmp0 (caiji_window_get_visible_page (fixture->window), "review") == 0;
}

static gboolean
on_intro (Fixture *fixture)
{
  return g_strcmp0 (caiji_window_get_visible_page (fixture->window), "intro") == 0;
}

static gboolean
identify_error_shown (Fixture *fixture)
{
  return gtk_widget_get_visible (identify_child (fixture, "error_label"));
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_sign_in_review_confirm (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *id_number = fixture->candidate->id_number;
  g_autofree char *masked = caiji_id_number_mask (id_number);
  GtkWidget *review = caiji_gui_page (fixture, "review_page");
  GtkWidget *id_label = caiji_gui_child (review, CAIJI_TYPE_REVIEW_PAGE, "id_number_value");
  GtkWidget *name_label = caiji_gui_child (review, CAIJI_TYPE_REVIEW_PAGE, "name_value");

  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "identify");
  sign_in (fixture, id_number, id_number + CAIJI_ID_NUMBER_LENGTH - CAIJI_ID_PASSWORD_LENGTH);
  wait_until (fixture, on_review);

  g_assert_cmpstr (label_text (id_label), ==, masked);
  g_assert_null (strstr (label_text (id_label), id_number + 4));
  g_assert_cmpstr (label_text (name_label), ==, fixture->candidate->name);
  /* The sign-in fields are emptied for the next candidate. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (identify_child (fixture, "id_row"))), ==, "");

  caiji_test_press (caiji_gui_child (review, CAIJI_TYPE_REVIEW_PAGE, "confirm_button"));
  wait_until (fixture, on_intro);
  g_assert_cmpint (caiji_wizard_get_record_id (fixture->wizard), >, 0);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *id_number = fixture->candidate->id_number;
  const char *right = id_number + CAIJI_ID_NUMBER_LENGTH - CAIJI_ID_PASSWORD_LENGTH;
  const char *wrong = g_str_equal (right, "111111") ? "222222" : "111111";

  sign_in (fixture, id_number, wrong);
  wait_until (fixture, identify_error_shown);

  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "identify");
  g_assert_nonnull (strstr (label_text (identify_child (fixture, "error_label")), "Wrong password"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (identify_child (fixture, "password_row"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (identify_child (fixture, "id_row"))), ==, id_number);
  g_assert_true (gtk_widget_is_sensitive (identify_child (fixture, "sign_in_button")));
}

static void
test_unknown_candidate (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *stranger = caiji_test_synthetic_id (977, CAIJI_SEX_MALE);

  sign_in (fixture, stranger, stranger + CAIJI_ID_NUMBER_LENGTH - CAIJI_ID_PASSWORD_LENGTH);
  wait_until (fixture, identify_error_shown);

  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "identify");
  g_assert_nonnull (strstr (label_text (identify_child (fixture, "error_label")), "No candidate"));
}

static void
test_invalid_id_number (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *broken = g_strdup (fixture->candidate->id_number);

  /* One wrong check character: the ID rules say why before any look-up. */
  broken[17] = broken[17] == '0' ? '1' : '0';
  sign_in (fixture, broken, "123456");
  wait_until (fixture, identify_error_shown);

  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "identify");
  g_assert_nonnull (strstr (label_text (identify_child (fixture, "error_label")), "last character"));
}

static void
test_keypad_editing (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *keypad = identify_child (fixture, "keypad");
  GtkEditable *id_row = GTK_EDITABLE (identify_child (fixture, "id_row"));
  GtkEditable *password_row = GTK_EDITABLE (identify_child (fixture, "password_row"));
  const char *id_number = fixture->candidate->id_number;

  type_on_keypad (fixture, "12");
  caiji_test_press (caiji_gui_child (keypad, CAIJI_TYPE_KEYPAD, "backspace_button"));
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, "1");
  caiji_test_press (caiji_gui_child (keypad, CAIJI_TYPE_KEYPAD, "backspace_button"));
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, "");

  /* A full ID number moves the keypad on to the password, which stops at
   * six characters. */
  type_on_keypad (fixture, id_number);
  type_on_keypad (fixture, "1234567");
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, id_number);
  g_assert_cmpstr (gtk_editable_get_text (password_row), ==, "123456");
}

static gboolean
identify_idle (Fixture *fixture)
{
  return !caiji_wizard_is_busy (fixture->wizard) &&
         gtk_widget_is_sensitive (caiji_gui_page (fixture, "identify_page"));
}

static void
test_empty_password_is_not_a_failure (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *id_number = fixture->candidate->id_number;
  const char *right = id_number + CAIJI_ID_NUMBER_LENGTH - CAIJI_ID_PASSWORD_LENGTH;
  const char *wrong = g_str_equal (right, "111111") ? "222222" : "111111";

  type_on_keypad (fixture, id_number);
  caiji_test_press (identify_child (fixture, "sign_in_button"));
  g_assert_true (identify_error_shown (fixture));
  g_assert_false (caiji_wizard_is_busy (fixture->wizard));

  /* Had the empty attempt counted, the last wrong one would lock the
   * number and the right password would be refused. */
  for (guint i = 1; i < CAIJI_WIZARD_MAX_SIGN_IN_FAILURES; i++)
    {
      type_on_keypad (fixture, wrong);
      caiji_test_press (identify_child (fixture, "sign_in_button"));
      wait_until (fixture, identify_idle);
      g_assert_nonnull (strstr (label_text (identify_child (fixture, "error_label")), "Wrong password"));
    }
  type_on_keypad (fixture, right);
  caiji_test_press (identify_child (fixture, "sign_in_button"));
  wait_until (fixture, on_review);
}

static void
test_home_forgets_candidate (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *id_number = fixture->candidate->id_number;
  GtkWidget *id_label = caiji_gui_child (caiji_gui_page (fixture, "review_page"), CAIJI_TYPE_REVIEW_PAGE,
                                        "id_number_value");
  GtkWidget *home = caiji_gui_child (fixture->window, CAIJI_TYPE_WINDOW, "home_button");

  g_assert_false (gtk_widget_get_visible (home));
  sign_in (fixture, id_number, id_number + CAIJI_ID_NUMBER_LENGTH - CAIJI_ID_PASSWORD_LENGTH);
  wait_until (fixture, on_review);
  g_assert_true (gtk_widget_get_visible (home));

  caiji_test_press (home);
  while (g_strcmp0 (caiji_window_get_visible_page (fixture->window), "identify") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (label_text (id_label), ==, "");
  g_assert_null (caiji_wizard_get_candidate (fixture->wizard));
}

static void
test_store_error_page (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open (dir, &error);
  CaijiWindow *window = g_object_ref_sink (caiji_window_new (NULL));
  AdwStatusPage *status;

  g_assert_null (store);
  g_assert_nonnull (error);
  caiji_window_show_store_error (window, dir, error);

  g_assert_cmpstr (caiji_window_get_visible_page (window), ==, "store-error");
  status = ADW_STATUS_PAGE (caiji_gui_child (window, CAIJI_TYPE_WINDOW, "store_error_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), dir));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  caiji_test_remove_tree (dir);
}

static gboolean
camera_has_problem (gpointer keeper)
{
  return caiji_camera_keeper_get_problem (keeper) != NULL;
}

static gboolean
camera_working (gpointer keeper)
{
  return caiji_camera_keeper_get_problem (keeper) == NULL;
}

static void
write_picture (const char *dir)
{
  g_autofree guint8 *pixels = g_malloc0 (64 * 48 * 3);
  g_autoptr(CaijiImage) image = caiji_image_new_bgr (64, 48, pixels, 64 * 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = caiji_image_encode_jpeg (image, 80, &error);
  g_autofree char *path = g_build_filename (dir, "frame.jpg", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL));
}

/* A camera plugged back in is used at once: with an hour between retries,
 * only retry_now can bring this one back. */
static void
test_camera_keeper_retry_now (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autoptr(CaijiCamera) camera = caiji_camera_new_demo (dir, 100);
  g_autoptr(CaijiCameraKeeper) keeper = caiji_camera_keeper_new (camera, 3600);

  caiji_camera_keeper_hold (keeper);
  caiji_test_wait_until (camera_has_problem, keeper);
  write_picture (dir);
  caiji_camera_keeper_retry_now (keeper);
  caiji_test_wait_until (camera_working, keeper);
  caiji_camera_keeper_release (keeper);
  caiji_test_remove_tree (dir);
}

static gboolean
sync_has_problem (gpointer sync)
{
  return caiji_kiosk_sync_get_problem (sync) != NULL;
}

/* An address without a token file: the token is looked for off the main
 * loop, and the reason it cannot sync is kept for operator mode. */
static void
test_kiosk_sync_without_token (void)
{
  g_autofree char *dir = caiji_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "caiji.db", NULL);
  g_autofree char *token_file = g_build_filename (g_get_user_config_dir (), "caiji", "hub-token", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiStore) store = caiji_store_open (path, &error);
  g_autoptr(CaijiKioskSync) sync = NULL;

  g_assert_no_error (error);
  if (g_file_test (token_file, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("this account has a hub token of its own");
      return;
    }
  g_settings_set_string (settings, "hub-url", "http://127.0.0.1:9");
  sync = caiji_kiosk_sync_new (store, settings);
  caiji_test_wait_until (sync_has_problem, sync);
  g_assert_nonnull (strstr (caiji_kiosk_sync_get_problem (sync), "device token"));
  g_assert_false (caiji_kiosk_sync_is_running (sync));
  g_settings_reset (settings, "hub-url");
  g_clear_object (&sync);
  g_clear_object (&store);
  caiji_test_remove_tree (dir);
}

static void
add_window_test (const char *path,
                 void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, caiji_gui_fixture_set_up, test, caiji_gui_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  caiji_gui_init (&argc, &argv);

  add_window_test ("/gui/sign-in/review-confirm", test_sign_in_review_confirm);
  add_window_test ("/gui/sign-in/wrong-password", test_wrong_password);
  add_window_test ("/gui/sign-in/unknown-candidate", test_unknown_candidate);
  add_window_test ("/gui/sign-in/invalid-id-number", test_invalid_id_number);
  add_window_test ("/gui/sign-in/empty-password", test_empty_password_is_not_a_failure);
  add_window_test ("/gui/keypad/editing", test_keypad_editing);
  add_window_test ("/gui/home/forgets-candidate", test_home_forgets_candidate);
  g_test_add_func ("/gui/store-error", test_store_error_page);
  g_test_add_func ("/gui/camera-keeper/retry-now", test_camera_keeper_retry_now);
  g_test_add_func ("/gui/kiosk-sync/without-token", test_kiosk_sync_without_token);

  return g_test_run ();
}
