package vn.dondoc.app.directives;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Straightens a page scanned or photographed askew, before it is read: Tesseract reads a line tilted by a degree or
 * two with more errors, and {@link TableScan} finds a table by its straight rules and gutters. Tesseract itself
 * does not deskew (its command line has no option for it), and Leptonica's deskew is not reachable from the JVM, so
 * the angle is found here the usual way: the text lines of a page make the sharpest horizontal profile of its dark
 * pixels when it is projected along their slope.
 */
final class Deskew {

  /** The largest skew looked for, either way: a page fed crooked or a photo taken at a slant. */
  static final double MAX_DEGREES = 6;

  /** Below this a page is left as it is: a turn would only blur it, and a straight scan reads as before. */
  static final double LEAVE_BELOW_DEGREES = 0.3;

  /**
   * The angle is searched in {@link #COARSE_STEP}s on the page scaled down to about this width, then in
   * {@link #FINE_STEP}s around the best on the page itself: a table's rules must come out straight to the pixel over
   * their length for {@link TableScan} to find them (0.03° left over drifts a rule 1.5 pixels down an A4 page at 300
   * dpi, and split its rules in two).
   */
  private static final int SEARCH_WIDTH = 800;

  private static final double COARSE_STEP = 0.25;
  private static final double FINE_STEP = 0.01;
  private static final int DARK = 128;

  private Deskew() {}

  /** The page turned straight, or the page itself when it is straight already (or blank). */
  static BufferedImage straightened(BufferedImage grey) {
    double degrees = skew(grey);
    if (Math.abs(degrees) < LEAVE_BELOW_DEGREES) {
      return grey;
    }
    return turned(grey, -degrees);
  }

  /**
   * The page turned about its middle by {@code degrees} (clockwise as it is seen, its lines then sloping down to the
   * right when positive), on white.
   */
  static BufferedImage turned(BufferedImage grey, double degrees) {
    BufferedImage turned =
        new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = turned.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, turned.getWidth(), turned.getHeight());
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(
        grey,
        AffineTransform.getRotateInstance(
            Math.toRadians(degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0),
        null);
    g.dispose();
    return turned;
  }

  /**
   * How far the page's lines slope, in degrees (positive: down to the right, as the image's y runs), within
   * {@link #MAX_DEGREES}; 0 for a page without enough dark pixels to tell.
   */
  static double skew(BufferedImage grey) {
    int step = Math.max(1, grey.getWidth() / SEARCH_WIDTH);
    int[][] dark = darkPixels(grey, step);
    if (dark[0].length < 200) {
      return 0;
    }
    double coarse = sharpest(dark, step, grey, -MAX_DEGREES, MAX_DEGREES, COARSE_STEP);
    if (coarse == 0) {
      // within an eighth of a degree, below what is ever turned: the page itself is not read again
      return 0;
    }
    return sharpest(
        darkPixels(grey, 1), 1, grey, coarse - COARSE_STEP, coarse + COARSE_STEP, FINE_STEP);
  }

  /** The slope from {@code from} to {@code to} degrees, in {@code by}s, that makes the sharpest profile. */
  private static double sharpest(
      int[][] dark, int step, BufferedImage grey, double from, double to, double by) {
    int rows = grey.getHeight() / step + 1;
    int columns = grey.getWidth() / step + 1;
    double best = 0;
    double bestScore = -1;
    for (int k = 0; from + k * by <= to + 1e-9; k++) {
      double degrees = from + k * by;
      double score = sharpness(dark, degrees, rows, columns);
      if (score > bestScore) {
        bestScore = score;
        best = degrees;
      }
    }
    return best;
  }

  /** The dark pixels of the page scaled down by {@code step}: their x in [0], their y in [1]. */
  private static int[][] darkPixels(BufferedImage grey, int step) {
    Raster raster = grey.getRaster();
    int width = grey.getWidth() / step;
    int height = grey.getHeight() / step;
    int[] xs = new int[width * height / 4 + 1];
    int[] ys = new int[xs.length];
    int n = 0;
    int[] row = new int[grey.getWidth()];
    for (int y = 0; y < height && n < xs.length; y++) {
      raster.getSamples(0, y * step, grey.getWidth(), 1, 0, row);
      for (int x = 0; x < width && n < xs.length; x++) {
        if (row[x * step] < DARK) {
          xs[n] = x;
          ys[n] = y;
          n++;
        }
      }
    }
    return new int[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)};
  }

  /**
   * How sharp the rows' profile is when the dark pixels are projected along a slope of {@code degrees}: the sum of
   * the squared differences between neighbouring rows' counts, largest when whole text lines fall into rows of their
   * own and the gaps between them stay empty.
   */
  private static double sharpness(int[][] dark, double degrees, int rows, int columns) {
    double slope = Math.tan(Math.toRadians(degrees));
    int shift = (int) Math.ceil(Math.abs(slope) * columns);
    int[] profile = new int[rows + 2 * shift + 1];
    int[] xs = dark[0];
    int[] ys = dark[1];
    for (int i = 0; i < xs.length; i++) {
      profile[(int) Math.round(ys[i] - xs[i] * slope) + shift]++;
    }
    double sum = 0;
    for (int i = 1; i < profile.length; i++) {
      double difference = profile[i] - profile[i - 1];
      sum += difference * difference;
    }
    return sum;
  }
}
