package vn.dondoc.app.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.util.unit.DataSize;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * Decides what an uploaded file is from its bytes, never from the declared Content-Type or name, and
 * refuses what could run code in a browser or on a desktop: programs, scripts, markup, archives, macro
 * documents, PDFs with JavaScript, launch actions or embedded files, polyglots and zip bombs. Every
 * refusal is an {@link InvalidFieldException} naming {@code file}.
 */
public class ContentSniffer {

  /**
   * Bounds on reading an office ZIP, which is inflated in memory entry by entry and never extracted.
   *
   * @param maxEntries entries a ZIP may have
   * @param maxUncompressedSize what all its entries may inflate to together
   * @param maxRatio how many times its compressed size an entry may inflate to
   */
  public record ZipLimits(int maxEntries, DataSize maxUncompressedSize, int maxRatio) {}

  /** The name to store and the type the content proved to be. */
  public record Inspected(String filename, FileType type) {}

  private static final int MAX_FILENAME_LENGTH = 255;
  private static final int HEAD = 1024;
  private static final int MAX_MIMETYPE_LENGTH = 100;

  // Magic numbers, written as ISO-8859-1 strings so that each character is one byte.
  private static final List<String> PROGRAMS = List.of(
      "MZ",
      "\u007fELF",
      "#!",
      "\u00fe\u00ed\u00fa\u00ce",
      "\u00fe\u00ed\u00fa\u00cf",
      "\u00ce\u00fa\u00ed\u00fe",
      "\u00cf\u00fa\u00ed\u00fe",
      "\u00ca\u00fe\u00ba\u00be");
  private static final List<String> ARCHIVES = List.of(
      "\u001f\u008b",
      "7z\u00bc\u00af\u0027\u001c",
      "Rar!\u001a\u0007",
      "\u00fd7zXZ\u0000",
      "\u0028\u00b5\u002f\u00fd",
      "MSCF",
      "PK\u0005\u0006",
      "PK\u0007\u0008");
  private static final String ZIP = "PK\u0003\u0004";

  /** Tags that make a browser run script; a file that carries one in its head is rejected whatever it claims to be. */
  private static final Pattern SCRIPT_CARRIER =
      Pattern.compile("<(script|html|svg|iframe)[\\s/>]", Pattern.CASE_INSENSITIVE);

  /** Office parts that run code: VBA macros, OLE packages, ActiveX controls, OpenDocument Basic and scripts. */
  private static final Pattern ACTIVE_PART = Pattern.compile(
      "(^|.*/)(vbaproject\\.bin|oleobject[^/]*|activex[^/]*)$|^(basic|scripts)/.*",
      Pattern.CASE_INSENSITIVE);

  private static final Set<String> PROGRAM_EXTENSIONS = Set.of(
      "exe", "dll", "com", "scr", "msi", "bat", "cmd", "ps1", "vbs", "vbe", "js", "jse", "wsf",
      "hta", "jar", "sh");

  private final Set<FileType> allowed;
  private final ZipLimits zipLimits;
  private final String allowedExtensions;

  public ContentSniffer(Set<FileType> allowed, ZipLimits zipLimits) {
    this.allowed = Set.copyOf(allowed);
    this.zipLimits = zipLimits;
    this.allowedExtensions = Arrays.stream(FileType.values())
        .filter(allowed::contains)
        .flatMap(type -> type.extensions().stream())
        .map(e -> "." + e)
        .collect(Collectors.joining(", "));
  }

  public Inspected inspect(String declaredFilename, byte[] content) {
    String filename = normaliseFilename(declaredFilename);
    if (filename.isEmpty()) {
      throw rejected("validation.attachment.name-missing");
    }
    if (content.length == 0) {
      throw rejected("validation.attachment.empty");
    }
    String extension = extensionOf(filename);
    FileType type = sniff(content, extension);
    if (!allowed.contains(type)) {
      throw rejected("validation.attachment.type-not-allowed", allowedExtensions);
    }
    // A name that contradicts the content is how a program poses as a document; the name must
    // agree.
    if (!type.extensions().contains(extension)) {
      throw rejected(
          "validation.attachment.extension-mismatch",
          type.extensions().stream().map(e -> "." + e).collect(Collectors.joining(", ")));
    }
    return new Inspected(filename, type);
  }

  /**
   * The base name only (no path, so no {@code ..}), NFC, without control or invisible formatting
   * characters (NUL, right-to-left override), without leading or trailing dots and blanks, at most 255
   * characters with the extension kept. Vietnamese letters stay as they are.
   */
  static String normaliseFilename(String declared) {
    if (declared == null) {
      return "";
    }
    String name = Normalizer.normalize(declared, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cc}\\p{Cf}]", "").replaceAll("^[\\s.]+|[\\s.]+$", "");
    if (name.codePointCount(0, name.length()) <= MAX_FILENAME_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    String base = name.substring(0, name.length() - extension.length());
    int keep = MAX_FILENAME_LENGTH - extension.codePointCount(0, extension.length());
    return base.substring(0, base.offsetByCodePoints(0, keep)) + extension;
  }

