/* caiji-card-slot.h: one side of the ID card in step 1: preview, take, upload */
#pragma once

#include <adwaita.h>

#include "caiji-camera-keeper.h"
#include "caiji-capture-analyzer.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_CARD_SLOT (caiji_card_slot_get_type ())
G_DECLARE_FINAL_TYPE (CaijiCardSlot, caiji_card_slot, CAIJI, CARD_SLOT, AdwBin)

void          caiji_card_slot_set_side    (CaijiCardSlot        *self,
                                           CaijiCardSide         side);
CaijiCardSide caiji_card_slot_get_side    (CaijiCardSlot        *self);
void          caiji_card_slot_set_capture (CaijiCardSlot        *self,
                                           CaijiCameraKeeper    *keeper,
                                           CaijiCaptureAnalyzer *analyzer);
void          caiji_card_slot_set_expected_name (CaijiCardSlot *self,
                                                 const char    *name);
void          caiji_card_slot_set_tip     (CaijiCardSlot        *self,
                                           const char           *tip);
void          caiji_card_slot_show_still  (CaijiCardSlot        *self,
                                           GdkTexture           *texture,
                                           const char           *badge_icon,
                                           const char           *message);
void          caiji_card_slot_reset       (CaijiCardSlot        *self);
gboolean      caiji_card_slot_take_automatically (CaijiCardSlot *self);

G_END_DECLS
