/* test-reader-ui.c: signing in by tapping the ID card on the chip reader
 *
 * The real window with a simulated reader on a pseudo-terminal (see
 * tests/devices/fake-id-reader.c): a roster candidate's card signs them
 * in, a stranger's card is refused with the wizard's message, the reader
 * is only polled while the sign-in page is shown, and an unplugged reader
 * leaves the window working and is reported as not found, on the sign-in
 * page's watch and on the operator's device page.
 */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caiji-gui-driver.h"
#include "caiji-id-number.h"
#include "caiji-identify-page.h"
#include "caiji-operator-device-page.h"
#include "caiji-reader-watch.h"
#include "fake-id-reader.h"

typedef CaijiGuiFixture Fixture;

static GtkWidget *
identify_child (Fixture    *fixture,
                const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, "identify_page"), CAIJI_TYPE_IDENTIFY_PAGE, name);
}

/* The card of the fixture's roster candidate, with the birth date and sex
 * their number encodes. */
static CaijiCardReading *
candidate_card (Fixture *fixture)
{
  CaijiCardReading *card = fake_reader_identity (77);
  CaijiIdInfo info;

  g_assert_true (caiji_id_number_parse (fixture->candidate->id_number, NULL, &info, NULL));
  g_free (card->name);
  card->name = g_strdup (fixture->candidate->name);
  g_free (card->id_number);
  card->id_number = g_strdup (info.normalized);
  g_free (card->birth);
  card->birth = g_strdup_printf ("%04d-%02d-%02d", info.birth_year, info.birth_month, info.birth_day);
  g_free (card->sex);
  card->sex = g_strdup (info.sex == CAIJI_SEX_MALE ? "男" : "女");
  return card;
}

static CaijiReaderWatch *
attach_reader (Fixture    *fixture,
               FakeReader *fake)
{
  CaijiReaderWatch *watch = caiji_reader_watch_new (fake_reader_get_port (fake));

  caiji_window_set_reader (fixture->window, watch);
  return watch;
}

static gboolean
not_polling (Fixture       *fixture,
             gconstpointer  data)
{
  return !caiji_reader_watch_is_polling ((CaijiReaderWatch *) data);
}

static void
test_tap_signs_in (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  g_autoptr(CaijiCardReading) card = candidate_card (fixture);
  g_autoptr(CaijiReaderWatch) watch = NULL;
  guint commands;

  fake_reader_set_mode (fake, FAKE_READER_NO_CARD);
  watch = attach_reader (fixture, fake);
  g_assert_true (gtk_widget_is_visible (identify_child (fixture, "reader_box")));
  g_assert_true (caiji_reader_watch_is_polling (watch));

  fake_reader_set_card (fake, card);
  fake_reader_set_mode (fake, FAKE_READER_NORMAL);
  caiji_gui_wait_page (fixture, "review");
  g_assert_cmpstr (caiji_wizard_get_candidate (fixture->wizard)->id_number, ==,
                   fixture->candidate->id_number);

  /* Off the sign-in page the reader is left alone. */
  caiji_gui_wait (fixture, not_polling, watch, "the reader poll to stop");
  commands = fake_reader_get_commands (fake);
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpuint (fake_reader_get_commands (fake), ==, commands);
}

static gboolean
error_shown (Fixture       *fixture,
             gconstpointer  data)
{
  return gtk_widget_is_visible (identify_child (fixture, "error_label"));
}

static void
test_stranger_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  g_autoptr(CaijiCardReading) stranger = fake_reader_identity (78);
  g_autoptr(CaijiReaderWatch) watch = NULL;

  fake_reader_set_card (fake, stranger);
  watch = attach_reader (fixture, fake);
  caiji_gui_wait (fixture, error_shown, NULL, "the refusal");
  g_assert_nonnull (strstr (caiji_gui_label (identify_child (fixture, "error_label")),
                            _("No candidate with this ID number is registered for this exam.")));
  g_assert_cmpstr (caiji_window_get_visible_page (fixture->window), ==, "identify");
  /* For a reviewer: the reader prompt and a refusal, in the build dir. */
  caiji_test_screenshot (GTK_WIDGET (fixture->window), "reader-identify-refused");
}

static gboolean
reader_status_is (Fixture       *fixture,
                  gconstpointer  data)
{
  CaijiReaderWatch *watch = caiji_reader_watch_from (G_OBJECT (fixture->window));

  return caiji_reader_watch_get_status (watch) == (CaijiReaderWatchStatus) GPOINTER_TO_INT (data);
}

/* Pulled out mid-poll, and silent: the window keeps running its main loop
 * (the waits below would time out otherwise) and says where it looked. */
static void
test_unplugged_reader (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  g_autoptr(CaijiReaderWatch) watch = NULL;
  g_autofree char *text = NULL;

  fake_reader_set_mode (fake, FAKE_READER_NO_CARD);
  watch = attach_reader (fixture, fake);
  caiji_gui_wait (fixture, reader_status_is, GINT_TO_POINTER (CAIJI_READER_WATCH_CONNECTED), "the reader");

  fake_reader_set_mode (fake, FAKE_READER_SILENT);
  caiji_gui_wait (fixture, reader_status_is, GINT_TO_POINTER (CAIJI_READER_WATCH_ERROR), "the timeout");
  fake_reader_unplug (fake);
  caiji_gui_wait (fixture, reader_status_is, GINT_TO_POINTER (CAIJI_READER_WATCH_NOT_FOUND), "the unplug");
  text = caiji_reader_watch_describe (watch);
  g_assert_nonnull (strstr (text, fake_reader_get_port (fake)));

  /* Still usable with the keypad. */
  gtk_editable_set_text (GTK_EDITABLE (identify_child (fixture, "id_row")), fixture->candidate->id_number);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (identify_child (fixture, "id_row"))), ==,
                   fixture->candidate->id_number);
}

/* The operator's device page asks the reader's security module itself
 * (the sign-in page's polling may be stopped) and follows an unplug. */
static void
test_device_page_status (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FakeReader) fake = fake_reader_new ();
  g_autoptr(CaijiReaderWatch) watch = caiji_reader_watch_new (fake_reader_get_port (fake));
  GtkWidget *page = g_object_ref_sink (g_object_new (CAIJI_TYPE_OPERATOR_DEVICE_PAGE, NULL));
  GtkWidget *value = caiji_gui_child (page, CAIJI_TYPE_OPERATOR_DEVICE_PAGE, "reader_value");
  g_autofree char *connected = g_strdup_printf (_("Connected (SAM %s)"), "05.01-12345678-0123456789-0987654321");
  g_autofree char *not_found = g_strdup_printf (_("Not found at %s"), fake_reader_get_port (fake));

  g_assert_cmpstr (caiji_gui_label (value), ==, _("Not configured"));
  caiji_operator_device_page_set_reader (CAIJI_OPERATOR_DEVICE_PAGE (page), watch);
  caiji_gui_wait_label (fixture, value, connected);
  g_assert_false (gtk_widget_has_css_class (value, "error"));

  fake_reader_unplug (fake);
  caiji_operator_device_page_refresh (CAIJI_OPERATOR_DEVICE_PAGE (page));
  caiji_gui_wait_label (fixture, value, not_found);
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  caiji_gui_wait (fixture, not_polling, watch, "the check to finish");
  g_object_unref (page);
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

  add_test ("/reader-ui/tap-signs-in", test_tap_signs_in);
  add_test ("/reader-ui/stranger-refused", test_stranger_refused);
  add_test ("/reader-ui/unplugged", test_unplugged_reader);
  add_test ("/reader-ui/device-page", test_device_page_status);
  return g_test_run ();
}
