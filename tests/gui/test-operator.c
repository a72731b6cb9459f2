/* test-operator.c: operator mode driven the way the desk staff drive it
 *
 * Runs under xvfb-run with GSettings on the memory backend.  Every input
 * goes through the widgets (the staff button, the PIN keypad, 通过 /
 * 不通过, the search entry); the test waits on the main loop while the
 * worker threads hash, read and write.  Each screen is also saved as a PNG
 * under the build directory for a reviewer to look at.
 */
#include "caiji-config.h"

#include <adwaita.h>
#include <string.h>

#include "caiji-image.h"
#include "caiji-kiosk-sync.h"
#include "caiji-operator-entry-row.h"
#include "caiji-operator-pin.h"
#include "caiji-operator-pin-dialog.h"
#include "caiji-operator-queue-page.h"
#include "caiji-operator-record-dialog.h"
#include "caiji-operator-record-view.h"
#include "caiji-operator-records-page.h"
#include "caiji-operator-reject-dialog.h"
#include "caiji-operator-settings-page.h"
#include "caiji-operator-sync-page.h"
#include "caiji-operator-window.h"
#include "caiji-store.h"
#include "caiji-test-gtk.h"
#include "caiji-test-utils.h"
#include "caiji-window.h"
#include "caiji-wizard.h"

#define TEST_PIN  "2468"
#define OTHER_PIN "1357"

typedef struct {
  char        *dir;
  CaijiStore  *store;
  CaijiWizard *wizard;
  CaijiWindow *window;
  GSettings   *settings;
  GPtrArray   *roster;
} Fixture;

/* Set-up */

/* The memory backend lives as long as the test program: every test
 * starts with no PIN, no wrong tries and the default timeout. */
static void
reset_operator_keys (GSettings *settings)
{
  g_settings_reset (settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY);
  g_settings_reset (settings, CAIJI_OPERATOR_PIN_FAILURES_KEY);
  g_settings_reset (settings, CAIJI_OPERATOR_PIN_LOCKED_KEY);
  g_settings_reset (settings, "idle-timeout-seconds");
  g_settings_reset (settings, "hub-url");
  g_settings_reset (settings, "language");
  g_settings_reset (settings, "reader-port");
  g_settings_reset (settings, "photo-profile");
  g_settings_reset (settings, "hub-ca-file");
  g_settings_reset (settings, "face-match-threshold");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->settings = g_settings_new (APP_ID);
  reset_operator_keys (fixture->settings);
  fixture->dir = caiji_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "caiji.db", NULL);
  fixture->store = caiji_store_open (path, &error);
  g_assert_no_error (error);
  fixture->roster = caiji_test_roster (4);
  g_assert_true (caiji_store_roster_put (fixture->store, fixture->roster, &error));
  g_assert_no_error (error);

  fixture->wizard = caiji_wizard_new (fixture->store);
  fixture->window = g_object_ref_sink (caiji_window_new (NULL));
  caiji_window_set_wizard (fixture->window, fixture->wizard);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
destroy_other_windows (Fixture *fixture)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (fixture->window))
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_other_windows (fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->wizard);
  /* Let the workers' last callbacks run before the store goes. */
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->roster);
  reset_operator_keys (fixture->settings);
  g_clear_object (&fixture->settings);
  caiji_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A widget of @widget's template by its id in the .ui file, whether or
 * not the code binds it. */
static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (found == NULL)
    found = G_OBJECT (caiji_test_find_by_id (GTK_WIDGET (widget), name));
  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

/* Waiting and finding */

static GtkWindow *
shown_window (GType type)
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

static gboolean
pin_dialog_gone (gpointer data)
{
  return shown_window (CAIJI_TYPE_OPERATOR_PIN_DIALOG) == NULL;
}

static gboolean
operator_window_shown (gpointer data)
{
  return shown_window (CAIJI_TYPE_OPERATOR_WINDOW) != NULL;
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The PIN */

static void
seed_pin (Fixture    *fixture,
          const char *pin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = caiji_operator_pin_hash (pin, &error);

  g_assert_no_error (error);
  g_settings_set_string (fixture->settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY, hash);
}

static GtkWidget *
open_pin_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  caiji_test_press (child (fixture->window, CAIJI_TYPE_WINDOW, "operator_button"));
  dialog = shown_window (CAIJI_TYPE_OPERATOR_PIN_DIALOG);
  g_assert_nonnull (dialog);
  return GTK_WIDGET (dialog);
}

static GtkWidget *
pin_child (GtkWidget  *dialog,
           const char *name)
{
  return child (dialog, CAIJI_TYPE_OPERATOR_PIN_DIALOG, name);
}

