/* caiji-nations.h: the 56 ethnic groups, by GB 3304 code (民族) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIJI_NATION_COUNT 56

const char *caiji_nation_name      (int         code);
int         caiji_nation_code      (const char *name);

G_END_DECLS
