/* fault-proxy.h: an HTTP proxy in front of the real hub that misbehaves
 * on demand, the way networks and overloaded servers do */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FAULT_NONE,          /* forward, answer what the hub answered */
  FAULT_500,           /* answer 500 without forwarding */
  FAULT_503_RETRY,     /* answer 503 with Retry-After: 120 */
  FAULT_GARBAGE,       /* forward, then answer 200 with broken JSON (the hub stored it, the kiosk never hears) */
  FAULT_SLOW,          /* hold the request for longer than the kiosk's timeout */
  FAULT_RESET,         /* forward, then drop the connection without an answer */
} FaultMode;

typedef struct _FaultProxy FaultProxy;

FaultProxy *fault_proxy_new       (const char *hub_url);
const char *fault_proxy_url       (FaultProxy *proxy);
void        fault_proxy_set_mode  (FaultProxy *proxy,
                                   FaultMode   mode);
guint       fault_proxy_requests  (FaultProxy *proxy);
void        fault_proxy_free      (FaultProxy *proxy);

G_END_DECLS
