/* caiji-hub-devices.h: enrolled kiosks and their bearer tokens */
#pragma once

#include "caiji-hub-db.h"

G_BEGIN_DECLS

gboolean   caiji_hub_device_add          (CaijiHubDb  *db,
                                          const char  *name,
                                          char       **id,
                                          char       **token,
                                          GError     **error);
GPtrArray *caiji_hub_device_list         (CaijiHubDb  *db,
                                          GError     **error);
gboolean   caiji_hub_device_revoke       (CaijiHubDb  *db,
                                          const char  *id,
                                          GError     **error);
char      *caiji_hub_device_authenticate (CaijiHubDb  *db,
                                          const char  *token,
                                          GError     **error);

G_END_DECLS
