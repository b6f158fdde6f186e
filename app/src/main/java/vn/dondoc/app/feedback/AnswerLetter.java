package vn.dondoc.app.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.app.documents.OfficialDocument;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.time.HanoiTime;

/**
 * The agency's letter (công văn) answering a feedback item, in Decree 30/2020's layout: the agency's heading and a
 * number left open for its registry, place and date, "V/v trả lời phản ánh, kiến nghị của …", the answer as signed
 * off, "Nơi nhận" and the signing leader. {@link #forSender} names the sender; {@link #forPublic}, for a published
 * answer, names nobody but the case: no name, address or contact of the sender.
 *
 * @param agency the handling agency
 * @param signerName the signing leader's full name
 * @param signerTitle the leader's job title as the administrators keep it (realm attribute jobTitle, e.g. "Phó Chủ
 *     tịch Ủy ban nhân dân"), printed upper case above the name; null or blank for the generic {@link #SIGNER_TITLE}.
 *     No "KT."/"TM." authority line is made up: Dondoc does not know in whose stead a deputy signs.
 */
record AnswerLetter(
    String code,
    String title,
    Instant submittedAt,
    String senderName,
    String answerText,
    Agency agency,
    Instant signedAt,
    String signerName,
    String signerTitle) {

  /** The signer's line when the realm has no title for them: it knows they lead the agency, not their office. */
  static final String SIGNER_TITLE = "LÃNH ĐẠO CƠ QUAN";

  OfficialDocument forSender() {
    return document("ông/bà " + senderName, "Ông/bà " + senderName);
  }

  OfficialDocument forPublic() {
    return document(
        "người gửi (hồ sơ " + code + ")", "Người gửi phản ánh, kiến nghị (hồ sơ " + code + ")");
  }

  private OfficialDocument document(String whose, String addressee) {
    List<String> body = new ArrayList<>();
    body.add("Kính gửi: " + addressee + ".");
    body.add(
        issuer() + " nhận được phản ánh, kiến nghị của " + whose + " gửi qua Hệ thống Dondoc ngày "
            + DisplayDates.DAY.format(submittedAt.atZone(HanoiTime.ZONE)) + " (mã hồ sơ " + code
            + ") về việc: \""
            + title + "\". Sau khi xem xét, " + issuer() + " trả lời như sau:");
    answerText.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(body::add);
    body.add(issuer() + " trân trọng thông báo để " + whose + " được biết./.");
    return new OfficialDocument(
        null,
        issuer(),
        "Số:        /" + agency.code().toUpperCase() + "-PAKN",
        place(),
        signedAt.atZone(HanoiTime.ZONE).toLocalDate(),
        null,
        null,
        "V/v trả lời phản ánh, kiến nghị của " + whose,
        body,
        List.of(addressee + ";", "Lưu: VT, hồ sơ " + code + "."),
        null,
        signerTitle == null || signerTitle.isBlank() ? SIGNER_TITLE : signerTitle.strip(),
        signerName,
        null);
  }

  /** A province answers as its People's Committee; a ministry or other body under its own name. */
  private String issuer() {
    return "PROVINCE".equals(agency.kind())
        ? "Ủy ban nhân dân " + lowerFirst(agency.name())
        : agency.name();
  }

  /** Where the letter is written: a province's own city, Hà Nội for the central bodies. */
  private String place() {
    return "PROVINCE".equals(agency.kind())
        ? agency.name().replaceFirst("^(Thành phố|Tỉnh) ", "")
        : "Hà Nội";
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
