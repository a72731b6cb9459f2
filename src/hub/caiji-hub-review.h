/* caiji-hub-review.h: the central review's decisions, from the command
 * line and for the review page */
#pragma once

#include "caiji-hub-db.h"

G_BEGIN_DECLS

#define CAIJI_HUB_REVIEW_REASON_MAX_CHARS 200

GPtrArray *caiji_hub_review_list   (CaijiHubDb  *db,
                                    GError     **error);
gboolean   caiji_hub_review_decide (CaijiHubDb  *db,
                                    const char  *uuid,
                                    const char  *decision,
                                    const char  *reason,
                                    const char  *reviewer,
                                    GError     **error);

char      *caiji_hub_review_pending_json (CaijiHubDb  *db,
                                          GError     **error);
GBytes    *caiji_hub_review_image        (CaijiHubDb  *db,
                                          const char  *uuid,
                                          const char  *kind,
                                          GError     **error);

G_END_DECLS
