/* photo-variants.cpp: degraded versions of a face photo, drawn at test time
 *
 * Sizes are in eye distances (u), so a defect is as strong on a small face
 * as on a large one.  The overlays (glasses, hats, clutter) are drawn
 * here with OpenCV's primitives, not taken from any picture.
 */
#include "photo-variants.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "caiji-image-private.h"

namespace {

struct Geometry {
  cv::Point2d right_eye, left_eye, middle;
  double      u;       /* eye distance */
  double      angle;   /* of the eye line, radians */
};

struct VariantInfo {
  const char       *name;
  CaijiPhotoProblem problem;
};

const VariantInfo VARIANTS[PHOTO_N_VARIANTS] = {
  { "blur", CAIJI_PHOTO_PROBLEM_BLURRY },
  { "dark", CAIJI_PHOTO_PROBLEM_TOO_DARK },
  { "overexposed", CAIJI_PHOTO_PROBLEM_OVEREXPOSED },
  { "glare", CAIJI_PHOTO_PROBLEM_OVEREXPOSED },
  { "shadow", CAIJI_PHOTO_PROBLEM_UNEVEN_LIGHT },
  { "cut-top", CAIJI_PHOTO_PROBLEM_CUT_OFF },
  { "cut-side", CAIJI_PHOTO_PROBLEM_CUT_OFF },
  { "off-centre", CAIJI_PHOTO_PROBLEM_NOT_CENTRED },
  { "rotate-12", CAIJI_PHOTO_PROBLEM_POSE },
  { "rotate-25", CAIJI_PHOTO_PROBLEM_POSE },
  { "small-face", CAIJI_PHOTO_PROBLEM_FACE_TOO_SMALL },
  { "clutter", CAIJI_PHOTO_PROBLEM_BACKGROUND },
  { "dark-wall", CAIJI_PHOTO_PROBLEM_BACKGROUND },
  { "glasses", CAIJI_PHOTO_PROBLEM_GLASSES },
  { "thin-glasses", CAIJI_PHOTO_PROBLEM_GLASSES },
  { "sunglasses", CAIJI_PHOTO_PROBLEM_GLASSES },
  { "hat", CAIJI_PHOTO_PROBLEM_HAT },
  { "cap", CAIJI_PHOTO_PROBLEM_HAT },
  { "eyes-covered", CAIJI_PHOTO_PROBLEM_EYES_HIDDEN },
  { "beauty", CAIJI_PHOTO_PROBLEM_BEAUTY_FILTER },
  { "beauty-strong", CAIJI_PHOTO_PROBLEM_BEAUTY_FILTER },
};

Geometry
geometry_of (const CaijiFace *face)
{
  Geometry g;

  g.right_eye = cv::Point2d (face->landmarks[CAIJI_FACE_RIGHT_EYE].x, face->landmarks[CAIJI_FACE_RIGHT_EYE].y);
  g.left_eye = cv::Point2d (face->landmarks[CAIJI_FACE_LEFT_EYE].x, face->landmarks[CAIJI_FACE_LEFT_EYE].y);
  g.middle = (g.right_eye + g.left_eye) * 0.5;
  g.u = cv::norm (g.left_eye - g.right_eye);
  g.angle = std::atan2 (g.left_eye.y - g.right_eye.y, g.left_eye.x - g.right_eye.x);
  return g;
}

/* A point @x, @y eye distances from the eyes' midpoint, in the face's own
 * frame (turned with its eye line). */
cv::Point
at (const Geometry &g,
    double          x,
    double          y)
{
  double c = std::cos (g.angle), s = std::sin (g.angle);

  return cv::Point ((int) std::lround (g.middle.x + g.u * (x * c - y * s)),
                    (int) std::lround (g.middle.y + g.u * (x * s + y * c)));
}

int
thickness (const Geometry &g,
           double          share)
{
  return std::max (1, (int) std::lround (share * g.u));
}

cv::Mat
scaled (const cv::Mat &bgr,
        double         gain,
        double         offset)
{
  cv::Mat out;

  bgr.convertTo (out, -1, gain, offset);
  return out;
}

cv::Mat
rotated (const cv::Mat  &bgr,
         const Geometry &g,
         double          degrees)
{
  cv::Mat out;

  cv::warpAffine (bgr, out, cv::getRotationMatrix2D (g.middle, degrees, 1.0), bgr.size (),
                  cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  return out;
}

/* Light falling off across the face: full on the picture's left, 35 %
 * beyond the nose. */
cv::Mat
shadowed (const cv::Mat  &bgr,
          const Geometry &g)
{
  cv::Mat out = bgr.clone ();

  for (int x = 0; x < out.cols; x++)
    {
      double t = std::clamp ((x - (g.middle.x - 0.3 * g.u)) / (0.6 * g.u), 0.0, 1.0);
      cv::Mat column = out.col (x);

      column.convertTo (column, -1, 1.0 - 0.65 * t);
    }
  return out;
}

cv::Mat
glared (const cv::Mat  &bgr,
        const Geometry &g)
{
  cv::Mat spot = cv::Mat::zeros (bgr.size (), CV_8U), weight, image, out;

  cv::ellipse (spot, at (g, -0.45, 0.55), cv::Size ((int) (0.45 * g.u), (int) (0.35 * g.u)), 0, 0, 360, 255, -1);
  cv::ellipse (spot, at (g, 0.1, -0.7), cv::Size ((int) (0.5 * g.u), (int) (0.25 * g.u)), 0, 0, 360, 255, -1);
  cv::GaussianBlur (spot, spot, cv::Size (0, 0), 0.08 * g.u);
  /* out = image · (1 − w) + 255 · w */
  cv::cvtColor (spot, weight, cv::COLOR_GRAY2BGR);
  weight.convertTo (weight, CV_32FC3, 1 / 255.0);
  bgr.convertTo (image, CV_32FC3);
  image = image.mul (cv::Scalar::all (1) - weight) + weight * 255;
  image.convertTo (out, CV_8UC3);
  return out;
}

cv::Mat
cropped (const cv::Mat &bgr,
         cv::Rect       keep)
{
  return bgr (keep & cv::Rect (0, 0, bgr.cols, bgr.rows)).clone ();
}

/* What lies outside the head and shoulders: above the hair, and beside
 * the head down to the chin. */
cv::Mat
background_mask (const cv::Mat  &bgr,
                 const Geometry &g)
{
  cv::Mat mask (bgr.size (), CV_8U, cv::Scalar (255));
  std::vector<cv::Point> person = {
    at (g, -1.5, -2.1), at (g, 1.5, -2.1), at (g, 1.6, 1.9), at (g, 4.0, 3.2), at (g, 4.0, 40),
    at (g, -4.0, 40), at (g, -4.0, 3.2), at (g, -1.6, 1.9),
  };

  cv::fillPoly (mask, std::vector<std::vector<cv::Point>> { person }, cv::Scalar (0));
  return mask;
}

cv::Mat
cluttered (const cv::Mat  &bgr,
           const Geometry &g,
           cv::RNG        &rng)
{
  cv::Mat clutter = bgr.clone (), out = bgr.clone ();

  for (int i = 0; i < 400; i++)
    {
      cv::Point a (rng.uniform (0, bgr.cols), rng.uniform (0, bgr.rows));
      cv::Point b = a + cv::Point (rng.uniform (-1, 2) * (int) g.u, rng.uniform (-1, 2) * (int) g.u);
      cv::Scalar colour (rng.uniform (0, 256), rng.uniform (0, 256), rng.uniform (0, 256));

      if (i % 2 == 0)
        cv::rectangle (clutter, a, b, colour, -1);
      else
        cv::line (clutter, a, b, colour, thickness (g, 0.05));
    }
  clutter.copyTo (out, background_mask (bgr, g));
  return out;
}

cv::Mat
dark_wall (const cv::Mat  &bgr,
           const Geometry &g)
{
  cv::Mat out = bgr.clone ();

  out.setTo (cv::Scalar (70, 62, 58), background_mask (bgr, g));
  return out;
}

void
draw_glasses (cv::Mat        &bgr,
              const Geometry &g,
              double          rim,
              bool            tinted)
{
  cv::Scalar colour (20, 20, 25);
  double degrees = g.angle * 180 / CV_PI;
  cv::Size lens ((int) (0.3 * g.u), (int) (0.2 * g.u));

  for (double side : { -0.5, 0.5 })
    {
      if (tinted)
        cv::ellipse (bgr, at (g, side, 0.03), lens, degrees, 0, 360, cv::Scalar (30, 30, 30), -1, cv::LINE_AA);
      cv::ellipse (bgr, at (g, side, 0.03), lens, degrees, 0, 360, colour, thickness (g, rim), cv::LINE_AA);
      cv::line (bgr, at (g, side * 1.6, -0.02), at (g, side * 2.1, 0.0), colour, thickness (g, rim), cv::LINE_AA);
    }
  cv::line (bgr, at (g, -0.2, -0.02), at (g, 0.2, -0.02), colour, thickness (g, rim), cv::LINE_AA);
}

void
draw_hat (cv::Mat        &bgr,
          const Geometry &g,
          bool            cap,
          cv::RNG        &rng)
{
  cv::Scalar colour (rng.uniform (0, 120), rng.uniform (0, 120), rng.uniform (0, 200));
  std::vector<cv::Point> crown = { at (g, -1.15, -0.5), at (g, -1.0, -1.9), at (g, 0, -2.3), at (g, 1.0, -1.9), at (g, 1.15, -0.5) };

  cv::fillPoly (bgr, std::vector<std::vector<cv::Point>> { crown }, colour, cv::LINE_AA);
  if (cap)
    cv::ellipse (bgr, at (g, 0.2, -0.5), cv::Size ((int) (1.3 * g.u), (int) (0.18 * g.u)), g.angle * 180 / CV_PI,
                 0, 360, colour * 0.7, -1, cv::LINE_AA);
  else
    cv::rectangle (bgr, at (g, -1.6, -0.62), at (g, 1.6, -0.45), colour * 0.8, -1);
}

/* Skin colour over the eyes, as if hair or a hand hid them. */
cv::Mat
eyes_covered (const cv::Mat  &bgr,
              const Geometry &g)
{
  cv::Mat out = bgr.clone ();
  cv::Point cheek = at (g, -0.45, 0.55);
  cv::Scalar skin = cv::mean (bgr (cv::Rect (cheek - cv::Point ((int) (0.1 * g.u), (int) (0.1 * g.u)),
                                             cv::Size ((int) (0.2 * g.u) + 1, (int) (0.2 * g.u) + 1))
                                   & cv::Rect (0, 0, bgr.cols, bgr.rows)));

  for (double side : { -0.5, 0.5 })
    cv::ellipse (out, at (g, side, 0), cv::Size ((int) (0.32 * g.u), (int) (0.2 * g.u)), g.angle * 180 / CV_PI,
                 0, 360, skin, -1, cv::LINE_AA);
  return out;
}

/* What phone beauty modes do: an edge-preserving blur of the skin, so the
 * eyes and the outline stay sharp and the texture goes. */
cv::Mat
beautified (const cv::Mat  &bgr,
            const Geometry &g,
            int             passes)
{
  cv::Mat out = bgr.clone ();
  cv::Rect face = cv::Rect (at (g, -1.3, -1.4), at (g, 1.3, 1.9)) & cv::Rect (0, 0, bgr.cols, bgr.rows);
  cv::Mat region = out (face).clone ();

  for (int i = 0; i < passes; i++)
    {
      cv::Mat smooth;

      cv::bilateralFilter (region, smooth, -1, 30, std::max (2.0, 0.06 * g.u));
      region = smooth;
    }
  region.copyTo (out (face));
  return out;
}

cv::Mat
make (const cv::Mat           &bgr,
      const CaijiFace         *face,
      const CaijiPhotoProfile *profile,
      PhotoVariant             variant,
      cv::RNG                 &rng)
{
  Geometry g = geometry_of (face);
  cv::Mat out;

  switch (variant)
    {
    case PHOTO_VARIANT_BLUR:
      cv::GaussianBlur (bgr, out, cv::Size (0, 0), 0.03 * g.u);
      return out;
    case PHOTO_VARIANT_DARK:
      return scaled (bgr, 0.3, 0);
    case PHOTO_VARIANT_OVEREXPOSED:
      return scaled (bgr, 1.8, 40);
    case PHOTO_VARIANT_GLARE:
      return glared (bgr, g);
    case PHOTO_VARIANT_SHADOW:
      return shadowed (bgr, g);
    case PHOTO_VARIANT_CUT_TOP:
      return cropped (bgr, cv::Rect (0, (int) (g.middle.y - 0.6 * g.u), bgr.cols, bgr.rows));
    case PHOTO_VARIANT_CUT_SIDE:
      return cropped (bgr, cv::Rect ((int) (face->x + 0.2 * face->width), 0, bgr.cols, bgr.rows));
    case PHOTO_VARIANT_OFF_CENTRE:
      /* The face near the left edge of a picture wide enough to frame it. */
      out = cropped (bgr, cv::Rect ((int) (face->x - 0.15 * face->width), 0, bgr.cols, bgr.rows));
      cv::copyMakeBorder (out, out, 0, 0, 0, (int) (2 * face->width), cv::BORDER_REPLICATE);
      return out;
    case PHOTO_VARIANT_ROTATE_SMALL:
      return rotated (bgr, g, 12);
    case PHOTO_VARIANT_ROTATE_LARGE:
      return rotated (bgr, g, -25);
    case PHOTO_VARIANT_SMALL_FACE:
      cv::resize (bgr, out, cv::Size (), 0.7 * profile->min_face_width / face->width,
                  0.7 * profile->min_face_width / face->width, cv::INTER_AREA);
      return out;
    case PHOTO_VARIANT_CLUTTER:
      return cluttered (bgr, g, rng);
    case PHOTO_VARIANT_DARK_WALL:
      return dark_wall (bgr, g);
    case PHOTO_VARIANT_GLASSES:
    case PHOTO_VARIANT_THIN_GLASSES:
    case PHOTO_VARIANT_SUNGLASSES:
      out = bgr.clone ();
      draw_glasses (out, g, variant == PHOTO_VARIANT_THIN_GLASSES ? 0.025 : 0.06, variant == PHOTO_VARIANT_SUNGLASSES);
      return out;
    case PHOTO_VARIANT_HAT:
    case PHOTO_VARIANT_CAP:
      out = bgr.clone ();
      draw_hat (out, g, variant == PHOTO_VARIANT_CAP, rng);
      return out;
    case PHOTO_VARIANT_EYES_COVERED:
      return eyes_covered (bgr, g);
    case PHOTO_VARIANT_BEAUTY:
      return beautified (bgr, g, 1);
    case PHOTO_VARIANT_BEAUTY_STRONG:
    default:
      return beautified (bgr, g, 3);
    }
}

} // namespace

const char *
photo_variant_name (PhotoVariant variant)
{
  return VARIANTS[variant].name;
}

CaijiPhotoProblem
photo_variant_problem (PhotoVariant variant)
{
  return VARIANTS[variant].problem;
}

CaijiImage *
photo_variant_new (const CaijiImage        *image,
                   const CaijiFace         *face,
                   const CaijiPhotoProfile *profile,
                   PhotoVariant             variant,
                   guint32                  seed)
{
  cv::RNG rng (seed);

  return caiji_image_wrap (make (image->bgr, face, profile, variant, rng));
}
