/* caiji-hub-login-limit.h: lock out password guessing on the review page */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIJI_HUB_LOGIN_MAX_FAILURES   5
#define CAIJI_HUB_LOGIN_WINDOW_SECONDS (15 * 60)
#define CAIJI_HUB_LOGIN_LOCK_SECONDS   (10 * 60)

typedef struct _CaijiHubLoginLimit CaijiHubLoginLimit;

CaijiHubLoginLimit *caiji_hub_login_limit_new       (void);
void                caiji_hub_login_limit_free      (CaijiHubLoginLimit *limit);
gint64              caiji_hub_login_limit_locked    (CaijiHubLoginLimit *limit,
                                                     const char         *account,
                                                     const char         *address,
                                                     gint64              now_seconds);
void                caiji_hub_login_limit_failed    (CaijiHubLoginLimit *limit,
                                                     const char         *account,
                                                     const char         *address,
                                                     gint64              now_seconds);
void                caiji_hub_login_limit_succeeded (CaijiHubLoginLimit *limit,
                                                     const char         *account,
                                                     const char         *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiHubLoginLimit, caiji_hub_login_limit_free)

G_END_DECLS