static void
type_pin (GtkWidget  *dialog,
          const char *pin)
{
  GtkWidget *keypad = pin_child (dialog, "keypad");

  for (const char *c = pin; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      caiji_test_press (caiji_test_find_button (keypad, key));
    }
  caiji_test_press (pin_child (dialog, "ok_button"));
}

static gboolean
pin_error_shown (gpointer dialog)
{
  return gtk_widget_get_visible (pin_child (dialog, "error_label")) &&
         gtk_widget_is_sensitive (pin_child (dialog, "ok_button"));
}

static gboolean
pin_dialog_choosing (gpointer dialog)
{
  return g_strcmp0 (label_text (pin_child (dialog, "heading_label")), "Choose the new PIN") == 0;
}

static CaijiOperatorWindow *
unlock (Fixture    *fixture,
        const char *pin)
{
  type_pin (open_pin_dialog (fixture), pin);
  caiji_test_wait_until (operator_window_shown, NULL);
  return CAIJI_OPERATOR_WINDOW (shown_window (CAIJI_TYPE_OPERATOR_WINDOW));
}

/* Records with real (small) JPEGs */

static GBytes *
make_jpeg (guint width,
           guint height,
           guint shade)
{
  g_autofree guint8 *pixels = g_malloc (width * height * 3);
  g_autoptr(CaijiImage) image = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *jpeg;

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *p = pixels + (y * width + x) * 3;

        /* A smooth gradient, distinct per picture: easy to tell apart on
         * a screenshot, and it compresses like a photo. */
        p[0] = (guint8) (shade + 60 * x / width);
        p[1] = (guint8) (120 + 100 * y / height);
        p[2] = (guint8) (200 - shade / 2);
      }
  image = caiji_image_new_bgr (width, height, pixels, width * 3);
  jpeg = caiji_image_encode_jpeg (image, 85, &error);
  g_assert_no_error (error);
  return jpeg;
}

static void
update_ok (Fixture           *fixture,
           gint64             record_id,
           CaijiRecordUpdate *update)
{
  g_autoptr(GError) error = NULL;

  update->actor = "candidate:test";
  update->action = "test.setup";
  g_assert_true (caiji_store_record_update (fixture->store, record_id, update, &error));
  g_assert_no_error (error);
}

static void
add_pictures (Fixture *fixture,
              gint64   id,
              guint    n)
{
  static const guint sizes[CAIJI_IMAGE_N_KINDS][2] = { { 428, 270 }, { 428, 270 }, { 180, 240 }, { 240, 240 } };

  for (CaijiImageKind kind = 0; kind < CAIJI_IMAGE_N_KINDS; kind++)
    {
      CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;
      g_autoptr(GBytes) jpeg = make_jpeg (sizes[kind][0], sizes[kind][1], 40 * kind + 20 * n);

      update.image = jpeg;
      update.image_kind = kind;
      update_ok (fixture, id, &update);
    }
}

/* As the wizard leaves it: captured (the face matched) or submitted for
 * review with a failed comparison and a correction request. */
static void
finish_capture (Fixture           *fixture,
                gint64             id,
                guint              n,
                CaijiRecordStatus  status)
{
  const CaijiCandidate *who = g_ptr_array_index (fixture->roster, n);
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;
  gboolean passed = status == CAIJI_RECORD_CAPTURED;

  update.card_name = who->name;
  update.card_id_number = who->id_number;
  update.set_face_result = TRUE;
  update.face_score = passed ? 0.82 : 0.31;
  update.face_threshold = 0.45;
  update.correction_note = passed ? NULL : "Phone";
  update.set_status = TRUE;
  update.status = status;
  update_ok (fixture, id, &update);
}

static gint64
record_in (Fixture           *fixture,
           guint              n,
           CaijiRecordStatus  status)
{
  const CaijiCandidate *who = g_ptr_array_index (fixture->roster, n);
  g_autoptr(GError) error = NULL;
  gint64 id = caiji_store_record_create (fixture->store, who->student_no, "candidate:test", &error);

  g_assert_no_error (error);
  add_pictures (fixture, id, n);
  if (status != CAIJI_RECORD_DRAFT)
    finish_capture (fixture, id, n, status);
  return id;
}

static gint64
pending_record (Fixture *fixture,
                guint    n)
{
  return record_in (fixture, n, CAIJI_RECORD_PENDING_REVIEW);
}

static CaijiRecordStatus
status_of (Fixture *fixture,
           gint64   record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaijiRecord) record = caiji_store_record_load (fixture->store, record_id, &error);

  g_assert_no_error (error);
  return record->status;
}

static guint
audit_count (Fixture    *fixture,
             const char *action,
             gint64      record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = caiji_store_audit_list (fixture->store, &error);
  guint count = 0;

  g_assert_no_error (error);
  g_ptr_array_set_free_func (entries, (GDestroyNotify) caiji_audit_entry_free);
  for (guint i = 0; i < entries->len; i++)
    {
      const CaijiAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, action) == 0 && entry->record_id == record_id &&
          g_strcmp0 (entry->actor, "operator") == 0)
        count++;
    }
  return count;
}

