package vn.dondoc.app.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Directive issue requests for tests: a fresh symbol per directive, tasks written out field by field. */
public final class Directives {

  private static final AtomicInteger NUMBER =
      new AtomicInteger((int) (System.currentTimeMillis() % 100_000));

  private Directives() {}

  /** A symbol no other test run used, e.g. 41234-TB/CQTTBCĐ. */
  public static String freshSymbol() {
    return NUMBER.incrementAndGet() + "-TB/CQTTBCĐ";
  }

  /** A conclusion notice with these tasks. */
  public static Map<String, Object> notice(String symbol, List<Map<String, Object>> tasks) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "CONCLUSION_NOTICE");
    body.put("symbol", symbol);
    body.put("issuedOn", "2025-12-29");
    body.put("issuer", "Cơ quan Thường trực Ban Chỉ đạo Trung ương");
    body.put("title", "Thông báo kết luận về nhiệm vụ, giải pháp trọng tâm năm 2026");
    body.put("tasks", tasks);
    return body;
  }

  /** A task with a deadline, led by {@code lead}, requiring evidence level L1 (a document). */
  public static Map<String, Object> task(
      String code, String lead, LocalDate deadline, String... cooperating) {
    Map<String, Object> task = new HashMap<>();
    task.put("code", code);
    task.put("section", "Hoàn thiện thể chế, quy định, quy trình");
    task.put("field", "FINANCE");
    task.put(
        "content",
        "Ban hành thông tư hướng dẫn cơ chế tài chính cho quỹ phát triển khoa học và công nghệ "
            + code);
    task.put("leadAgency", lead);
    task.put("cooperatingAgencies", new ArrayList<>(List.of(cooperating)));
    task.put("recurring", false);
    task.put("deadline", deadline.toString());
    task.put(
        "deadlineText",
        "chậm nhất ngày " + deadline.getDayOfMonth() + "/" + deadline.getMonthValue() + "/"
            + deadline.getYear());
    task.put("expectedProduct", "Thông tư được ban hành");
    task.put("evidenceLevel", "L1");
    return task;
  }

  /** Evidence of level L1: an issued document, no file. */
  public static Map<String, Object> documentEvidence(String number) {
    Map<String, Object> item = new HashMap<>();
    item.put("kind", "ISSUED_DOCUMENT");
    item.put("level", "L1");
    item.put("description", "Thông tư đã được ký ban hành");
    item.put("documentNumber", number);
    item.put("documentDate", LocalDate.now().minusDays(1).toString());
    Map<String, Object> body = new HashMap<>();
    body.put("summary", "Đã ban hành thông tư theo đúng nội dung được giao.");
    body.put("items", new ArrayList<>(List.of(item)));
    return body;
  }
}
