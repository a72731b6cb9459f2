/* caiji-camera-keeper.h: keeps the kiosk's one camera running while a page shows it
 *
 * Capture pages hold the camera while they are on screen, so it runs only
 * when someone can see the preview.  When it fails (unplugged, demo
 * folder missing) the keeper says so in "problem" and starts it again
 * every few seconds until it works, without anyone pressing anything.
 */
#pragma once

#include <gio/gio.h>

#include "caiji-camera.h"

G_BEGIN_DECLS

#define CAIJI_CAMERA_KEEPER_RETRY_SECONDS 3

#define CAIJI_TYPE_CAMERA_KEEPER (caiji_camera_keeper_get_type ())
G_DECLARE_FINAL_TYPE (CaijiCameraKeeper, caiji_camera_keeper, CAIJI, CAMERA_KEEPER, GObject)

CaijiCameraKeeper *caiji_camera_keeper_new         (CaijiCamera       *camera,
                                                    guint              retry_seconds);
CaijiCamera       *caiji_camera_keeper_get_camera  (CaijiCameraKeeper *self);
void               caiji_camera_keeper_hold        (CaijiCameraKeeper *self);
void               caiji_camera_keeper_release     (CaijiCameraKeeper *self);
void               caiji_camera_keeper_retry_now   (CaijiCameraKeeper *self);
const char        *caiji_camera_keeper_get_problem (CaijiCameraKeeper *self);

G_END_DECLS
