/* caiji-card-agreement.h: a camera read of the portrait side counts once two frames agree
 *
 * A misread number passes GB 11643's check character about one time in
 * eleven, and the birth/sex cross-check does not catch every such case;
 * two frames misreading to the same valid number and name is far rarer.
 * The slot collects the readings of successive frames here and accepts
 * the first that agrees with an earlier one.
 */
#pragma once

#include "caiji-card-reading.h"

G_BEGIN_DECLS

typedef struct _CaijiCardAgreement CaijiCardAgreement;

CaijiCardAgreement *caiji_card_agreement_new      (void);
void                caiji_card_agreement_free     (CaijiCardAgreement     *self);
void                caiji_card_agreement_clear    (CaijiCardAgreement     *self);
/* Whether the reading needs a second frame at all: a portrait side with
 * a number.  Refusals and the emblem side are shown as they come. */
gboolean            caiji_card_agreement_needed   (const CaijiCardReading *reading);
/* TRUE when an earlier frame read the same side, number and name;
 * otherwise the reading is kept for the next frame to agree with. */
gboolean            caiji_card_agreement_add      (CaijiCardAgreement     *self,
                                                   const CaijiCardReading *reading);
guint               caiji_card_agreement_frames   (CaijiCardAgreement     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCardAgreement, caiji_card_agreement_free)

G_END_DECLS