  static String extensionOf(String filename) {
    int dot = filename.lastIndexOf('.');
    return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private FileType sniff(byte[] content, String extension) {
    if (PROGRAMS.stream().anyMatch(magic -> at(content, 0, magic))) {
      throw rejected("validation.attachment.executable");
    }
    if (at(content, 0, ZIP)) {
      return sniffZip(content);
    }
    if (ARCHIVES.stream().anyMatch(magic -> at(content, 0, magic)) || at(content, 257, "ustar")) {
      throw rejected("validation.attachment.archive");
    }
    boolean carriesScript = SCRIPT_CARRIER.matcher(head(content)).find();
    FileType binary = binaryType(content);
    if (binary != null) {
      if (carriesScript) {
        throw rejected("validation.attachment.polyglot");
      }
      if (binary == FileType.PDF) {
        refuseActiveContent(content);
      }
      return binary;
    }
    String text = utf8(content);
    if (text.indexOf('\0') >= 0) {
      throw rejected("validation.attachment.type-not-allowed", allowedExtensions);
    }
    // HTML, SVG and XML all open with a tag; plain text and CSV have no business doing so.
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (carriesScript || body.stripLeading().startsWith("<")) {
      throw rejected("validation.attachment.markup");
    }
    return extension.equals("csv") ? FileType.CSV : FileType.TEXT;
  }

  private static void refuseActiveContent(byte[] pdf) {
    PdfActiveContent.Finding finding;
    try {
      finding = PdfActiveContent.find(pdf).orElse(null);
    } catch (IOException unreadable) {
      throw rejected("validation.attachment.damaged");
    }
    if (finding != null) {
      throw rejected(finding.messageKey);
    }
  }

  private static FileType binaryType(byte[] content) {
    if (at(content, 0, "%PDF-")) {
      return FileType.PDF;
    }
    if (at(content, 0, "\u0089PNG\r\n\u001a\n")) {
      if (!at(content, 12, "IHDR")) {
        throw rejected("validation.attachment.damaged");
      }
      return FileType.PNG;
    }
    if (at(content, 0, "\u00ff\u00d8\u00ff")) {
      return FileType.JPEG;
    }
    if (at(content, 0, "RIFF") && at(content, 8, "WEBP")) {
      return FileType.WEBP;
    }
    return null;
  }

  private String utf8(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException binary) {
      throw rejected("validation.attachment.type-not-allowed", allowedExtensions);
    }
  }

  /**
   * Reads every entry of the ZIP, counting what it inflates to, and stops at the first limit passed:
   * entry count, total size, or ratio of total to the upload's size. Office documents are told apart
   * by their conventional main part; an OpenDocument by the {@code mimetype} entry it must start with.
   */
  private FileType sniffZip(byte[] content) {
    long budget = Math.min(
        zipLimits.maxUncompressedSize().toBytes(), (long) zipLimits.maxRatio() * content.length);
    Set<String> names = new HashSet<>();
    String odfMimetype = null;
    long inflated = 0;
    byte[] buffer = new byte[8192];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (names.size() == zipLimits.maxEntries()) {
          throw rejected("validation.attachment.zip-bomb");
        }
        // Two entries of one name are read differently by different programs: a place to hide a
        // part.
        if (!names.add(name)) {
          throw rejected("validation.attachment.damaged");
        }
        if (ACTIVE_PART.matcher(name).matches() || PROGRAM_EXTENSIONS.contains(extensionOf(name))) {
          throw rejected("validation.attachment.macro");
        }
        StringBuilder mimetype =
            names.size() == 1 && name.equals("mimetype") ? new StringBuilder() : null;
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          inflated += n;
          if (inflated > budget) {
            throw rejected("validation.attachment.zip-bomb");
          }
          if (mimetype != null && mimetype.length() < MAX_MIMETYPE_LENGTH) {
            mimetype.append(
                new String(buffer, 0, Math.min(n, MAX_MIMETYPE_LENGTH), StandardCharsets.US_ASCII));
          }
        }
        if (mimetype != null) {
          odfMimetype = mimetype.toString().strip();
        }
      }
    } catch (IOException e) {
      throw rejected("validation.attachment.damaged");
    }
    if (names.contains("[Content_Types].xml")) {
      if (names.contains("word/document.xml")) {
        return FileType.DOCX;
      }
      if (names.contains("xl/workbook.xml")) {
        return FileType.XLSX;
      }
      if (names.contains("ppt/presentation.xml")) {
        return FileType.PPTX;
      }
      throw rejected("validation.attachment.type-not-allowed", allowedExtensions);
    }
    if (odfMimetype != null) {
      for (FileType type : List.of(FileType.ODT, FileType.ODS)) {
        if (type.mediaType().equals(odfMimetype)) {
          return type;
        }
      }
      throw rejected("validation.attachment.type-not-allowed", allowedExtensions);
    }
    throw rejected(
        names.isEmpty() ? "validation.attachment.damaged" : "validation.attachment.archive");
  }

  private static boolean at(byte[] content, int offset, String magic) {
    if (content.length < offset + magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if ((content[offset + i] & 0xff) != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String head(byte[] content) {
    return new String(content, 0, Math.min(content.length, HEAD), StandardCharsets.ISO_8859_1);
  }

  private static InvalidFieldException rejected(String messageKey, Object... arguments) {
    return new InvalidFieldException("file", messageKey, arguments);
  }
}
