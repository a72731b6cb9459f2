/* caiji-hub-reviewers.h: the review page's accounts and login sessions */
#pragma once

#include "caiji-hub-db.h"

G_BEGIN_DECLS

#define CAIJI_HUB_PASSWORD_MIN_CHARS 10
#define CAIJI_HUB_PASSWORD_MAX_BYTES 256
#define CAIJI_HUB_SESSION_SECONDS    (8 * 60 * 60)

typedef struct {
  char *reviewer;
  char *csrf_token;
} CaijiHubSession;

gboolean   caiji_hub_reviewer_check_name (const char       *name,
                                          GError          **error);
gboolean   caiji_hub_reviewer_add        (CaijiHubDb       *db,
                                          const char       *name,
                                          const char       *password,
                                          GError          **error);
GPtrArray *caiji_hub_reviewer_list       (CaijiHubDb       *db,
                                          GError          **error);
gboolean   caiji_hub_reviewer_remove     (CaijiHubDb       *db,
                                          const char       *name,
                                          GError          **error);
gboolean   caiji_hub_reviewer_verify     (CaijiHubDb       *db,
                                          const char       *name,
                                          const char       *password,
                                          gboolean         *valid,
                                          GError          **error);

char      *caiji_hub_session_open        (CaijiHubDb       *db,
                                          const char       *reviewer,
                                          CaijiHubSession  *session,
                                          GError          **error);
gboolean   caiji_hub_session_find        (CaijiHubDb       *db,
                                          const char       *token,
                                          CaijiHubSession  *session,
                                          GError          **error);
gboolean   caiji_hub_session_close       (CaijiHubDb       *db,
                                          const char       *token,
                                          GError          **error);
void       caiji_hub_session_clear       (CaijiHubSession  *session);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaijiHubSession, caiji_hub_session_clear)

G_END_DECLS
