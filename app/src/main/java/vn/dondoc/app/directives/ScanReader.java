package vn.dondoc.app.directives;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;
import vn.dondoc.app.attachments.FileType;
import vn.dondoc.app.web.InvalidFieldException;

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
  /** Pages recognised at once: one a core, at most four (a reading should not starve the app's requests). */
  private static final int PARALLEL =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

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

  /**
   * The pages' text as recognised, in order; {@code pageDone} is told how many pages are read so far. Pages are
   * rendered one after another (PDFBox's renderer is not shared between threads) and recognised
   * {@link #PARALLEL} at a time, each Tesseract on one thread.
   */
  List<String> pages(byte[] content, FileType type, IntConsumer pageDone) {
    ExecutorService readers = Executors.newFixedThreadPool(PARALLEL, r -> {
      Thread thread = new Thread(r, "directive-ocr-page");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Path dir = Files.createTempDirectory("dondoc-ocr");
      try {
        AtomicInteger done = new AtomicInteger();
        List<Future<String>> pages = new ArrayList<>();
        if (type == FileType.PDF) {
          try (PDDocument document = Loader.loadPDF(content)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
              BufferedImage image =
                  Deskew.straightened(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY));
              TableScan.Rules rules = TableScan.rules(image);
              Path png = dir.resolve("page-" + (i + 1) + ".png");
              ImageIO.write(
                  rules == null ? image : TableScan.columnsApart(image, rules),
                  "png",
                  png.toFile());
              pages.add(readers.submit(() -> recognised(png, rules, done, pageDone)));
            }
          }
        } else {
          Path image = dir.resolve(type == FileType.PNG ? "page.png" : "page.jpg");
          Files.write(image, content);
          BufferedImage grey = grey(image);
          BufferedImage straight = grey == null ? null : Deskew.straightened(grey);
          TableScan.Rules rules = straight == null ? null : TableScan.rules(straight);
          if (rules != null) {
            // The photo as read for its table: grey, straight, its rules (if any) erased, its
            // columns apart.
            image = dir.resolve("page-table.png");
            ImageIO.write(TableScan.columnsApart(straight, rules), "png", image.toFile());
          } else if (straight != grey) {
            image = dir.resolve("page-straight.png");
            ImageIO.write(straight, "png", image.toFile());
          }
          Path read = image;
          pages.add(readers.submit(() -> recognised(read, rules, done, pageDone)));
        }
        List<String> texts = new ArrayList<>();
        for (Future<String> page : pages) {
          texts.add(page.get());
        }
        return texts;
      } finally {
        readers.shutdownNow();
        readers.awaitTermination(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
          files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? new UncheckedIOException(io)
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a scan", e);
    }
  }

  /** A photo's pixels in grey, or null if ImageIO cannot decode it (Tesseract may still). */
  private static BufferedImage grey(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      return null;
    }
    BufferedImage grey =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = grey.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return grey;
  }

  private static String recognised(
      Path image, TableScan.Rules rules, AtomicInteger done, IntConsumer pageDone)
      throws IOException {
    String text = TableScan.text(TableScan.words(recognise(image, rules != null)), rules);
    pageDone.accept(done.incrementAndGet());
    return text;
  }

  /**
   * Tesseract's words with their boxes (its TSV output), from the one recognition of the page: the text is rebuilt from
   * them, and a table's columns found ({@link TableScan}). A page whose table's columns were put apart (a table found in
   * the image, with rules or without) is read as one block of text (page segmentation mode 6): as one column of variable
   * sizes (4), Tesseract's layout analysis drops a narrow column of short cells (the rows' numbers "5", "II") as noise.
   */
  private static String recognise(Path image, boolean columnsApart) throws IOException {
    ProcessBuilder command = new ProcessBuilder(
            "tesseract",
            image.toString(),
            "stdout",
            "-l",
            "vie",
            "--psm",
            columnsApart ? "6" : "4",
            "tsv")
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    // OpenMP's threads spin for a core the other page (and everything else) is using: one thread
    // per page is
    // twice as fast here, and reads the same text (docs/PERFORMANCE.md, "Scanned directives")
    command.environment().put("OMP_THREAD_LIMIT", "1");
    Process process = command.start();
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
