package vn.dondoc.app.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Feedback submissions for tests; each carries a made-up word so that a search finds exactly it. */
public final class Feedback {

  private Feedback() {}

  /** A random lower-case word that no other case contains. */
  public static String marker() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  /** A valid submission whose title contains the marker, written with full Vietnamese diacritics. */
  public static Map<String, Object> valid(String marker) {
    Map<String, Object> contact = new HashMap<>();
    contact.put("name", "Nguyễn Thị Hồng Nhung");
    contact.put("email", "nhung.nth@example.vn");
    Map<String, Object> body = new HashMap<>();
    body.put("type", "complaint");
    body.put("field", "administrative-procedures");
    body.put("locality", "hanoi");
    body.put("title", "Thủ tục hành chính đăng ký đề tài khoa học còn rườm rà " + marker);
    body.put(
        "content",
        "Hồ sơ đăng ký đề tài phải nộp bản giấy tại Sở dù đã có dịch vụ công trực tuyến.");
    body.put("contact", contact);
    body.put("consentToPublish", true);
    return body;
  }
}
