/* caiji-card-find.cpp: the card's outline in a frame, the rectified card and the live tip
 *
 * Candidate quadrilaterals come from contours of several edge and
 * threshold maps; a candidate must have the ID-1 aspect and lie on
 * detected edges along at least CARD_EDGE_SUPPORT of each side.  Of the
 * survivors with the most card-like rim (CARD_RIM_TIE), the largest is
 * rectified by perspective to the canonical size.
 */
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "caiji-card-private.h"
#include "caiji-card-tuning.h"
#include "caiji-image-private.h"

namespace {

typedef std::vector<cv::Point2f> Quad;

/* Top-left first, clockwise, with the long side on top: the order the
 * rectifying transform expects.  Which long side is "top" is left to the
 * side classifier, which retries upside down. */
Quad
order_corners (const std::vector<cv::Point> &poly)
{
  Quad q;
  cv::Point2f centre (0, 0);

  for (const cv::Point &p : poly)
    {
      q.emplace_back ((float) p.x, (float) p.y);
      centre += q.back () * 0.25f;
    }
  std::sort (q.begin (), q.end (), [&] (const cv::Point2f &a, const cv::Point2f &b) {
    return std::atan2 (a.y - centre.y, a.x - centre.x) < std::atan2 (b.y - centre.y, b.x - centre.x);
  });
  /* atan2 order starting near -180° is clockwise in image coordinates
   * from the left; rotate so the top-left (smallest x + y) comes first. */
  auto first = std::min_element (q.begin (), q.end (), [] (const cv::Point2f &a, const cv::Point2f &b) {
    return a.x + a.y < b.x + b.y;
  });
  std::rotate (q.begin (), first, q.end ());
  if (cv::norm (q[1] - q[0]) + cv::norm (q[3] - q[2]) < cv::norm (q[2] - q[1]) + cv::norm (q[0] - q[3]))
    std::rotate (q.begin (), q.begin () + 3, q.end ());
  return q;
}

gboolean
has_card_aspect (const Quad &q)
{
  double long_side = (cv::norm (q[1] - q[0]) + cv::norm (q[3] - q[2])) / 2;
  double short_side = (cv::norm (q[2] - q[1]) + cv::norm (q[0] - q[3])) / 2;
  double aspect = short_side > 0 ? long_side / short_side : 0;

  return std::fabs (aspect / CARD_ASPECT - 1) <= CARD_ASPECT_TOLERANCE;
}

/* Edge pixels with the direction of their gradient, so that support for a
 * side counts only edges running along it: text rows and crossing clutter
 * have edges there too, but mostly at other angles. */
struct EdgeMap {
  cv::Mat edges;       /* CV_8U, Canny */
  cv::Mat gx, gy;      /* CV_32F, Sobel */
  cv::Mat colour;      /* CV_8UC3, the work image */
};

/* A card's edge is a step between two regions; a thin line drawn on the
 * desk is a ridge with the same colour on both sides. */
gboolean
is_step (const EdgeMap &map, const cv::Point &p, const cv::Point2f &normal)
{
  cv::Point offset (cvRound (normal.x * CARD_STEP_OFFSET), cvRound (normal.y * CARD_STEP_OFFSET));
  cv::Point in = p + offset, out = p - offset;
  cv::Rect bounds (0, 0, map.colour.cols, map.colour.rows);

  if (!bounds.contains (in) || !bounds.contains (out))
    return FALSE;
  return cv::norm (cv::Vec3i (map.colour.at<cv::Vec3b> (in)) - cv::Vec3i (map.colour.at<cv::Vec3b> (out))) >= CARD_STEP_MIN;
}

gboolean
edge_along (const EdgeMap &map, const cv::Point &p, const cv::Point2f &normal)
{
  for (int dy = -CARD_EDGE_TOLERANCE; dy <= CARD_EDGE_TOLERANCE; dy++)
    for (int dx = -CARD_EDGE_TOLERANCE; dx <= CARD_EDGE_TOLERANCE; dx++)
      {
        cv::Point q (p.x + dx, p.y + dy);
        float gx, gy, norm;

        if (q.x < 0 || q.y < 0 || q.x >= map.edges.cols || q.y >= map.edges.rows || map.edges.at<uchar> (q) == 0)
          continue;
        gx = map.gx.at<float> (q);
        gy = map.gy.at<float> (q);
        norm = std::sqrt (gx * gx + gy * gy);
        if (norm > 0 && std::fabs (gx * normal.x + gy * normal.y) / norm >= CARD_EDGE_ALIGNMENT)
          return TRUE;
      }
  return FALSE;
}

/* Share of points along a-b (skipping the rounded corners) on an edge
 * along it, or with @steps_only, where the colour merely steps across it. */
double
side_share (const EdgeMap &map, const cv::Point2f &a, const cv::Point2f &b, gboolean steps_only)
{
  const int samples = 40;
  cv::Point2f d = b - a;
  cv::Point2f normal = cv::Point2f (-d.y, d.x) * (float) (1 / cv::norm (d));
  int hits = 0;

  for (int i = 0; i < samples; i++)
    {
      float t = 0.08f + 0.84f * (float) i / (samples - 1);
      cv::Point p (cvRound (a.x + d.x * t), cvRound (a.y + d.y * t));

      if (p.x < 0 || p.y < 0 || p.x >= map.edges.cols || p.y >= map.edges.rows)
        return 0;
      hits += (steps_only || edge_along (map, p, normal)) && is_step (map, p, normal);
    }
  return (double) hits / samples;
}

double
side_support (const EdgeMap &map, const cv::Point2f &a, const cv::Point2f &b)
{
  return side_share (map, a, b, FALSE);
}

/* Three sides on edges and the fourth a faint step (CARD_FAINT_SIDE_STEPS). */
gboolean
faint_side_supported (const EdgeMap &map, const Quad &q)
{
  int faint = 0;

  for (int i = 0; i < 4; i++)
    if (side_support (map, q[i], q[(i + 1) % 4]) < CARD_EDGE_SUPPORT)
      {
        if (side_share (map, q[i], q[(i + 1) % 4], TRUE) < CARD_FAINT_SIDE_STEPS)
          return FALSE;
        faint++;
      }
  return faint <= 1;
}

/* Three sides on edges and the fourth partly: worth fitting the sides to
 * the edges and asking again, since a candidate's corners can be a few
 * pixels off its true sides. */
gboolean
nearly_supported (const EdgeMap &map, const Quad &q)
{
  int weak = 0;

  for (int i = 0; i < 4; i++)
    {
      double support = side_support (map, q[i], q[(i + 1) % 4]);

      if (support < CARD_EDGE_SUPPORT)
        weak++;
      if (support < CARD_EDGE_SUPPORT_BEFORE_REFINING)
        return FALSE;
    }
  return weak == 1;
}

gboolean
edges_support (const EdgeMap &map, const Quad &q)
{
  for (int i = 0; i < 4; i++)
    if (side_support (map, q[i], q[(i + 1) % 4]) < CARD_EDGE_SUPPORT)
      return FALSE;
  return TRUE;
}

/* Share of the points just inside the outline that have the colour most
 * of them have (see CARD_RIM_INSET). */
double
rim_uniformity (const EdgeMap &map, const Quad &q)
{
  const int per_side = 16;
  cv::Point2f centre = (q[0] + q[1] + q[2] + q[3]) * 0.25f;
  double inset = CARD_RIM_INSET * std::min (cv::norm (q[2] - q[1]), cv::norm (q[0] - q[3]));
  cv::Rect bounds (0, 0, map.colour.cols, map.colour.rows);
  std::vector<cv::Vec3b> samples;
  std::vector<uchar> channel[3];
  cv::Vec3i median;
  int near = 0;

  for (int i = 0; i < 4; i++)
    for (int k = 0; k < per_side; k++)
      {
        float t = 0.1f + 0.8f * (float) k / (per_side - 1);
        cv::Point2f on_side = q[i] + (q[(i + 1) % 4] - q[i]) * t;
        cv::Point2f inward = centre - on_side;
        cv::Point p (on_side + inward * (float) (inset / std::max (1.0, cv::norm (inward))));

        if (bounds.contains (p))
          samples.push_back (map.colour.at<cv::Vec3b> (p));
      }
  if (samples.empty ())
    return 0;
  for (int c = 0; c < 3; c++)
    {
      for (const cv::Vec3b &s : samples)
        channel[c].push_back (s[c]);
      std::nth_element (channel[c].begin (), channel[c].begin () + channel[c].size () / 2, channel[c].end ());
      median[c] = channel[c][channel[c].size () / 2];
    }
  for (const cv::Vec3b &s : samples)
    near += cv::norm (cv::Vec3i (s) - median) <= CARD_RIM_COLOUR_DISTANCE;
  return (double) near / samples.size ();
}

void
collect_quads (const cv::Mat &binary, double min_area, std::vector<Quad> &out)
{
  std::vector<std::vector<cv::Point>> contours;

  cv::findContours (binary, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
  for (const std::vector<cv::Point> &contour : contours)
    {
      std::vector<cv::Point> hull, poly;

      if (std::fabs (cv::contourArea (contour)) < min_area * 0.5)
        continue;
      /* The hull bridges gaps that text or a thumb leave in the outline. */
      cv::convexHull (contour, hull);
      if (cv::contourArea (hull) < min_area)
        continue;
      cv::approxPolyDP (hull, poly, 0.02 * cv::arcLength (hull, true), true);
      if (poly.size () == 4 && cv::isContourConvex (poly))
        out.push_back (order_corners (poly));
    }
}

struct Line {
  cv::Point2f point, direction;   /* direction is a unit vector */
  double      length;
};

double
angle_between (const Line &a, const Line &b)
{
  double c = std::fabs (a.direction.dot (b.direction));

  return std::acos (std::min (1.0, c)) * 180 / CV_PI;
}

double
distance_to_line (const Line &line, const cv::Point2f &p)
{
  cv::Point2f v = p - line.point;

  return std::fabs (v.x * line.direction.y - v.y * line.direction.x);
}

gboolean
intersect (const Line &a, const Line &b, cv::Point2f &out)
{
  double det = a.direction.x * b.direction.y - a.direction.y * b.direction.x;
  cv::Point2f d = b.point - a.point;
  double t;

  if (std::fabs (det) < 1e-6)
    return FALSE;
  t = (d.x * b.direction.y - d.y * b.direction.x) / det;
  out = a.point + a.direction * (float) t;
  return TRUE;
}

/* Straight edge segments, collinear pieces merged, longest first. */
std::vector<Line>
edge_lines (const cv::Mat &edges, double min_length)
{
  std::vector<cv::Vec4i> segments;
  std::vector<Line> lines;

  cv::HoughLinesP (edges, segments, 1, CV_PI / 180, 30, min_length, 6);
  for (const cv::Vec4i &s : segments)
    {
      cv::Point2f a ((float) s[0], (float) s[1]), b ((float) s[2], (float) s[3]);
      double length = cv::norm (b - a);
      Line line = { a, (b - a) * (float) (1 / length), length };
      gboolean merged = FALSE;

      for (Line &other : lines)
        if (angle_between (other, line) < 3 && distance_to_line (other, a) < 4 && distance_to_line (other, b) < 4)
          {
            if (length > other.length)
              other.point = line.point, other.direction = line.direction;
            other.length += length;
            merged = TRUE;
            break;
          }
      if (!merged)
        lines.push_back (line);
    }
  std::sort (lines.begin (), lines.end (), [] (const Line &x, const Line &y) { return x.length > y.length; });
  if (lines.size () > 24)
    lines.resize (24);
  return lines;
}

/* Quadrilaterals from two pairs of roughly parallel edge lines: robust
 * where clutter touches the card and merges with its contour. */
void
collect_line_quads (const cv::Mat &edges, double min_width, std::vector<Quad> &out)
{
  std::vector<Line> lines = edge_lines (edges, 0.25 * min_width);
  std::vector<std::pair<size_t, size_t>> pairs;

  for (size_t i = 0; i < lines.size (); i++)
    for (size_t j = i + 1; j < lines.size (); j++)
      if (angle_between (lines[i], lines[j]) < 20 && distance_to_line (lines[i], lines[j].point) > 0.4 * min_width / CARD_ASPECT)
        pairs.emplace_back (i, j);
  for (size_t p = 0; p < pairs.size (); p++)
    for (size_t q = p + 1; q < pairs.size (); q++)
      {
        const Line &a1 = lines[pairs[p].first], &a2 = lines[pairs[p].second];
        const Line &b1 = lines[pairs[q].first], &b2 = lines[pairs[q].second];
        std::vector<cv::Point> corners (4);
        cv::Point2f c[4];

        if (angle_between (a1, b1) < 55)
          continue;
        if (!intersect (a1, b1, c[0]) || !intersect (b1, a2, c[1]) || !intersect (a2, b2, c[2]) || !intersect (b2, a1, c[3]))
          continue;
        for (int k = 0; k < 4; k++)
          corners[k] = cv::Point (cvRound (c[k].x), cvRound (c[k].y));
        if (cv::isContourConvex (corners) && cv::contourArea (corners) >= min_width * min_width / CARD_ASPECT)
          out.push_back (order_corners (corners));
      }
}

/* Several views of the same frame, because no single one finds every
 * card: plain Canny outlines, closed Canny for broken outlines, Otsu
 * blobs for a light card on a dark desk, and pairs of straight edges. */
std::vector<Quad>
candidate_quads (const cv::Mat &grey, const cv::Mat &edges, double min_width)
{
  std::vector<Quad> quads;
  cv::Mat closed, otsu;
  double min_area = min_width * min_width / CARD_ASPECT;

  collect_quads (edges, min_area, quads);
  cv::morphologyEx (edges, closed, cv::MORPH_CLOSE, cv::getStructuringElement (cv::MORPH_RECT, cv::Size (5, 5)));
  collect_quads (closed, min_area, quads);
  cv::threshold (grey, otsu, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  collect_quads (otsu, min_area, quads);
  collect_line_quads (edges, min_width, quads);
  return quads;
}

/* Fits each side to the edge pixels along it and intersects the fits:
 * a candidate's corners come from a polygon approximation or from the
 * longest segment of a line, and are off by a few pixels either way. */
Quad
refine_corners (const cv::Mat &edges, const Quad &q)
{
  std::vector<cv::Point> on_edge;
  cv::findNonZero (edges, on_edge);
  Line sides[4];
  Quad refined (4);

  for (int i = 0; i < 4; i++)
    {
      const cv::Point2f &a = q[i], &b = q[(i + 1) % 4];
      double length = cv::norm (b - a);
      Line side = { a, (b - a) * (float) (1 / length), length };
      std::vector<cv::Point2f> near;
      cv::Vec4f fit;

      for (const cv::Point &p : on_edge)
        {
          cv::Point2f v = cv::Point2f ((float) p.x, (float) p.y) - a;
          double along = v.dot (side.direction) / length;

          if (along > 0.1 && along < 0.9 && distance_to_line (side, cv::Point2f ((float) p.x, (float) p.y)) <= 3)
            near.emplace_back ((float) p.x, (float) p.y);
        }
      sides[i] = side;
      if (near.size () < 20)
        continue;
      cv::fitLine (near, fit, cv::DIST_HUBER, 0, 0.01, 0.01);
      sides[i].point = cv::Point2f (fit[2], fit[3]);
      sides[i].direction = cv::Point2f (fit[0], fit[1]);
    }
  for (int i = 0; i < 4; i++)
    if (!intersect (sides[(i + 3) % 4], sides[i], refined[i]) || cv::norm (refined[i] - q[i]) > 6)
      refined[i] = q[i];
  return refined;
}

/* A card against a desk of nearly its own brightness but another hue (a
 * white card on pale green) has no edge in grey.  Each colour channel's
 * edges are added, and each pixel takes its gradient direction from the
 * channel where it is strongest. */
void
add_colour_edges (const cv::Mat &small, double median_level, double sensitivity, cv::Mat &edges, EdgeMap &map)
{
  cv::Mat blurred, channels[3];
  cv::Mat best_magnitude = map.gx.mul (map.gx) + map.gy.mul (map.gy);

  cv::GaussianBlur (small, blurred, cv::Size (5, 5), 0);
  cv::split (blurred, channels);
  for (const cv::Mat &channel : channels)
    {
      cv::Mat strong, weak, gx, gy, magnitude;

      cv::Canny (channel, strong, std::max (10.0, 0.5 * median_level) / sensitivity, std::max (30.0, 1.2 * median_level) / sensitivity);
      cv::Canny (channel, weak, std::max (5.0, 0.25 * median_level) / sensitivity, std::max (15.0, 0.6 * median_level) / sensitivity);
      edges |= strong;
      map.edges |= weak;
      cv::Sobel (channel, gx, CV_32F, 1, 0);
      cv::Sobel (channel, gy, CV_32F, 0, 1);
      magnitude = gx.mul (gx) + gy.mul (gy);
      cv::Mat stronger = magnitude > best_magnitude;
      gx.copyTo (map.gx, stronger);
      gy.copyTo (map.gy, stronger);
      magnitude.copyTo (best_magnitude, stronger);
    }
}

/* @q, or its sides fitted to the edges, if it lies on edges all round. */
gboolean
supported (const EdgeMap &map, Quad &q)
{
  Quad refined;

  if (edges_support (map, q))
    return TRUE;
  refined = nearly_supported (map, q) ? refine_corners (map.edges, q) : q;
  if (refined == q || !has_card_aspect (refined) || !edges_support (map, refined))
    return FALSE;
  q = refined;
  return TRUE;
}

/* What lies inside @q, seen straight on at @size. */
cv::Mat
rectified (const cv::Mat &bgr, const Quad &q, cv::Size size)
{
  Quad target = { { 0, 0 }, { (float) size.width, 0 }, { (float) size.width, (float) size.height }, { 0, (float) size.height } };
  cv::Mat out;

  cv::warpPerspective (bgr, out, cv::getPerspectiveTransform (q, target), size, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  return out;
}

/* A card is printed: text and a photo or an emblem on a light ground.  A
 * card-shaped patch of plain colour on the desk (a box, a book) is not,
 * and must not turn a card cut off by the frame into a 标准 one. */
gboolean
has_print (const EdgeMap &map, const Quad &q)
{
  cv::Mat grey;
  cv::Scalar mean, stddev;

  cv::cvtColor (rectified (map.colour, q, cv::Size (CAIJI_CARD_WIDTH / 4, CAIJI_CARD_HEIGHT / 4)), grey, cv::COLOR_BGR2GRAY);
  cv::meanStdDev (grey, mean, stddev);
  return stddev[0] >= CARD_PRINT_MIN_STDDEV;
}

struct Candidate {
  Quad   quad;
  double rim, area;
};

/* The most card-like rim among the supported candidates decides, then
 * the size among those within CARD_RIM_TIE of it: a rim of 0.8 means a
 * piece of desk inside the outline, while the card's own quadrilateral
 * and one a few pixels larger tie.  Candidates are tested for support
 * best rim first, so the costly edge test stops early. */
void
found_supported (const EdgeMap &map, const std::vector<Quad> &quads, gboolean faint_side, Quad &found, double &found_area)
{
  std::vector<Candidate> candidates;
  double best_rim = -1;

  for (const Quad &q : quads)
    if (has_card_aspect (q))
      candidates.push_back ({ q, rim_uniformity (map, q), cv::contourArea (q) });
  std::sort (candidates.begin (), candidates.end (), [] (const Candidate &a, const Candidate &b) {
    return a.rim > b.rim;
  });
  for (Candidate &c : candidates)
    {
      if (c.rim < CARD_RIM_MIN || (best_rim >= 0 && c.rim < best_rim - CARD_RIM_TIE))
        break;
      if (c.area <= found_area ||
          !(faint_side ? c.rim >= CARD_FAINT_SIDE_RIM && faint_side_supported (map, c.quad) : supported (map, c.quad)) ||
          !has_print (map, c.quad))
        continue;
      if (best_rim < 0)
        best_rim = c.rim;
      found_area = c.area;
      found = c.quad;
    }
}

/* An outline with one faint side, kept from the first pass. */
struct FaintFind {
  Quad   quad;
  double scale = 0;
};

/* One look at the frame.  With @faint, when no outline lies on edges all
 * round, the best one with a faint side is kept there. */
gboolean
find_quad_at (const cv::Mat &frame_bgr, int work_width, double sensitivity, gboolean colour, Quad &found, double &scale,
              FaintFind *faint)
{
  cv::Mat small, grey, edges;
  EdgeMap map;
  double median_level;
  double best_area = 0;

  scale = std::min (1.0, (double) work_width / frame_bgr.cols);
  cv::resize (frame_bgr, small, cv::Size (), scale, scale, cv::INTER_AREA);
  cv::cvtColor (small, grey, cv::COLOR_BGR2GRAY);
  cv::GaussianBlur (grey, grey, cv::Size (5, 5), 0);
  {
    cv::Mat sorted = grey.reshape (1, 1).clone ();
    std::nth_element (sorted.begin<uchar> (), sorted.begin<uchar> () + sorted.cols / 2, sorted.end<uchar> ());
    median_level = sorted.at<uchar> (sorted.cols / 2);
  }
  cv::Canny (grey, edges, std::max (10.0, 0.5 * median_level) / sensitivity, std::max (30.0, 1.2 * median_level) / sensitivity);
  /* Support may come from weaker edges than the candidates: a card edge
   * over a background of nearly its own brightness is faint but real. */
  cv::Canny (grey, map.edges, std::max (5.0, 0.25 * median_level) / sensitivity, std::max (15.0, 0.6 * median_level) / sensitivity);
  cv::Sobel (grey, map.gx, CV_32F, 1, 0);
  cv::Sobel (grey, map.gy, CV_32F, 0, 1);
  if (colour)
    add_colour_edges (small, median_level, sensitivity, edges, map);
  map.colour = small;
  std::vector<Quad> quads = candidate_quads (grey, edges, CARD_MIN_WIDTH_SHARE * small.cols);
  found_supported (map, quads, FALSE, found, best_area);
  if (best_area > 0)
    {
      found = refine_corners (edges, found);
      return TRUE;
    }
  if (faint != NULL)
    {
      found_supported (map, quads, TRUE, faint->quad, best_area);
      if (best_area > 0)
        {
          faint->quad = refine_corners (edges, faint->quad);
          faint->scale = scale;
        }
    }
  return FALSE;
}

/* A defocused card's edges are too soft for Canny at the working size;
 * at half that size they are sharp again.  Colour edges come last: they
 * cost three times the grey ones and only a card of the desk's
 * brightness needs them.  A side that is only a faint step
 * (CARD_FAINT_SIDE_STEPS) is accepted after every outline on edges all
 * round failed, so it never displaces one. */
gboolean
find_quad (const cv::Mat &frame_bgr, Quad &found, double &scale)
{
  FaintFind faint;

  if (find_quad_at (frame_bgr, CARD_FIND_WORK_WIDTH, 1, FALSE, found, scale, &faint) ||
      find_quad_at (frame_bgr, CARD_FIND_WORK_WIDTH / 2, 1, FALSE, found, scale, NULL) ||
      find_quad_at (frame_bgr, CARD_FIND_WORK_WIDTH / 2, 2, FALSE, found, scale, NULL) ||
      find_quad_at (frame_bgr, CARD_FIND_WORK_WIDTH, 1, TRUE, found, scale, NULL))
    return TRUE;
  if (faint.scale == 0)
    return FALSE;
  found = faint.quad;
  scale = faint.scale;
  return TRUE;
}

gboolean
touches_frame_border (const Quad &q, const cv::Size &frame)
{
  double margin = CARD_BORDER_MARGIN * frame.width;

  for (const cv::Point2f &p : q)
    if (p.x < margin || p.y < margin || p.x > frame.width - 1 - margin || p.y > frame.height - 1 - margin)
      return TRUE;
  return FALSE;
}

/* Measured at the card's size in the frame (at most half the canonical
 * size), so a small card is not called blurry for having been enlarged. */
double
focus_measure (const cv::Mat &card, double width_in_frame)
{
  cv::Mat grey, half, lap;
  cv::Scalar mean, stddev, lap_mean, lap_stddev;
  double k = std::min (0.5, width_in_frame / card.cols);

  cv::cvtColor (card, grey, cv::COLOR_BGR2GRAY);
  cv::resize (grey, half, cv::Size (), k, k, cv::INTER_AREA);
  cv::Laplacian (half, lap, CV_32F);
  cv::meanStdDev (half, mean, stddev);
  cv::meanStdDev (lap, lap_mean, lap_stddev);
  return stddev[0] > 1 ? (lap_stddev[0] * lap_stddev[0]) / (stddev[0] * stddev[0]) : 0;
}

double
glare_share (const cv::Mat &card)
{
  cv::Mat blurred, channels[3], blown;

  cv::blur (card, blurred, cv::Size (5, 5));
  cv::split (blurred, channels);
  blown = (channels[0] >= CARD_GLARE_LEVEL) & (channels[1] >= CARD_GLARE_LEVEL) & (channels[2] >= CARD_GLARE_LEVEL);
  return (double) cv::countNonZero (blown) / (double) blown.total ();
}

} /* namespace */

CaijiCardView *
caiji_card_view_find (const CaijiImage *frame)
{
  CaijiCardView *view = g_new0 (CaijiCardView, 1);
  Quad quad;
  double scale;
  cv::Mat card;

  view->quality = CAIJI_CARD_QUALITY_BORDER_MISSING;
  if (!find_quad (frame->bgr, quad, scale))
    return view;
  for (int i = 0; i < 4; i++)
    quad[i] *= (float) (1 / scale);
  card = rectified (frame->bgr, quad, cv::Size (CAIJI_CARD_WIDTH, CAIJI_CARD_HEIGHT));
  view->found = TRUE;
  for (int i = 0; i < 4; i++)
    {
      view->corners[2 * i] = quad[i].x;
      view->corners[2 * i + 1] = quad[i].y;
    }
  view->card = caiji_image_wrap (card);
  view->focus = focus_measure (card, (cv::norm (quad[1] - quad[0]) + cv::norm (quad[2] - quad[3])) / 2);
  view->glare = glare_share (card);
  if (touches_frame_border (quad, frame->bgr.size ()))
    view->quality = CAIJI_CARD_QUALITY_BORDER_MISSING;
  else if (view->glare > CARD_GLARE_MAX_SHARE)
    view->quality = CAIJI_CARD_QUALITY_GLARE;
  else if (view->focus < CARD_FOCUS_MIN)
    view->quality = CAIJI_CARD_QUALITY_BLURRY;
  else
    view->quality = CAIJI_CARD_QUALITY_OK;
  return view;
}

void
caiji_card_view_free (CaijiCardView *view)
{
  if (view == NULL)
    return;
  caiji_image_free (view->card);
  g_free (view);
}
