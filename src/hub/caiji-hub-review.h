/* caiji-hub-review.h: the central review's decisions, from the command
 * line until the review page exists */
#pragma once

#include "caiji-hub-db.h"

G_BEGIN_DECLS

GPtrArray *caiji_hub_review_list   (CaijiHubDb  *db,
                                    GError     **error);
gboolean   caiji_hub_review_decide (CaijiHubDb  *db,
                                    const char  *uuid,
                                    const char  *decision,
                                    const char  *reason,
                                    const char  *reviewer,
                                    GError     **error);

G_END_DECLS
