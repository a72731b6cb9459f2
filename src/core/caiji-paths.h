/* caiji-paths.h: where the database and the models live */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *caiji_paths_default_database (void);
char *caiji_paths_resolve_database (const char *override_path);
char *caiji_paths_models_dir       (void);

G_END_DECLS
