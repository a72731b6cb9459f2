/* caiji-test-utils.h: shared helpers for the test programs */
#pragma once

#include <glib.h>

#include "caiji-candidate.h"

G_BEGIN_DECLS

char           *caiji_test_make_tmpdir      (void);
void            caiji_test_remove_tree      (const char *path);
char           *caiji_test_synthetic_id     (guint       n,
                                             CaijiSex    sex);
CaijiCandidate *caiji_test_candidate        (guint       n);
GPtrArray      *caiji_test_roster           (guint       count);
char           *caiji_test_shared_path      (const char *relative);
GBytes         *caiji_test_fake_jpeg        (gsize       size,
                                             guint32     seed);
gboolean        caiji_test_file_contains    (const char *path,
                                             const void *needle,
                                             gsize       size);

G_END_DECLS
