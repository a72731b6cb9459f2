/* caiji-sync-token.h: the hub device token, kept sealed on disk */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  caiji_sync_token_save (const char  *path,
                                 const char  *token,
                                 GError     **error);
char     *caiji_sync_token_load (const char  *path,
                                 GError     **error);

G_END_DECLS
