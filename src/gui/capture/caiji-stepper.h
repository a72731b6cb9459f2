/* caiji-stepper.h: 证件识别 · 照片识别 · 人脸识别, with the current step marked */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAIJI_TYPE_STEPPER (caiji_stepper_get_type ())
G_DECLARE_FINAL_TYPE (CaijiStepper, caiji_stepper, CAIJI, STEPPER, AdwBin)

void caiji_stepper_set_step (CaijiStepper *self,
                             guint         step);

G_END_DECLS
