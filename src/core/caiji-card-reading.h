/* caiji-card-reading.h: what was read from one side of a resident ID card
 *
 * Filled by the vision pipeline (camera or file) or by the chip reader,
 * consumed by the wizard.  Unread fields are NULL.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CAIJI_CARD_SIDE_NONE,    /* not a resident ID card */
  CAIJI_CARD_SIDE_FRONT,   /* 人像面 */
  CAIJI_CARD_SIDE_BACK,    /* 国徽面 */
} CaijiCardSide;

typedef struct {
  CaijiCardSide side;
  char         *name;
  char         *sex;
  char         *nation;
  char         *birth;        /* YYYY-MM-DD */
  char         *address;
  char         *id_number;
  char         *authority;
  char         *valid_from;   /* YYYY-MM-DD */
  char         *valid_to;     /* YYYY-MM-DD or 长期 */
} CaijiCardReading;

CaijiCardReading *caiji_card_reading_new  (CaijiCardSide           side);
CaijiCardReading *caiji_card_reading_copy (const CaijiCardReading *reading);
void              caiji_card_reading_free (CaijiCardReading       *reading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCardReading, caiji_card_reading_free)

G_END_DECLS
