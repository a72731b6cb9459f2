/* caiji-live-analysis.h: analysis of the newest preview frame, one at a time */
#pragma once

#include "caiji-camera-keeper.h"
#include "caiji-capture-jobs.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_LIVE_ANALYSIS (caiji_live_analysis_get_type ())
G_DECLARE_FINAL_TYPE (CaijiLiveAnalysis, caiji_live_analysis, CAIJI, LIVE_ANALYSIS, GObject)

CaijiLiveAnalysis *caiji_live_analysis_new   (CaijiCameraKeeper    *keeper,
                                              CaijiCaptureAnalyzer *analyzer,
                                              CaijiCaptureJob       job);
void               caiji_live_analysis_start (CaijiLiveAnalysis    *self);
void               caiji_live_analysis_stop  (CaijiLiveAnalysis    *self);
CaijiFrame        *caiji_live_analysis_get_frame (CaijiLiveAnalysis *self);

G_END_DECLS
