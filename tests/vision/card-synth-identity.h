/* card-synth-identity.h: random but valid identities for the synthetic cards */
#pragma once

#include <glib.h>

#include "caiji-card-reading.h"

G_BEGIN_DECLS

/* Both sides of one synthetic person's card: the front carries name, sex,
 * nation, birth, address and number; the back authority and validity. */
void  card_synth_identity_new   (GRand             *rand,
                                 CaijiCardReading **front,
                                 CaijiCardReading **back);
char *card_synth_random_hanzi   (GRand             *rand,
                                 guint              count);

G_END_DECLS
