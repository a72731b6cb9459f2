/* caiji-photo-tuning.h: every threshold and region of the ID photo check, with why
 *
 * Face regions are in the canonical face: the picture turned and scaled so
 * the eyes lie level, PHOTO_EYE_DISTANCE pixels apart, and given here in
 * eye distances (u) from the midpoint between the eyes, x to the picture's
 * right, y down.  The figures come from measuring the shared test faces
 * and their generated degradations (tests/vision/test-photo-check.c prints
 * every measure; docs/photo-check.md has the table).
 */
#pragma once

typedef struct {
  double x0, y0, x1, y1;
} CaijiPhotoRegion;

/* ---- the canonical face ---- */
/* 80 px between the eyes: near what a standard 480×640 photo holds
 * (face width 240 ≈ 2.1 eye distances), so measuring needs no upscaling
 * for any acceptable photo. */
#define PHOTO_EYE_DISTANCE 80
#define PHOTO_CANVAS_WIDTH 240
#define PHOTO_CANVAS_HEIGHT 320
#define PHOTO_EYES_X 120
#define PHOTO_EYES_Y 140

static const CaijiPhotoRegion PHOTO_RIGHT_EYE  = { -0.80, -0.22, -0.20, 0.22 };  /* picture-left */
static const CaijiPhotoRegion PHOTO_LEFT_EYE   = {  0.20, -0.22,  0.80, 0.22 };
/* The eyes' own middle (iris, lashes), for seeing them at all. */
static const CaijiPhotoRegion PHOTO_RIGHT_PUPIL = { -0.70, -0.10, -0.30, 0.10 };
static const CaijiPhotoRegion PHOTO_LEFT_PUPIL  = {  0.30, -0.10,  0.70, 0.10 };
static const CaijiPhotoRegion PHOTO_RIGHT_CHEEK = { -0.65, 0.40, -0.28, 0.75 };
static const CaijiPhotoRegion PHOTO_LEFT_CHEEK  = {  0.28, 0.40,  0.65, 0.75 };
/* Between the brows and the hairline of a bare head. */
static const CaijiPhotoRegion PHOTO_FOREHEAD   = { -0.35, -0.85, 0.35, -0.50 };
/* Eyes, nose and mouth: where a sharp photo has edges. */
static const CaijiPhotoRegion PHOTO_INNER_FACE = { -0.85, -0.40, 0.85, 1.15 };
/* Where a frame of glasses runs: the bridge over the nose between the
 * eyes, and the lower rims under each eye. */
static const CaijiPhotoRegion PHOTO_BRIDGE      = { -0.14, -0.10, 0.14, 0.12 };
static const CaijiPhotoRegion PHOTO_RIGHT_RIM   = { -0.80, 0.18, -0.25, 0.36 };
static const CaijiPhotoRegion PHOTO_LEFT_RIM    = {  0.25, 0.18,  0.80, 0.36 };

/* ---- the faces ---- */
/* ---- pose ---- */
/* A frontal face's nose tip stands about 0.6 eye distances in front of
 * the eye plane, so turning by θ shifts it sideways by 0.6·u·sin θ. */
#define PHOTO_NOSE_DEPTH 0.6
/* Neutral height of the nose tip between the eye line (0) and the mouth
 * line (1) on a frontal face. */
/* 0.59 puts the frontal clean photos near 0° of pitch. */
#define PHOTO_NOSE_NEUTRAL 0.59
#define PHOTO_MAX_YAW 15.0
#define PHOTO_MAX_PITCH 20.0
/* YuNet's eyes under-read a turned picture: 12° of rotation measured
 * 7.0–12.5°, while frontal clean photos stay within 4.5°. */
#define PHOTO_MAX_ROLL 6.0

/* ---- light ---- */
/* Clean cheeks 107–209; a photo at 30 % exposure 65 and below. */
#define PHOTO_MIN_BRIGHTNESS 70.0
/* Skin pixels at or above this luma count as burnt out. */
#define PHOTO_HIGHLIGHT_LUMA 245
/* Clean skin at most 1.4 % burnt; glare spots and overexposure 4 % and up. */
#define PHOTO_MAX_HIGHLIGHTS 0.03
/* |ln(left / right cheek)|: clean 0–0.42 (rose_1, side-lit); one side
 * at 35 % light about 0.9. */
#define PHOTO_MAX_SHADOW 0.45

