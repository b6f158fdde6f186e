package vn.dondoc.app.directives;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import vn.dondoc.app.web.InvalidFieldException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.FileType;

/**
 * Reads a scanned directive (an image-only PDF, a JPEG or PNG photo) with Tesseract and its Vietnamese
 * model from Debian (tesseract-ocr, tesseract-ocr-vie; bin/dondoc installs them).
 *
 * <p>Tesseract is run as its command-line program through ProcessBuilder rather than through Tess4J or
 * Tika: Tess4J binds the native library in the app's process (a crash in it takes the app down, and its
 * bundled library must match Debian's), and Tika's OCR parser runs the same command with less control over
 * the page images. A process per page also bounds each page's time.
 */
@Component
class ScanReader {

  /** 300 dpi is what Tesseract is trained for; lower loses the diacritics. */
  private static final int DPI = 300;
  private static final long PAGE_TIMEOUT_SECONDS = 120;

  /**
   * The document's text as recognised and cleaned ({@link OcrCleanup}); refused as "chất lượng nhận dạng thấp" when
   * most of its diacritics were lost, rather than read into confident nonsense.
   */
  String readableText(byte[] content, FileType type, IntConsumer pageDone) {
    String text = OcrCleanup.text(pages(content, type, pageDone));
    if (!OcrCleanup.readable(text)) {
      throw new InvalidFieldException("file", "validation.directive.ocr-low-quality");
    }
    return text;
  }

  /** The pages' text as recognised, in order; {@code pageDone} is told each page's number (1-based) as it is read. */
  List<String> pages(byte[] content, FileType type, IntConsumer pageDone) {
    try {
      Path dir = Files.createTempDirectory("dondoc-ocr");
      try {
        List<String> pages = new ArrayList<>();
        if (type == FileType.PDF) {
          try (PDDocument document = Loader.loadPDF(content)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
              BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
              Path png = dir.resolve("page-" + (i + 1) + ".png");
              ImageIO.write(image, "png", png.toFile());
              pages.add(recognise(png));
              pageDone.accept(i + 1);
            }
          }
        } else {
          Path image = dir.resolve(type == FileType.PNG ? "page.png" : "page.jpg");
          Files.write(image, content);
          pages.add(recognise(image));
          pageDone.accept(1);
        }
        return pages;
      } finally {
        try (var files = Files.walk(dir)) {
          files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String recognise(Path image) throws IOException {
    Process process = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", "vie", "--psm", "4")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("tesseract failed on " + image.getFileName());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