/* The queue page as shown */

typedef struct {
  GtkWidget *page;
  guint      rows;
} RowCount;

static guint
visible_rows (GtkWidget *list)
{
  GtkListBoxRow *row;
  guint count = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      count++;
  return count;
}

static GtkWidget *
queue_list (GtkWidget *queue)
{
  return child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "list");
}

static gboolean
queue_has_rows (gpointer data)
{
  RowCount *want = data;

  return visible_rows (queue_list (want->page)) == want->rows;
}

static GtkWidget *
queue_page (CaijiOperatorWindow *window)
{
  return child (window, CAIJI_TYPE_OPERATOR_WINDOW, "queue_page");
}

static guint
pictures_with_content (GtkWidget *root)
{
  guint count = 0;

  if (GTK_IS_PICTURE (root) && gtk_picture_get_paintable (GTK_PICTURE (root)) != NULL)
    count++;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    count += pictures_with_content (c);
  return count;
}

static gboolean
view_pictures_shown (GtkWidget *view)
{
  return pictures_with_content (child (view, CAIJI_TYPE_OPERATOR_RECORD_VIEW, "image_grid")) ==
         CAIJI_IMAGE_N_KINDS;
}

static gboolean
pictures_shown (gpointer queue)
{
  return view_pictures_shown (child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "record_view"));
}

static gboolean
record_dialog_pictures_shown (gpointer dialog)
{
  return view_pictures_shown (child (dialog, CAIJI_TYPE_OPERATOR_RECORD_DIALOG, "record_view"));
}

static void
select_queue_row (GtkWidget *queue,
                  guint      index)
{
  GtkListBox *list = GTK_LIST_BOX (queue_list (queue));

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
  caiji_test_wait_until (pictures_shown, queue);
}

static GtkWidget *
view_child (GtkWidget  *queue,
            const char *name)
{
  GtkWidget *view = child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "record_view");

  return child (view, CAIJI_TYPE_OPERATOR_RECORD_VIEW, name);
}

static const char *
view_label (GtkWidget  *queue,
            const char *name)
{
  return label_text (view_child (queue, name));
}

typedef struct {
  Fixture          *fixture;
  gint64            record_id;
  CaijiRecordStatus status;
} StatusWait;

static gboolean
status_reached (gpointer data)
{
  StatusWait *wait = data;

  return status_of (wait->fixture, wait->record_id) == wait->status;
}

/* Tests */

static void
test_first_run_sets_pin (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *dialog;
  g_autofree char *stored = NULL;

  caiji_test_screenshot (GTK_WIDGET (fixture->window), "operator-kiosk-staff-button");
  dialog = open_pin_dialog (fixture);

  g_assert_cmpstr (label_text (pin_child (dialog, "heading_label")), ==, "Set an operator PIN");
  g_assert_false (gtk_widget_get_visible (caiji_test_find_button (pin_child (dialog, "keypad"), "X")));
  caiji_test_screenshot (dialog, "operator-pin-first-run");

  /* Two different entries: nothing is saved, the PIN is chosen again. */
  type_pin (dialog, TEST_PIN);
  g_assert_cmpstr (label_text (pin_child (dialog, "heading_label")), ==, "Enter the new PIN again");
  type_pin (dialog, OTHER_PIN);
  g_assert_true (gtk_widget_get_visible (pin_child (dialog, "error_label")));
  g_assert_cmpstr (label_text (pin_child (dialog, "heading_label")), ==, "Set an operator PIN");
  stored = g_settings_get_string (fixture->settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY);
  g_assert_cmpstr (stored, ==, "");
  g_clear_pointer (&stored, g_free);

  /* Too short is refused before it is asked twice. */
  type_pin (dialog, "12");
  g_assert_true (gtk_widget_get_visible (pin_child (dialog, "error_label")));
  g_assert_cmpstr (label_text (pin_child (dialog, "heading_label")), ==, "Set an operator PIN");

  type_pin (dialog, TEST_PIN);
  type_pin (dialog, TEST_PIN);
  caiji_test_wait_until (operator_window_shown, NULL);
  g_assert_true (pin_dialog_gone (NULL));
  stored = g_settings_get_string (fixture->settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY);
  g_assert_true (caiji_operator_pin_matches (stored, TEST_PIN));
  g_assert_null (strstr (stored, TEST_PIN));
}

