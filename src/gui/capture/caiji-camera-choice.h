/* caiji-camera-choice.h: which camera the kiosk uses */
#pragma once

#include <gio/gio.h>

#include "caiji-camera.h"

G_BEGIN_DECLS

CaijiCamera *caiji_camera_choose (gboolean    demo,
                                  const char *demo_dir,
                                  GSettings  *settings);

G_END_DECLS
