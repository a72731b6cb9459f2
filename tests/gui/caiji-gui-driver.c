/* caiji-gui-driver.c: drives the kiosk window the way a candidate does
 *
 * Every input goes through the widgets: a tap is a "clicked" on a
 * sensitive, visible button, a file is chosen in the real file chooser
 * dialog.  Waits iterate the main loop until what is shown changes, with
 * a generous bound that only stops a broken run from hanging.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caiji-card-page.h"
#include "caiji-card-slot.h"
#include "caiji-gui-driver.h"
#include "caiji-id-number.h"
#include "caiji-identify-page.h"
#include "caiji-photo-page.h"
#include "caiji-test-gtk.h"
#include "caiji-test-utils.h"
#include "caiji-texts.h"

#define DEMO_PICTURE_MS 300

void
caiji_gui_init (int    *argc,
                char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* A crossfade caught halfway would make the screenshots a blend. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* What AdwApplication loads for the kiosk; there is no application here. */
  gtk_css_provider_load_from_resource (css, "/org/caiji/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
caiji_gui_fixture_set_up (CaijiGuiFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roster = caiji_test_roster (3);
  g_autofree char *path = NULL;
  g_autofree char *pictures = NULL;
  g_autoptr(CaijiCamera) camera = NULL;

  fixture->dir = caiji_test_make_tmpdir ();
  pictures = data != NULL ? g_build_filename (fixture->dir, CAIJI_GUI_MISSING_CAMERA, NULL)
                          : caiji_test_shared_path ("testdata/faces/obama");
  camera = caiji_camera_new_demo (pictures, DEMO_PICTURE_MS);
  path = g_build_filename (fixture->dir, "caiji.db", NULL);
  fixture->store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (caiji_store_roster_put (fixture->store, roster, &error));
  g_assert_no_error (error);
  fixture->candidate = caiji_candidate_copy (g_ptr_array_index (roster, 1));

  fixture->wizard = caiji_wizard_new (fixture->store);
  fixture->analyzer = caiji_scripted_analyzer_new ();
  fixture->keeper = caiji_camera_keeper_new (camera, 1);
  fixture->window = g_object_ref_sink (caiji_window_new (NULL));
  caiji_window_set_wizard (fixture->window, fixture->wizard);
  caiji_window_set_capture (fixture->window, fixture->keeper, CAIJI_CAPTURE_ANALYZER (fixture->analyzer));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
caiji_gui_fixture_tear_down (CaijiGuiFixture *fixture,
                             gconstpointer    data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->keeper);
  g_clear_object (&fixture->analyzer);
  g_clear_object (&fixture->wizard);
  g_clear_object (&fixture->store);
  caiji_candidate_free (fixture->candidate);
  caiji_test_settle ();
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Waiting */

typedef struct {
  CaijiGuiFixture   *fixture;
  CaijiGuiCondition  condition;
  gconstpointer      data;
} Wait;

static gboolean
wait_holds (gpointer data)
{
  Wait *wait = data;

  return wait->condition (wait->fixture, wait->data);
}

/* What is awaited goes to the log, so a run that gives up says where. */
void
caiji_gui_wait (CaijiGuiFixture   *fixture,
                CaijiGuiCondition  condition,
                gconstpointer      data,
                const char        *what)
{
  Wait wait = { fixture, condition, data };

  if (!condition (fixture, data))
    g_test_message ("waiting for %s", what);
  caiji_test_wait_until (wait_holds, &wait);
}

static gboolean
on_page (CaijiGuiFixture *fixture,
         gconstpointer    data)
{
  return g_strcmp0 (caiji_window_get_visible_page (fixture->window), data) == 0;
}

void
caiji_gui_wait_page (CaijiGuiFixture *fixture,
                     const char      *page)
{
  caiji_gui_wait (fixture, on_page, page, page);
}

static gboolean
is_sensitive (CaijiGuiFixture *fixture,
              gconstpointer    data)
{
  return gtk_widget_is_sensitive ((GtkWidget *) data);
}

void
caiji_gui_wait_sensitive (CaijiGuiFixture *fixture,
                          GtkWidget       *widget)
{
  caiji_gui_wait (fixture, is_sensitive, widget, "a widget to become sensitive");
}

static gboolean
is_visible (CaijiGuiFixture *fixture,
            gconstpointer    data)
{
  return gtk_widget_is_visible ((GtkWidget *) data) && gtk_widget_is_sensitive ((GtkWidget *) data);
}

void
caiji_gui_wait_visible (CaijiGuiFixture *fixture,
                        GtkWidget       *widget)
{
  caiji_gui_wait (fixture, is_visible, widget, "a widget to be shown");
}

typedef struct {
  GtkWidget  *label;
  const char *text;
} LabelText;

static gboolean
label_is (CaijiGuiFixture *fixture,
          gconstpointer    data)
{
  const LabelText *wanted = data;

  return g_strcmp0 (caiji_gui_label (wanted->label), wanted->text) == 0;
}

void
caiji_gui_wait_label (CaijiGuiFixture *fixture,
                      GtkWidget       *label,
                      const char      *text)
{
  LabelText wanted = { label, text };

  caiji_gui_wait (fixture, label_is, &wanted, text);
}

/* Finding and pressing */

GtkWidget *
caiji_gui_child (gpointer    widget,
                 GType       type,
                 const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

GtkWidget *
caiji_gui_page (CaijiGuiFixture *fixture,
                const char      *name)
{
  return caiji_gui_child (fixture->window, CAIJI_TYPE_WINDOW, name);
}

const char *
caiji_gui_label (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The first visible toplevel of this type, or NULL. */
GtkWindow *
caiji_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Walking the wizard */

static void
type_on_keypad (CaijiGuiFixture *fixture,
                const char      *text)
{
  GtkWidget *keypad = caiji_gui_child (caiji_gui_page (fixture, "identify_page"), CAIJI_TYPE_IDENTIFY_PAGE, "keypad");

  for (const char *c = text; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      caiji_test_press (caiji_test_find_button (keypad, key));
    }
}

void
caiji_gui_sign_in (CaijiGuiFixture *fixture)
{
  const char *id_number = fixture->candidate->id_number;

  type_on_keypad (fixture, id_number);
  type_on_keypad (fixture, id_number + CAIJI_ID_NUMBER_LENGTH - CAIJI_ID_PASSWORD_LENGTH);
  caiji_test_press (caiji_gui_child (caiji_gui_page (fixture, "identify_page"), CAIJI_TYPE_IDENTIFY_PAGE,
                                    "sign_in_button"));
  caiji_gui_wait_page (fixture, "review");
}

void
caiji_gui_reach_card (CaijiGuiFixture *fixture)
{
  caiji_gui_sign_in (fixture);
  caiji_test_press (caiji_test_find_button (caiji_gui_page (fixture, "review_page"), caiji_text (CAIJI_TEXT_CONFIRM)));
  caiji_gui_wait_page (fixture, "intro");
  caiji_test_press (caiji_test_find_button (caiji_gui_page (fixture, "intro_page"), caiji_text (CAIJI_TEXT_START_CAPTURE)));
  caiji_gui_wait_page (fixture, "card");
}

/* Presses 拍照 on one slot once the preview runs, with the analyzer
 * scripted to see the side `shown` of the candidate's card (NONE: a
 * picture that is not a card). */
void
caiji_gui_take_card (CaijiGuiFixture *fixture,
                     CaijiCardSide    slot,
                     CaijiCardSide    shown)
{
  GtkWidget *card_page = caiji_gui_page (fixture, "card_page");
  GtkWidget *slot_widget = caiji_gui_child (card_page, CAIJI_TYPE_CARD_PAGE,
                                            slot == CAIJI_CARD_SIDE_FRONT ? "front_slot" : "back_slot");
  GtkWidget *take = caiji_gui_child (slot_widget, CAIJI_TYPE_CARD_SLOT, "take_button");
  g_autoptr(CaijiCardReading) reading = caiji_card_reading_new (shown);

  if (shown == CAIJI_CARD_SIDE_FRONT)
    {
      reading->name = g_strdup (fixture->candidate->name);
      reading->id_number = g_strdup (fixture->candidate->id_number);
    }
  caiji_scripted_analyzer_set_card (fixture->analyzer, reading, CAIJI_CARD_TIP_STANDARD);
  caiji_gui_wait_sensitive (fixture, take);
  caiji_test_press (take);
}

/* On step 1: both sides accepted, then 下一步. */
void
caiji_gui_complete_card (CaijiGuiFixture *fixture)
{
  GtkWidget *card_page = caiji_gui_page (fixture, "card_page");
  GtkWidget *front = caiji_gui_child (card_page, CAIJI_TYPE_CARD_PAGE, "front_slot");
  GtkWidget *back = caiji_gui_child (card_page, CAIJI_TYPE_CARD_PAGE, "back_slot");

  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_FRONT);
  caiji_gui_wait_label (fixture, caiji_gui_child (front, CAIJI_TYPE_CARD_SLOT, "state_label"), _("Accepted"));
  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_BACK, CAIJI_CARD_SIDE_BACK);
  caiji_gui_wait_label (fixture, caiji_gui_child (back, CAIJI_TYPE_CARD_SLOT, "state_label"), _("Accepted"));
  caiji_gui_wait_sensitive (fixture, card_page);
  caiji_test_press (caiji_gui_child (card_page, CAIJI_TYPE_CARD_PAGE, "next_button"));
  caiji_gui_wait_page (fixture, "photo");
}

void
caiji_gui_reach_photo (CaijiGuiFixture *fixture)
{
  caiji_gui_reach_card (fixture);
  caiji_gui_complete_card (fixture);
}

static gboolean
chooser_open (CaijiGuiFixture *fixture,
              gconstpointer    data)
{
  return caiji_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_selected (CaijiGuiFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER ((gpointer) data));

  return file != NULL;
}

/* Through the real chooser: the kiosk's native chooser is a
 * GtkFileChooserDialog when there is no portal, as under Xvfb. */
void
caiji_gui_upload_photo (CaijiGuiFixture *fixture,
                        const char      *relative_path)
{
  GtkWidget *photo_page = caiji_gui_page (fixture, "photo_page");
  g_autofree char *path = caiji_test_shared_path (relative_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;

  caiji_test_press (caiji_gui_child (photo_page, CAIJI_TYPE_PHOTO_PAGE, "upload_button"));
  caiji_gui_wait (fixture, chooser_open, NULL, "the file chooser");
  chooser = caiji_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
  g_assert_no_error (error);
  /* The chooser selects the file once it has loaded its folder. */
  caiji_gui_wait (fixture, file_selected, chooser, "the file to be selected");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

static gboolean
photo_kept (CaijiGuiFixture *fixture,
            gconstpointer    data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (data)), caiji_text (CAIJI_TEXT_UPLOAD_AGAIN)) == 0;
}

void
caiji_gui_reach_face (CaijiGuiFixture *fixture)
{
  GtkWidget *photo_page = caiji_gui_page (fixture, "photo_page");
  GtkWidget *upload = caiji_gui_child (photo_page, CAIJI_TYPE_PHOTO_PAGE, "upload_button");

  caiji_gui_reach_photo (fixture);
  caiji_scripted_analyzer_set_photo (fixture->analyzer, 1, NULL, 0.92);
  caiji_gui_upload_photo (fixture, "testdata/faces/obama/obama_1.jpg");
  caiji_gui_wait (fixture, photo_kept, upload, "the ID photo to be kept");
  caiji_gui_wait_sensitive (fixture, photo_page);
  caiji_test_press (caiji_gui_child (photo_page, CAIJI_TYPE_PHOTO_PAGE, "next_button"));
  caiji_gui_wait_page (fixture, "face");
}