static void
test_wrong_pin_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *dialog;

  seed_pin (fixture, TEST_PIN);
  dialog = open_pin_dialog (fixture);
  g_assert_cmpstr (label_text (pin_child (dialog, "heading_label")), ==, "Enter the operator PIN");

  type_pin (dialog, OTHER_PIN);
  caiji_test_wait_until (pin_error_shown, dialog);
  g_assert_nonnull (strstr (label_text (pin_child (dialog, "error_label")), "Wrong PIN"));
  g_assert_null (shown_window (CAIJI_TYPE_OPERATOR_WINDOW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin_child (dialog, "pin_entry"))), ==, "");
  caiji_test_screenshot (dialog, "operator-pin-wrong");

  type_pin (dialog, TEST_PIN);
  caiji_test_wait_until (operator_window_shown, NULL);
  g_assert_true (pin_dialog_gone (NULL));
}

static void
test_cancel_keeps_operator_mode_closed (Fixture       *fixture,
                                        gconstpointer  data)
{
  GtkWidget *dialog;

  seed_pin (fixture, TEST_PIN);
  dialog = open_pin_dialog (fixture);
  caiji_test_press (pin_child (dialog, "cancel_button"));
  g_assert_true (pin_dialog_gone (NULL));
  g_assert_null (shown_window (CAIJI_TYPE_OPERATOR_WINDOW));
}

static void
test_approve (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 first = pending_record (fixture, 0);
  gint64 second = pending_record (fixture, 1);
  const CaijiCandidate *who = g_ptr_array_index (fixture->roster, 0);
  CaijiOperatorWindow *window;
  GtkWidget *queue;
  RowCount two = { NULL, 2 }, one = { NULL, 1 };
  StatusWait approved = { fixture, first, CAIJI_RECORD_APPROVED };

  seed_pin (fixture, TEST_PIN);
  window = unlock (fixture, TEST_PIN);
  queue = queue_page (window);
  two.page = one.page = queue;
  caiji_test_wait_until (queue_has_rows, &two);
  select_queue_row (queue, 0);

  g_assert_cmpstr (view_label (queue, "name_label"), ==, who->name);
  g_assert_cmpstr (view_label (queue, "student_no_value"), ==, who->student_no);
  /* Masked: the full ID number is never on screen. */
  g_assert_null (strstr (view_label (queue, "id_number_value"), who->id_number));
  g_assert_nonnull (strstr (view_label (queue, "face_value"), "0.31"));
  g_assert_cmpstr (view_label (queue, "note_value"), ==, "Phone");
  caiji_test_screenshot (GTK_WIDGET (window), "operator-review-queue");

  caiji_test_press (child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "approve_button"));
  caiji_test_wait_until (status_reached, &approved);
  caiji_test_wait_until (queue_has_rows, &one);
  g_assert_cmpint (audit_count (fixture, "review.approved", first), ==, 1);
  g_assert_cmpint (status_of (fixture, second), ==, CAIJI_RECORD_PENDING_REVIEW);
}

static gboolean
queued_for_hub (gpointer data)
{
  StatusWait *wait = data;
  g_autoptr(CaijiOutboxEntry) entry = caiji_store_outbox_get (wait->fixture->store, wait->record_id, NULL);

  return entry != NULL;
}

/* A record submitted for review can go to the central reviewers; one the
 * face check passed is for the desk alone. */
static void
test_central_review (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 captured = record_in (fixture, 0, CAIJI_RECORD_CAPTURED);
  gint64 pending = pending_record (fixture, 1);
  StatusWait queued = { fixture, pending, CAIJI_RECORD_PENDING_REVIEW };
  RowCount two = { NULL, 2 };
  GtkWidget *queue;
  GtkWidget *central;
  GtkListBox *list;

  seed_pin (fixture, TEST_PIN);
  queue = two.page = queue_page (unlock (fixture, TEST_PIN));
  caiji_test_wait_until (queue_has_rows, &two);
  central = child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "central_button");
  list = GTK_LIST_BOX (queue_list (queue));
  for (guint i = 0; i < 2; i++)
    {
      const CaijiOperatorEntry *entry;

      select_queue_row (queue, i);
      entry = caiji_operator_entry_row_get_entry (gtk_list_box_get_selected_row (list));
      g_assert_cmpint (gtk_widget_get_visible (central), ==, entry->record->id == pending);
    }
  g_assert_cmpint (caiji_operator_entry_row_get_entry (gtk_list_box_get_selected_row (list))->record->id, ==,
                   pending);
  caiji_test_press (central);
  caiji_test_wait_until (queued_for_hub, &queued);
  caiji_test_wait_until (queue_has_rows, &two);
  g_assert_cmpint (status_of (fixture, pending), ==, CAIJI_RECORD_PENDING_REVIEW);
  g_assert_null (caiji_store_outbox_get (fixture->store, captured, NULL));
}

