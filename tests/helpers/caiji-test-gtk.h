/* caiji-test-gtk.h: driving real widgets in the Xvfb tests */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*CaijiTestCondition) (gpointer data);

/* Runs the main loop until @condition holds; a generous limit only stops
 * a broken run from hanging. */
void       caiji_test_wait_until    (CaijiTestCondition  condition,
                                     gpointer            data);
/* Lets pending layout, drawing and idle work run. */
void       caiji_test_settle        (void);
GtkWidget *caiji_test_find_button   (GtkWidget          *root,
                                     const char         *label);
GtkWidget *caiji_test_find_by_id    (GtkWidget          *root,
                                     const char         *id);
void       caiji_test_press         (GtkWidget          *button);
/* Saves @widget as $G_TEST_BUILDDIR/screenshots/NAME.png. */
void       caiji_test_screenshot    (GtkWidget          *widget,
                                     const char         *name);

G_END_DECLS
