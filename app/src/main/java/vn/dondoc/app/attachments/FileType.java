package vn.dondoc.app.attachments;

import java.util.List;

/** The kinds of file that may be attached, as recognised from their content by {@link ContentSniffer}. */
public enum FileType {
  PDF("application/pdf", "pdf"),
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg", "jpeg"),
  WEBP("image/webp", "webp"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
  ODT("application/vnd.oasis.opendocument.text", "odt"),
  ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
  TEXT("text/plain;charset=UTF-8", "txt"),
  CSV("text/csv;charset=UTF-8", "csv");

  private final String mediaType;
  private final List<String> extensions;

  FileType(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = List.of(extensions);
  }

  /** The Content-Type stored and served; text is always UTF-8 because the sniffer accepts no other. */
  public String mediaType() {
    return mediaType;
  }

  /** File-name extensions (lower case, no dot) that agree with this content. */
  public List<String> extensions() {
    return extensions;
  }
}
