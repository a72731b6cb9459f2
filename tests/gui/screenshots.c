/* screenshots.c: a PNG of every kiosk screen, for a reviewer to look at
 *
 * Walks the wizard with the demo camera and the scripted analyzer and
 * renders the window (and the refusal dialog) at 1280×800 into
 * <build>/tests/gui/screenshots/NN-name.png.
 */
#include "caiji-config.h"

#include <glib/gstdio.h>

#include "caiji-card-page.h"
#include "caiji-card-slot.h"
#include "caiji-face-page.h"
#include "caiji-gui-driver.h"
#include "caiji-identify-page.h"
#include "caiji-photo-page.h"
#include "caiji-result-page.h"
#include "caiji-texts.h"

typedef CaijiGuiFixture Fixture;

static guint shot_number;

static void
save_widget (GtkWidget  *widget,
             const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%02u-%s.png", ++shot_number, name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  caiji_gui_settle ();
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
shoot (Fixture    *fixture,
       const char *name)
{
  save_widget (GTK_WIDGET (fixture->window), name);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *page,
       GType       type,
       const char *name)
{
  return caiji_gui_child (caiji_gui_page (fixture, page), type, name);
}

static gboolean
dialog_shown (Fixture       *fixture,
              gconstpointer  data)
{
  return caiji_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
view_ready (Fixture       *fixture,
            gconstpointer  data)
{
  gboolean ready = FALSE;

  g_object_get ((gpointer) data, "ready", &ready, NULL);
  return ready;
}

static void
shoot_card_step (Fixture *fixture)
{
  GtkWidget *front = child (fixture, "card_page", CAIJI_TYPE_CARD_PAGE, "front_slot");
  GtkWindow *dialog;

  caiji_gui_wait (fixture, view_ready, caiji_gui_child (front, CAIJI_TYPE_CARD_SLOT, "view"), "the preview");
  shoot (fixture, "card-live");
  caiji_gui_take_card (fixture, CAIJI_CARD_SIDE_FRONT, CAIJI_CARD_SIDE_BACK);
  caiji_gui_wait (fixture, dialog_shown, NULL, "the refusal dialog");
  dialog = caiji_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  save_widget (GTK_WIDGET (dialog), "card-refusal-dialog");
  caiji_gui_press (caiji_gui_find_button (GTK_WIDGET (dialog), caiji_text (CAIJI_TEXT_BACK_HOME)));
  caiji_gui_settle ();
  shoot (fixture, "card-refused");
  caiji_gui_press (caiji_gui_child (front, CAIJI_TYPE_CARD_SLOT, "take_button"));
}

static void
test_screens (Fixture       *fixture,
              gconstpointer  data)
{
  caiji_gui_settle ();
  shoot (fixture, "identify");
  caiji_gui_sign_in (fixture);
  shoot (fixture, "review");
  caiji_gui_press (caiji_gui_find_button (caiji_gui_page (fixture, "review_page"), caiji_text (CAIJI_TEXT_CONFIRM)));
  caiji_gui_wait_page (fixture, "intro");
  shoot (fixture, "intro");
  caiji_gui_press (caiji_gui_find_button (caiji_gui_page (fixture, "intro_page"), caiji_text (CAIJI_TEXT_START_CAPTURE)));
  caiji_gui_wait_page (fixture, "card");
  shoot_card_step (fixture);
}

int
main (int   argc,
      char *argv[])
{
  caiji_gui_init (&argc, &argv);
  g_test_add ("/screenshots/screens", Fixture, NULL, caiji_gui_fixture_set_up, test_screens,
              caiji_gui_fixture_tear_down);
  return g_test_run ();
}
