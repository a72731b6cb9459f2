/* caiji-hub-prompt.h: read a new password twice from the terminal or stdin */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *caiji_hub_prompt_new_password (GError **error);

G_END_DECLS