/* The queue holds what waits for an operator, and nothing else. */
static void
test_queue_contents (Fixture       *fixture,
                     gconstpointer  data)
{
  const CaijiCandidate *captured = g_ptr_array_index (fixture->roster, 1);
  gint64 decided = pending_record (fixture, 3);
  CaijiRecordUpdate approve = CAIJI_RECORD_UPDATE_INIT;
  CaijiOperatorWindow *window;
  GtkWidget *queue;
  RowCount two = { NULL, 2 };

  record_in (fixture, 0, CAIJI_RECORD_DRAFT);
  record_in (fixture, 1, CAIJI_RECORD_CAPTURED);
  pending_record (fixture, 2);
  approve.set_status = TRUE;
  approve.status = CAIJI_RECORD_APPROVED;
  update_ok (fixture, decided, &approve);

  seed_pin (fixture, TEST_PIN);
  window = unlock (fixture, TEST_PIN);
  queue = two.page = queue_page (window);
  caiji_test_wait_until (queue_has_rows, &two);
  select_queue_row (queue, 0);
  g_assert_cmpstr (view_label (queue, "name_label"), ==, captured->name);
  g_assert_nonnull (strstr (view_label (queue, "face_value"), "0.82"));
  /* No correction request: no empty row for one. */
  g_assert_false (gtk_widget_get_visible (view_child (queue, "note_row")));
}

static gboolean
queue_error_shown (gpointer queue)
{
  return gtk_widget_get_mapped (child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "error_label"));
}

/* Decided elsewhere while on screen: the operator hears why the approval
 * was refused, and the record leaves the queue. */
static void
test_decided_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 id = pending_record (fixture, 0);
  CaijiRecordUpdate reject = CAIJI_RECORD_UPDATE_INIT;
  GtkWidget *queue;
  RowCount one = { NULL, 1 }, none = { NULL, 0 };

  seed_pin (fixture, TEST_PIN);
  queue = one.page = none.page = queue_page (unlock (fixture, TEST_PIN));
  caiji_test_wait_until (queue_has_rows, &one);
  select_queue_row (queue, 0);

  reject.set_status = TRUE;
  reject.status = CAIJI_RECORD_REJECTED;
  reject.status_reason = "Rejected by the central review";
  update_ok (fixture, id, &reject);
  caiji_test_press (child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "approve_button"));

  caiji_test_wait_until (queue_error_shown, queue);
  caiji_test_wait_until (queue_has_rows, &none);
  g_assert_true (queue_error_shown (queue));
  g_assert_cmpint (status_of (fixture, id), ==, CAIJI_RECORD_REJECTED);
  g_assert_cmpint (audit_count (fixture, "review.approved", id), ==, 0);
}

static GtkWidget *
open_reject_dialog (GtkWidget *queue)
{
  GtkWindow *dialog;

  caiji_test_press (child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "reject_button"));
  dialog = shown_window (CAIJI_TYPE_OPERATOR_REJECT_DIALOG);
  g_assert_nonnull (dialog);
  return GTK_WIDGET (dialog);
}

static void
test_reject_needs_reason (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 first = pending_record (fixture, 0);
  gint64 second = pending_record (fixture, 1);
  const char *reason = "The face photo is blurred; please retake it.";
  StatusWait rejected = { fixture, second, CAIJI_RECORD_REJECTED };
  CaijiOperatorWindow *window;
  GtkWidget *queue, *dialog, *entry;
  RowCount two = { NULL, 2 };
  g_autoptr(CaijiRecord) record = NULL;

  seed_pin (fixture, TEST_PIN);
  window = unlock (fixture, TEST_PIN);
  queue = two.page = queue_page (window);
  caiji_test_wait_until (queue_has_rows, &two);
  select_queue_row (queue, 1);

  dialog = open_reject_dialog (queue);
  entry = child (dialog, CAIJI_TYPE_OPERATOR_REJECT_DIALOG, "reason_entry");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject"));
  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject"));
  caiji_test_screenshot (dialog, "operator-reject-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reject");

  caiji_test_wait_until (status_reached, &rejected);
  record = caiji_store_record_load (fixture->store, second, NULL);
  g_assert_cmpstr (record->reject_reason, ==, reason);
  g_assert_cmpint (audit_count (fixture, "review.rejected", second), ==, 1);
  g_assert_cmpint (status_of (fixture, first), ==, CAIJI_RECORD_PENDING_REVIEW);
}

static void
test_reject_cancelled_changes_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  gint64 id = pending_record (fixture, 0);
  CaijiOperatorWindow *window;
  GtkWidget *queue, *dialog;
  RowCount one = { NULL, 1 };

  seed_pin (fixture, TEST_PIN);
  window = unlock (fixture, TEST_PIN);
  queue = one.page = queue_page (window);
  caiji_test_wait_until (queue_has_rows, &one);
  select_queue_row (queue, 0);

  dialog = open_reject_dialog (queue);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  caiji_test_settle ();
  g_assert_cmpint (status_of (fixture, id), ==, CAIJI_RECORD_PENDING_REVIEW);
  g_assert_cmpint (audit_count (fixture, "review.rejected", id), ==, 0);
}

