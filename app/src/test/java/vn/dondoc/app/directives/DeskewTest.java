package vn.dondoc.app.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskewTest {

  @ParameterizedTest
  @ValueSource(doubles = {-4.0, -1.5, 0.8, 2.5, 5.0})
  void theSlopeOfAPagesLinesIsFound(double degrees) {
    assertThat(Deskew.skew(Deskew.turned(page(), degrees))).isCloseTo(degrees, within(0.2));
  }

  @Test
  void aStraightPageIsLeftAsItIs() {
    BufferedImage page = page();
    assertThat(Deskew.skew(page)).isCloseTo(0.0, within(0.2));
    assertThat(Deskew.straightened(page)).isSameAs(page);
  }

  @Test
  void aCrookedPageIsTurnedStraight() {
    BufferedImage straightened = Deskew.straightened(Deskew.turned(page(), 3));
    assertThat(Deskew.skew(straightened)).isCloseTo(0.0, within(0.2));
  }

  @Test
  void aBlankPageHasNoSlope() {
    BufferedImage blank = new BufferedImage(1200, 1700, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1200, 1700);
    g.dispose();
    assertThat(Deskew.skew(blank)).isZero();
  }

  /** An A4 page at 150 dpi with 40 lines of text. */
  private static BufferedImage page() {
    BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, page.getWidth(), page.getHeight());
    g.setColor(Color.BLACK);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
    for (int line = 0; line < 40; line++) {
      g.drawString(
          "Bộ Khoa học và Công nghệ chủ trì, phối hợp các bộ, ngành triển khai nhiệm vụ " + line,
          150,
          150 + line * 36);
    }
    g.dispose();
    return page;
  }
}
