/* caiji-test-gtk.c: driving real widgets in the Xvfb tests */
#include "caiji-test-gtk.h"

#define WAIT_LIMIT_SECONDS 60

void
caiji_test_wait_until (CaijiTestCondition condition,
                       gpointer           data)
{
  gint64 give_up = g_get_monotonic_time () + WAIT_LIMIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > give_up)
        g_error ("The screen never reached the expected state");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
caiji_test_settle (void)
{
  for (int i = 0; i < 40; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

GtkWidget *
caiji_test_find_button (GtkWidget  *root,
                        const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      found = caiji_test_find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* By the id the widget has in its .ui file, bound by the code or not. */
GtkWidget *
caiji_test_find_by_id (GtkWidget  *root,
                       const char *id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (c)), id) == 0)
        return c;
      found = caiji_test_find_by_id (c, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a tap does.  gtk_widget_activate() would animate a keyboard press
 * and click 250 ms later; a tap clicks at once, and only a sensitive,
 * visible button can be tapped. */
void
caiji_test_press (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
caiji_test_screenshot (GtkWidget  *widget,
                       const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  caiji_test_wait_until (drawn, widget);
  caiji_test_settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}
