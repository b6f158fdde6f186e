package vn.dondoc.app.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * An administrative document in the layout of Decree 30/2020/NĐ-CP (Phụ lục I): the issuer and its parent
 * body top left with the number, the national heading and the place and date top right, the kind of document
 * and its title centred, the body, "Nơi nhận" bottom left, the signature block bottom right; optionally an
 * annex table after the body. {@link DocxRenderer} and {@link PdfRenderer} draw the same record.
 *
 * @param parentBody the body the issuer belongs to (upper case line above the issuer), or null
 * @param number the number and symbol, e.g. "Số: ..../BC-VPTW" (left open until the document is registered)
 * @param kind e.g. "BÁO CÁO"; null for a letter (công văn), which has {@code subject} instead
 * @param subject a letter's "V/v ..." under its number; null for other kinds
 * @param body paragraphs; one starting with a Roman or Arabic numeral and a dot is a heading
 * @param signingCapacity e.g. "KT. CHÁNH VĂN PHÒNG" (may be null), {@code signerTitle} e.g. "PHÓ CHÁNH VĂN PHÒNG"
 *     (null in the PDF of a document the system issues itself, a receipt: no signature block)
 */
public record OfficialDocument(
    String parentBody,
    String issuer,
    String number,
    String place,
    LocalDate date,
    String kind,
    String title,
    String subject,
    List<String> body,
    List<String> recipients,
    String signingCapacity,
    String signerTitle,
    String signerName,
    Annex annex) {

  public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

  /** A table appended on a page of its own, e.g. "Phụ lục 01", with its title and column headers. */
  public record Annex(String label, String title, List<String> headers, List<List<String>> rows) {}

  /**
   * "Hà Nội, ngày 05 tháng 02 năm 2026": Decree 30 writes days below 10 and the months January and February
   * with a leading zero.
   */
  public String placeAndDate() {
    String day = date.getDayOfMonth() < 10
        ? "0" + date.getDayOfMonth()
        : String.valueOf(date.getDayOfMonth());
    String month = date.getMonthValue() < 3
        ? "0" + date.getMonthValue()
        : String.valueOf(date.getMonthValue());
    return place + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
  }

  static boolean heading(String paragraph) {
    return paragraph.matches("^([IVXLC]+|\\d+)\\.\\s.*");
  }
}
