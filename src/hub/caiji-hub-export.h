/* caiji-hub-export.h: approved records for the exam platform */
#pragma once

#include "caiji-hub-db.h"

G_BEGIN_DECLS

gboolean caiji_hub_export (CaijiHubDb *db,
                           const char *dir,
                           guint      *exported,
                           GError    **error);

G_END_DECLS
