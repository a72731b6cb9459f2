/* caiji-hub-reply.h: JSON answers, including every error, in one shape */
#pragma once

#include <libsoup/soup.h>

#include "caiji-hub-db.h"

G_BEGIN_DECLS

void caiji_hub_reply_json  (SoupServerMessage *msg,
                            guint              status,
                            char              *json);
void caiji_hub_reply_error (SoupServerMessage *msg,
                            const GError      *error);

void     caiji_hub_reply_refuse          (SoupServerMessage *msg,
                                          CaijiHubError      code,
                                          const char        *message);
gboolean caiji_hub_reply_check_body_size (SoupServerMessage *msg,
                                          gsize              limit);

G_END_DECLS