static GtkWidget *
records_child (CaijiOperatorWindow *window,
               const char          *name)
{
  return child (child (window, CAIJI_TYPE_OPERATOR_WINDOW, "records_page"),
                CAIJI_TYPE_OPERATOR_RECORDS_PAGE, name);
}

typedef struct {
  CaijiOperatorWindow *window;
  guint                rows;
} RecordsWait;

static gboolean
records_rows (gpointer data)
{
  RecordsWait *wait = data;

  return visible_rows (records_child (wait->window, "list")) == wait->rows;
}

/* A looked-up record opens with its pictures, read-only. */
static void
open_record (CaijiOperatorWindow  *window,
             const CaijiCandidate *who)
{
  GtkListBox *list = GTK_LIST_BOX (records_child (window, "list"));
  GtkListBoxRow *row = NULL;
  GtkWidget *dialog, *view;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  dialog = GTK_WIDGET (shown_window (CAIJI_TYPE_OPERATOR_RECORD_DIALOG));
  g_assert_nonnull (dialog);
  caiji_test_wait_until (record_dialog_pictures_shown, dialog);
  view = child (dialog, CAIJI_TYPE_OPERATOR_RECORD_DIALOG, "record_view");
  g_assert_cmpstr (label_text (child (view, CAIJI_TYPE_OPERATOR_RECORD_VIEW, "name_label")), ==, who->name);
  g_assert_null (caiji_test_find_button (dialog, "Approve"));
  caiji_test_screenshot (dialog, "operator-record-details");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const CaijiCandidate *third = g_ptr_array_index (fixture->roster, 2);
  CaijiOperatorWindow *window;
  GtkEditable *search;
  RecordsWait all = { NULL, 3 }, one = { NULL, 1 }, none = { NULL, 0 };

  for (guint i = 0; i < 3; i++)
    pending_record (fixture, i);
  seed_pin (fixture, TEST_PIN);
  window = all.window = one.window = none.window = unlock (fixture, TEST_PIN);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (window, CAIJI_TYPE_OPERATOR_WINDOW, "view_stack")),
                                         "records");
  caiji_test_wait_until (records_rows, &all);
  caiji_test_screenshot (GTK_WIDGET (window), "operator-records");

  search = GTK_EDITABLE (records_child (window, "search_entry"));
  gtk_editable_set_text (search, third->student_no);
  caiji_test_wait_until (records_rows, &one);
  gtk_editable_set_text (search, third->name);
  caiji_test_wait_until (records_rows, &one);
  open_record (window, third);
  gtk_editable_set_text (search, "no such candidate");
  caiji_test_wait_until (records_rows, &none);
  gtk_editable_set_text (search, "");
  caiji_test_wait_until (records_rows, &all);

  /* Status filter: nothing is approved yet. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (records_child (window, "status_filter")),
                              1 + CAIJI_RECORD_APPROVED);
  caiji_test_wait_until (records_rows, &none);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (records_child (window, "status_filter")),
                              1 + CAIJI_RECORD_PENDING_REVIEW);
  caiji_test_wait_until (records_rows, &all);
}

static gboolean
device_counted (gpointer data)
{
  GtkWidget *page = child (data, CAIJI_TYPE_OPERATOR_WINDOW, "device_page");
  GObject *roster = gtk_widget_get_template_child (page, G_OBJECT_TYPE (page), "roster_value");

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (roster)), "4") == 0;
}

static GtkWidget *
settings_child (CaijiOperatorWindow *window,
                const char          *name)
{
  return child (child (window, CAIJI_TYPE_OPERATOR_WINDOW, "settings_page"),
                CAIJI_TYPE_OPERATOR_SETTINGS_PAGE, name);
}

static void
test_device_and_settings (Fixture       *fixture,
                          gconstpointer  data)
{
  CaijiOperatorWindow *window;
  AdwViewStack *stack;
  AdwComboRow *language_row;
  g_autofree char *language = NULL;
  g_autofree char *reader_port = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *hub_ca = NULL;

  seed_pin (fixture, TEST_PIN);
  window = unlock (fixture, TEST_PIN);
  stack = ADW_VIEW_STACK (child (window, CAIJI_TYPE_OPERATOR_WINDOW, "view_stack"));

  adw_view_stack_set_visible_child_name (stack, "device");
  caiji_test_wait_until (device_counted, window);
  caiji_test_screenshot (GTK_WIDGET (window), "operator-device");

  adw_view_stack_set_visible_child_name (stack, "settings");
  caiji_test_screenshot (GTK_WIDGET (window), "operator-settings");

  /* English is one choice away, for the next start. */
  language_row = ADW_COMBO_ROW (settings_child (window, "language_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 0);
  adw_combo_row_set_selected (language_row, 1);
  language = g_settings_get_string (fixture->settings, "language");
  g_assert_cmpstr (language, ==, "en");
  g_settings_set_string (fixture->settings, "language", "zh_CN.UTF-8");
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 0);

  /* The photo profile is a choice, not a name to type. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (settings_child (window, "profile_row")), 1);
  profile = g_settings_get_string (fixture->settings, "photo-profile");
  g_assert_cmpstr (profile, ==, "ga461");

  gtk_editable_set_text (GTK_EDITABLE (settings_child (window, "hub_ca_row")), "/etc/caiji/hub-ca.pem");
  hub_ca = g_settings_get_string (fixture->settings, "hub-ca-file");
  g_assert_cmpstr (hub_ca, ==, "/etc/caiji/hub-ca.pem");

  /* The face match threshold, within the range the calibration allows. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (settings_child (window, "threshold_spin")), 0.45);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "face-match-threshold"), 0.45, 1e-9);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (settings_child (window, "threshold_spin")), 0.1);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "face-match-threshold"), 0.30, 1e-9);

  /* The chip reader's port is set here, not only with gsettings. */
  gtk_editable_set_text (GTK_EDITABLE (settings_child (window, "reader_row")), "/dev/ttyUSB0");
  reader_port = g_settings_get_string (fixture->settings, "reader-port");
  g_assert_cmpstr (reader_port, ==, "/dev/ttyUSB0");

  /* 退出工作人员模式: back to the kiosk, which stays open. */
  caiji_test_press (child (window, CAIJI_TYPE_OPERATOR_WINDOW, "leave_button"));
  g_assert_null (shown_window (CAIJI_TYPE_OPERATOR_WINDOW));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

/* AdwApplication loads the kiosk's style sheet; the tests have no
 * application, and the screenshots should look like the kiosk. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/caiji/Kiosk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
test_change_pin (Fixture       *fixture,
                 gconstpointer  data)
{
  CaijiOperatorWindow *window;
  GtkWidget *dialog;
  g_autofree char *stored = NULL;

  seed_pin (fixture, TEST_PIN);
  window = unlock (fixture, TEST_PIN);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (window, CAIJI_TYPE_OPERATOR_WINDOW, "view_stack")),
                                         "settings");
  caiji_test_press (settings_child (window, "change_pin_button"));
  dialog = GTK_WIDGET (shown_window (CAIJI_TYPE_OPERATOR_PIN_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (label_text (pin_child (dialog, "heading_label")), ==, "Enter the current PIN");
  caiji_test_screenshot (dialog, "operator-pin-change");

  /* Knowing operator mode is open is not enough: the current PIN is asked. */
  type_pin (dialog, OTHER_PIN);
  caiji_test_wait_until (pin_error_shown, dialog);
  g_assert_cmpstr (label_text (pin_child (dialog, "heading_label")), ==, "Enter the current PIN");

  type_pin (dialog, TEST_PIN);
  caiji_test_wait_until (pin_dialog_choosing, dialog);
  type_pin (dialog, OTHER_PIN);
  type_pin (dialog, OTHER_PIN);
  caiji_test_wait_until (pin_dialog_gone, NULL);

  stored = g_settings_get_string (fixture->settings, CAIJI_OPERATOR_PIN_SETTINGS_KEY);
  g_assert_true (caiji_operator_pin_matches (stored, OTHER_PIN));
  g_assert_false (caiji_operator_pin_matches (stored, TEST_PIN));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (settings_child (window, "pin_row"))), ==,
                   "The PIN was changed.");
  g_assert_nonnull (shown_window (CAIJI_TYPE_OPERATOR_WINDOW));
}

