/* caiji-hub-reply.h: JSON answers, including every error, in one shape */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void caiji_hub_reply_json  (SoupServerMessage *msg,
                            guint              status,
                            char              *json);
void caiji_hub_reply_error (SoupServerMessage *msg,
                            const GError      *error);

G_END_DECLS
