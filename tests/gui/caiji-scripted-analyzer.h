/* caiji-scripted-analyzer.h: a test double of the vision for the widget tests
 *
 * Answers what the test scripted, whatever the picture shows, so a test
 * can walk the screens through a pass, a failure, a wrong side or a
 * non-card.  Thread-safe: the screens call it on worker threads.
 */
#pragma once

#include "caiji-capture-analyzer.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_SCRIPTED_ANALYZER (caiji_scripted_analyzer_get_type ())
G_DECLARE_FINAL_TYPE (CaijiScriptedAnalyzer, caiji_scripted_analyzer, CAIJI, SCRIPTED_ANALYZER, GObject)

CaijiScriptedAnalyzer *caiji_scripted_analyzer_new       (void);
/* reading NULL: card reading unavailable, as on a kiosk without it. */
void caiji_scripted_analyzer_set_card  (CaijiScriptedAnalyzer  *self,
                                        const CaijiCardReading *reading,
                                        CaijiCardTip            tip);
void caiji_scripted_analyzer_set_photo (CaijiScriptedAnalyzer  *self,
                                        guint                   faces,
                                        const char             *problem,
                                        double                  quality);
void caiji_scripted_analyzer_set_face  (CaijiScriptedAnalyzer  *self,
                                        gboolean                has_face);
void caiji_scripted_analyzer_set_no_detector (CaijiScriptedAnalyzer *self,
                                              gboolean               no_detector);
void caiji_scripted_analyzer_set_match (CaijiScriptedAnalyzer  *self,
                                        CaijiFaceOutcome        outcome,
                                        double                  score);
/* The head pose of successive preview frames, replayed in a loop (NAN:
 * no face in that frame).  NULL
 * (the default): a candidate who does as asked, looking ahead, then
 * turning left, ahead, right, ahead, so any challenge is met in time. */
void caiji_scripted_analyzer_set_yaws  (CaijiScriptedAnalyzer  *self,
                                        const double           *yaws,
                                        guint                   n_yaws);
/* Step 3 on the real vision: sight_face and match_face go to vision
 * (the rest stays scripted). */
void caiji_scripted_analyzer_set_face_vision (CaijiScriptedAnalyzer *self,
                                              CaijiCaptureAnalyzer  *vision);
void caiji_scripted_analyzer_set_live_tips (CaijiScriptedAnalyzer *self,
                                            const CaijiCardTip    *script,
                                            guint                  n_script,
                                            CaijiCardTip           live_tip);
void caiji_scripted_analyzer_set_card_unsteady (CaijiScriptedAnalyzer *self,
                                                gboolean               unsteady);
guint caiji_scripted_analyzer_get_card_reads (CaijiScriptedAnalyzer *self,
                                              guint                 *tips_at_first_read);
guint caiji_scripted_analyzer_get_tips (CaijiScriptedAnalyzer *self);
guint caiji_scripted_analyzer_get_matches (CaijiScriptedAnalyzer *self);
char *caiji_scripted_analyzer_dup_expected_name (CaijiScriptedAnalyzer *self);
int   caiji_scripted_analyzer_get_photo_from_camera (CaijiScriptedAnalyzer *self);

G_END_DECLS