static gboolean
operator_window_gone (gpointer data)
{
  return shown_window (CAIJI_TYPE_OPERATOR_WINDOW) == NULL;
}

/* An operator called away must not leave the way out of the kiosk open. */
static void
test_idle_closes_operator_mode (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *queue;
  GtkWindow *dialog;
  RowCount one = { NULL, 1 };

  pending_record (fixture, 0);
  seed_pin (fixture, TEST_PIN);
  queue = one.page = queue_page (unlock (fixture, TEST_PIN));
  caiji_test_wait_until (queue_has_rows, &one);
  select_queue_row (queue, 0);
  caiji_test_press (child (queue, CAIJI_TYPE_OPERATOR_QUEUE_PAGE, "reject_button"));
  dialog = shown_window (CAIJI_TYPE_OPERATOR_REJECT_DIALOG);
  g_assert_nonnull (dialog);

  /* The settings page's change applies to the open window at once. */
  g_settings_set_uint (fixture->settings, "idle-timeout-seconds", 1);

  caiji_test_wait_until (operator_window_gone, NULL);
  /* The dialog went with it, and nothing was decided. */
  g_assert_null (shown_window (CAIJI_TYPE_OPERATOR_REJECT_DIALOG));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

/* The sync page */

static gint64
approved_record (Fixture *fixture,
                 guint    n)
{
  gint64 id = record_in (fixture, n, CAIJI_RECORD_CAPTURED);
  CaijiRecordUpdate update = CAIJI_RECORD_UPDATE_INIT;

  update.set_status = TRUE;
  update.status = CAIJI_RECORD_APPROVED;
  update_ok (fixture, id, &update);
  return id;
}

static const char *
sync_value (GtkWidget  *page,
            const char *name)
{
  return label_text (child (page, CAIJI_TYPE_OPERATOR_SYNC_PAGE, name));
}

typedef struct {
  GtkWidget  *page;
  const char *waiting;
  const char *held;
} SyncCounts;

static gboolean
sync_counts_shown (gpointer data)
{
  SyncCounts *want = data;

  return g_strcmp0 (sync_value (want->page, "waiting_value"), want->waiting) == 0 &&
         g_strcmp0 (sync_value (want->page, "held_value"), want->held) == 0;
}

static GtkWidget *
send_again_button (GtkWidget *page)
{
  GtkWidget *group = child (page, CAIJI_TYPE_OPERATOR_SYNC_PAGE, "held_group");

  return caiji_test_find_button (group, "Send _Again");
}

/* An operator sees what waits for the hub and why a record was refused,
 * and sends it again once the reason is sorted out. */
static void
test_sync_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CaijiKioskSync) sync = caiji_kiosk_sync_new (fixture->store, fixture->settings);
  g_autoptr(GError) error = NULL;
  gint64 refused = approved_record (fixture, 1);
  CaijiOperatorWindow *window;
  GtkWidget *page;
  GtkWidget *state_row;
  SyncCounts before = { NULL, "1", "1" };
  SyncCounts after = { NULL, "2", "0" };

  approved_record (fixture, 0);
  g_assert_true (caiji_store_outbox_hold (fixture->store, refused, "Student 23030001 is not on the hub's roster.",
                                          &error));
  g_assert_no_error (error);
  caiji_window_set_sync (fixture->window, sync);
  seed_pin (fixture, TEST_PIN);
  window = unlock (fixture, TEST_PIN);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (window, CAIJI_TYPE_OPERATOR_WINDOW, "view_stack")),
                                         "sync");
  page = before.page = after.page = child (window, CAIJI_TYPE_OPERATOR_WINDOW, "sync_page");
  caiji_test_wait_until (sync_counts_shown, &before);

  /* Not configured: said plainly, with where to fix it. */
  state_row = child (page, CAIJI_TYPE_OPERATOR_SYNC_PAGE, "state_row");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (state_row)),
                            "No central server address is set"));
  g_assert_true (gtk_widget_get_visible (child (page, CAIJI_TYPE_OPERATOR_SYNC_PAGE, "held_group")));
  caiji_test_screenshot (GTK_WIDGET (window), "operator-sync");

  caiji_test_press (send_again_button (page));
  caiji_test_wait_until (sync_counts_shown, &after);
  g_assert_false (gtk_widget_get_visible (child (page, CAIJI_TYPE_OPERATOR_SYNC_PAGE, "held_group")));
}

static void
add_operator_test (const char *path,
                   void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_style ();

  add_operator_test ("/operator/pin/first-run", test_first_run_sets_pin);
  add_operator_test ("/operator/pin/wrong", test_wrong_pin_refused);
  add_operator_test ("/operator/pin/cancel", test_cancel_keeps_operator_mode_closed);
  add_operator_test ("/operator/queue/contents", test_queue_contents);
  add_operator_test ("/operator/queue/approve", test_approve);
  add_operator_test ("/operator/queue/central-review", test_central_review);
  add_operator_test ("/operator/queue/decided-elsewhere", test_decided_elsewhere);
  add_operator_test ("/operator/queue/reject-needs-reason", test_reject_needs_reason);
  add_operator_test ("/operator/queue/reject-cancelled", test_reject_cancelled_changes_nothing);
  add_operator_test ("/operator/records/search", test_search);
  add_operator_test ("/operator/device-and-settings", test_device_and_settings);
  add_operator_test ("/operator/idle-closes", test_idle_closes_operator_mode);
  add_operator_test ("/operator/settings/change-pin", test_change_pin);
  add_operator_test ("/operator/sync", test_sync_page);

  return g_test_run ();
}
