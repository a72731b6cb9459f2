/* caiji-photo-check.h: the standard ID photo check (照片识别) and the standard photo
 *
 * One uploaded picture is checked the way a strict registration office
 * checks an ID photo: exactly one face, whole and large enough, sharp,
 * evenly lit, in front of a plain light background, facing the camera
 * with the eyes visible, no glasses, no hat, no beauty filter.  A photo
 * that passes is cropped and scaled from the face's landmarks to the
 * profile's standard photo (never upscaled) and encoded as JPEG inside the
 * profile's file-size band.  The thresholds and their rationale are in
 * caiji-photo-tuning.h; docs/photo-check.md has the measured catch and
 * false-alarm rates.  Like caiji-face.h, safe on any thread, never on the
 * UI thread.
 */
#pragma once

#include <glib.h>

#include "caiji-face.h"
#include "caiji-image.h"

G_BEGIN_DECLS

/* In the order a candidate should fix them: the first one found is the
 * one the kiosk shows. */
typedef enum {
  CAIJI_PHOTO_PROBLEM_NO_FACE,
  CAIJI_PHOTO_PROBLEM_SEVERAL_FACES,
  CAIJI_PHOTO_PROBLEM_CUT_OFF,         /* 照片不完整: face, head top or shoulders outside the photo */
  CAIJI_PHOTO_PROBLEM_NOT_CENTRED,
  CAIJI_PHOTO_PROBLEM_FACE_TOO_SMALL,  /* would need upscaling to the profile */
  CAIJI_PHOTO_PROBLEM_POSE,
  CAIJI_PHOTO_PROBLEM_EYES_HIDDEN,
  CAIJI_PHOTO_PROBLEM_GLASSES,         /* 带眼镜 */
  CAIJI_PHOTO_PROBLEM_HAT,             /* 戴帽子 */
  CAIJI_PHOTO_PROBLEM_BLURRY,          /* 照片模糊 */
  CAIJI_PHOTO_PROBLEM_TOO_DARK,        /* 光线太暗 */
  CAIJI_PHOTO_PROBLEM_OVEREXPOSED,     /* 过曝 */
  CAIJI_PHOTO_PROBLEM_UNEVEN_LIGHT,    /* 阴影 */
  CAIJI_PHOTO_PROBLEM_BACKGROUND,
  CAIJI_PHOTO_PROBLEM_BEAUTY_FILTER,   /* 美颜滤镜 */
  CAIJI_PHOTO_N_PROBLEMS
} CaijiPhotoProblem;

/* Where the picture comes from.  A still of the kiosk's own camera
 * cannot have been retouched, so it is not judged for a beauty filter:
 * a webcam's noise reduction and video compression flatten skin the same
 * way (the video stills lin_1 and alex_3 measure like filtered photos),
 * and the candidate would be refused at every retake. */
typedef enum {
  CAIJI_PHOTO_SOURCE_FILE,     /* an uploaded picture */
  CAIJI_PHOTO_SOURCE_CAMERA,   /* a still of the kiosk's camera */
} CaijiPhotoSource;

typedef struct {
  const char *name;              /* "xuexin" */
  guint       width;             /* of the standard photo */
  guint       height;
  guint       min_face_width;    /* YuNet box width in the standard photo */
  guint       max_face_width;
  guint       min_eyes_from_top; /* the eye line, in the standard photo */
  guint       max_eyes_from_top;
  gsize       min_bytes;         /* JPEG size band; 0 … 0 means no band */
  gsize       max_bytes;
  gboolean    glasses_allowed;   /* GA 461: habitual wearers keep them on */
} CaijiPhotoProfile;

/* What the checks measured, for the report, the tests and tuning. */
typedef struct {
  double face_width;     /* YuNet box width, picture pixels */
  double eye_distance;   /* picture pixels */
  double yaw;            /* degrees, estimated from the landmarks */
  double pitch;
  double roll;
  double sharpness;      /* contrast-normalised Laplacian energy of the inner face */
  double brightness;     /* median luma of the skin, 0 … 255 */
  double highlights;     /* share of skin pixels at or near white */
  double shadow;         /* |log ratio| of the two cheeks' luma */
  double background_luma;
  double background_detail;  /* mean gradient of the background, luma per pixel */
  double eye_contrast;   /* the darker of the two eyes against the cheeks */
  double glasses;        /* rim and bridge edge energy against the cheeks' */
  double forehead_skin;  /* share of the forehead that looks like the cheeks' skin */
  double skin_texture;   /* the forehead skin's grain in grey levels; -1: forehead not all in the picture */
} CaijiPhotoMeasures;

typedef struct {
  const CaijiPhotoProfile *profile;
  CaijiPhotoSource    source;
  guint               faces;
  CaijiFace           face;          /* the largest, when faces > 0 */
  guint               problems;      /* bit 1 << CaijiPhotoProblem */
  CaijiPhotoMeasures  measures;
  double              quality;       /* 0 … 1: the detector's score, 0 when refused */
  CaijiImage         *standard;      /* the standard photo, when no problem */
  GBytes             *standard_jpeg; /* …encoded inside the profile's size band */
  int                 jpeg_quality;
} CaijiPhotoReport;

const CaijiPhotoProfile *caiji_photo_profile_default (void);
/* NULL for an unknown name. */
const CaijiPhotoProfile *caiji_photo_profile_find    (const char *name);
/* The profile names, NULL-terminated. */
const char *const       *caiji_photo_profile_names   (void);

/* Fails only when the detector cannot run (a missing model, OpenCV
 * failing on the input); a refused photo is a report with problems. */
CaijiPhotoReport *caiji_photo_check          (const CaijiImage        *image,
                                              const CaijiPhotoProfile *profile,
                                              CaijiPhotoSource         source,
                                              GError                 **error);
void              caiji_photo_report_free    (CaijiPhotoReport        *report);
gboolean          caiji_photo_report_has     (const CaijiPhotoReport  *report,
                                              CaijiPhotoProblem        problem);
/* CAIJI_PHOTO_N_PROBLEMS when the photo passed. */
CaijiPhotoProblem caiji_photo_report_first   (const CaijiPhotoReport  *report);

/* "no_face", "blurry", …: stable, for scripts and the JSON output. */
const char       *caiji_photo_problem_code    (CaijiPhotoProblem       problem);
/* Translated, for the candidate: what is wrong and what to do. */
const char       *caiji_photo_problem_message (CaijiPhotoProblem       problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiPhotoReport, caiji_photo_report_free)

G_END_DECLS
