package vn.dondoc.app.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A QR code (ZXing) of a text, e.g. an address to open with a phone: as rows of modules for a page to draw, or as
 * an image for a PDF. Error correction M, and the quiet zone of four modules that readers need around it.
 */
public final class QrCode {

  private static final int QUIET_ZONE = 4;

  private final BitMatrix matrix;

  private QrCode(BitMatrix matrix) {
    this.matrix = matrix;
  }

  public static QrCode of(String text) {
    try {
      return new QrCode(new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  QUIET_ZONE,
                  EncodeHintType.CHARACTER_SET,
                  StandardCharsets.UTF_8.name())));
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "too long for a QR code: " + text.length() + " characters", e);
    }
  }

  /** The modules row by row, '1' dark and '0' light, quiet zone included. */
  public List<String> rows() {
    List<String> rows = new ArrayList<>();
    for (int y = 0; y < matrix.getHeight(); y++) {
      StringBuilder row = new StringBuilder();
      for (int x = 0; x < matrix.getWidth(); x++) {
        row.append(matrix.get(x, y) ? '1' : '0');
      }
      rows.add(row.toString());
    }
    return rows;
  }

  /** Black on white, {@code scale} pixels a module. */
  public BufferedImage image(int scale) {
    BufferedImage image = new BufferedImage(
        matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    return image;
  }
}