/* ---- sharpness and texture ---- */
/* Clean photos 0.037 and up (0.028: alex_3, a soft upscaled video
 * still); blurred by σ = 0.03 eye distances, 0.024 and below. */
#define PHOTO_MIN_SHARPNESS 0.03
/* Skin grain (caiji-photo-face.cpp): a difference of Gaussian blurs of
 * these σ, in pixels of the face at most PHOTO_EYE_DISTANCE wide, whose
 * mean size is taken per block of PHOTO_GRAIN_BLOCK eye distances. */
#define PHOTO_GRAIN_FINE 0.5
#define PHOTO_GRAIN_COARSE 1.6
#define PHOTO_GRAIN_BLOCK 0.1
#define PHOTO_GRAIN_MIN_BLOCK 4
/* Grey levels.  Clean photos 0.96 (rose_1) to 2.65; the same shrunk to
 * a 480×640 standard photo and saved at JPEG quality 45–90 (18–63 KB)
 * 0.83 and up.  A bilateral beauty filter, one pass, 0.28–0.77, three
 * passes 0.16–0.28, except one pass on kit_1 (0.94): a face 54 px between
 * the eyes, where the filter's reach of 3 px leaves the grain.  Video
 * stills are as flat as filtered photos (lin_1 0.40, alex_3 0.61).  The
 * margins are thin on both sides; docs/photo-check.md has the table. */
#define PHOTO_MIN_SKIN_TEXTURE 0.80

/* ---- eyes, glasses, hat ---- */
/* Clean eyes 0.69 and up; eyes covered with skin colour 0.37 and below. */
#define PHOTO_MIN_EYE_CONTRAST 0.50
/* Clean faces 0.69–2.05 (wrinkles and bags under old eyes score
 * highest); drawn frames 3.2 and up.  Real rimless glasses are fainter
 * than any drawn frame: untested here. */
#define PHOTO_MAX_GLASSES 2.6
/* Bare foreheads 0.93 and up; drawn hats and caps 0.06 and below. */
#define PHOTO_MIN_FOREHEAD_SKIN 0.45
/* A forehead pixel looks like skin within these distances of the cheeks'
 * median in YCrCb. */
#define PHOTO_SKIN_CHROMA 14
/* Luma is lopsided: a forehead faces the light more than the cheeks and
 * is often far brighter (up to 70 brighter on the clean photos), but never
 * much darker (every clean forehead keeps its share at 20 darker), while
 * a hat shades it: a brown hat with the very chroma of the skin under it
 * was 40 darker and more. */
#define PHOTO_SKIN_BRIGHTER 70
#define PHOTO_SKIN_DARKER 30

/* ---- background ---- */
/* The top corners of the standard photo beside the head: outside a
 * centred band 1.5 face widths wide (the hair), between these shares of
 * the photo's height. */
#define PHOTO_BACKGROUND_HEAD 1.5
#define PHOTO_BACKGROUND_TOP 0.02
#define PHOTO_BACKGROUND_BOTTOM 0.30
/* Plain light walls (alex_1, alex_2): luma 158–233, detail 2.9–3.3.
 * Rooms, flags and crowds: darker than 150 or detail 5.5 and up, except
 * defocused ones, which only the luma catches. */
#define PHOTO_MIN_BACKGROUND_LUMA 150.0
#define PHOTO_MAX_BACKGROUND_DETAIL 4.5

/* ---- the standard photo ---- */
/* A face box this share of its width from the picture's side is cut off
 * there (the detector shrinks the box of a face cut by the border). */
#define PHOTO_EDGE_MARGIN 0.05
/* The face may sit this share of the photo's width off its centre. */
#define PHOTO_CENTRE_TOLERANCE 0.05
/* In a picture that already has the profile's size (a standard photo
 * uploaded again), a face this share narrower than the profile's minimum
 * still counts as wide enough: the detector's box for one face varies by
 * more between sizes of the picture (alex_1, framed at 207 px for GA 461,
 * measured 189.5 in its own standard photo).  Any other picture is held
 * to the minimum itself, since it would have to be enlarged. */
#define PHOTO_FACE_WIDTH_TOLERANCE 0.05
#define PHOTO_JPEG_MIN_QUALITY 20
#define PHOTO_JPEG_MAX_QUALITY 95
#define PHOTO_JPEG_QUALITY 90
