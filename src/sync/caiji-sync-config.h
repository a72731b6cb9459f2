/* caiji-sync-config.h: where the kiosk finds its hub and device token */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *caiji_sync_default_token_file (void);
gboolean  caiji_sync_config_resolve     (const char  *hub_option,
                                         const char  *token_file_option,
                                         char       **hub_url,
                                         char       **token,
                                         GError     **error);

char     *caiji_sync_config_ca_file     (const char  *ca_file_option);

G_END_DECLS
