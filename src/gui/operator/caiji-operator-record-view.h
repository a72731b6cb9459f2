/* caiji-operator-record-view.h: one record as an operator reviews it */
#pragma once

#include <adwaita.h>

#include "caiji-operator-tasks.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_RECORD_VIEW (caiji_operator_record_view_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorRecordView, caiji_operator_record_view, CAIJI, OPERATOR_RECORD_VIEW, AdwBin)

void caiji_operator_record_view_set_entry    (CaijiOperatorRecordView  *self,
                                              const CaijiOperatorEntry *entry);
/* NULL while loading; else CAIJI_IMAGE_N_KINDS slots (GdkTexture or NULL). */
void caiji_operator_record_view_set_textures (CaijiOperatorRecordView  *self,
                                              GPtrArray                *textures);

G_END_DECLS
