/* caiji-cli-output.h: how the `caiji` commands print, as text or JSON */
#pragma once

#include <json-glib/json-glib.h>

#include "caiji-cli.h"

G_BEGIN_DECLS

/* How one kind of item is listed: a tab-separated table, or a JSON array
 * of objects.  @mask is passed through to say whether to mask personal
 * numbers. */
typedef struct {
  const char *const *header;
  gsize              n_columns;
  const char        *empty_text;
  void             (*print_row) (gconstpointer item,
                                 gboolean      mask);
  void             (*add_json)  (JsonBuilder  *builder,
                                 gconstpointer item,
                                 gboolean      mask);   /* members of one object */
} CaijiCliListFormat;

void         caiji_cli_print_list      (CaijiCli                 *cli,
                                        GPtrArray                *items,
                                        const CaijiCliListFormat *format,
                                        gboolean                  mask);

void         caiji_cli_print_error     (const char  *format,
                                        ...) G_GNUC_PRINTF (1, 2);
CaijiCliExit caiji_cli_fail            (CaijiCli    *cli,
                                        const GError *error);
void         caiji_cli_print_json      (JsonBuilder *builder);
void         caiji_cli_print_field     (const char  *label,
                                        const char  *value);
void         caiji_cli_print_row       (const char *const *cells,
                                        gsize        n_cells);
char        *caiji_cli_format_time     (gint64       unix_seconds);
char        *caiji_cli_masked          (const char  *value,
                                        gboolean     mask,
                                        char      *(*mask_func) (const char *text));

void         caiji_cli_json_string     (JsonBuilder *builder,
                                        const char  *member,
                                        const char  *value);
void         caiji_cli_json_int        (JsonBuilder *builder,
                                        const char  *member,
                                        gint64       value);
void         caiji_cli_json_double     (JsonBuilder *builder,
                                        const char  *member,
                                        double       value);
void         caiji_cli_json_time       (JsonBuilder *builder,
                                        const char  *member,
                                        gint64       unix_seconds);

G_END_DECLS
