package vn.dondoc.app.attachments;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Finds what a PDF reader would run or hand to the desktop: JavaScript (document, page, annotation,
 * form-field actions), launch actions and embedded files. Every object of the file is looked at, not
 * only those reachable from the catalogue, because an action can be wired in from anywhere and a
 * reader repairs what a checker misses.
 */
final class PdfActiveContent {

  /** What was found; each has its own message key {@code validation.attachment.pdf-<code>}. */
  enum Finding {
    JAVASCRIPT("pdf-javascript"),
    LAUNCH("pdf-launch"),
    EMBEDDED_FILE("pdf-embedded-file"),
    ENCRYPTED("pdf-encrypted");

    final String messageKey;

    Finding(String code) {
      this.messageKey = "validation.attachment." + code;
    }
  }

  private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
  private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
  private static final COSName LAUNCH = COSName.getPDFName("Launch");

  private PdfActiveContent() {}

  /**
   * The first active content found, or empty; a PDF that needs a password to open is {@link Finding#ENCRYPTED}
   * (nothing in it can be checked), one that PDFBox cannot read at all an {@link IOException}.
   */
  static Optional<Finding> find(byte[] content) throws IOException {
    try (PDDocument document = Loader.loadPDF(content)) {
      Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<COSBase> pending = new ArrayDeque<>();
      pending.add(document.getDocument().getTrailer());
      for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
        COSObject object = document.getDocument().getObjectFromPool(key);
        if (object != null) {
          pending.add(object);
        }
      }
      while (!pending.isEmpty()) {
        COSBase next = pending.pop();
        COSBase value = next instanceof COSObject indirect ? indirect.getObject() : next;
        if (value == null || !seen.add(value)) {
          continue;
        }
        if (value instanceof COSDictionary dictionary) {
          Optional<Finding> finding = inspect(dictionary);
          if (finding.isPresent()) {
            return finding;
          }
          pending.addAll(dictionary.getValues());
        } else if (value instanceof COSArray array) {
          array.forEach(pending::add);
        }
      }
      return Optional.empty();
    } catch (InvalidPasswordException locked) {
      return Optional.of(Finding.ENCRYPTED);
    }
  }

  private static Optional<Finding> inspect(COSDictionary dictionary) {
    COSName action = dictionary.getCOSName(COSName.S);
    if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)) {
      return Optional.of(Finding.JAVASCRIPT);
    }
    if (LAUNCH.equals(action)) {
      return Optional.of(Finding.LAUNCH);
    }
    if (dictionary.containsKey(EMBEDDED_FILES)
        || dictionary.containsKey(COSName.EF)
        || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))
        || FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
      return Optional.of(Finding.EMBEDDED_FILE);
    }
    return Optional.empty();
  }
}
