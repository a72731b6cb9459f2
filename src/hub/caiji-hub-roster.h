/* caiji-hub-roster.h: the exam roster the hub hands out to kiosks */
#pragma once

#include "caiji-hub-db.h"

G_BEGIN_DECLS

gboolean caiji_hub_roster_import (CaijiHubDb *db,
                                  GPtrArray  *candidates,
                                  guint      *changed,
                                  GError    **error);

G_END_DECLS
