package vn.dondoc.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.search.CaseQuery;

class SearchParamsTest {

  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static SearchParams dates(
      String createdFrom, String createdTo, String dueFrom, String dueTo) {
    return new SearchParams(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        createdFrom,
        createdTo,
        dueFrom,
        dueTo,
        null);
  }

  @Test
  void daysAreDaysOfHoChiMinhCityBothEndsIncluded() {
    CaseQuery query =
        dates("2026-03-01", "2026-03-31", "2026-04-01", "2026-04-30").toQuery(0, 20, HCM, "");
    assertThat(query.createdFrom()).isEqualTo(Instant.parse("2026-02-28T17:00:00Z"));
    assertThat(query.createdBefore()).isEqualTo(Instant.parse("2026-03-31T17:00:00Z"));
    assertThat(query.dueAfter()).isEqualTo(Instant.parse("2026-03-31T17:00:00Z"));
    assertThat(query.dueUntil()).isEqualTo(Instant.parse("2026-04-30T17:00:00Z"));
  }

  @Test
  void badInputNamesTheParameter() {
    assertField(() -> dates("2026-13-01", null, null, null).toQuery(0, 20, HCM, ""), "createdFrom");
    assertField(
        () -> dates(null, null, null, "31/12/2026").toQuery(0, 20, HCM, "query."), "query.dueTo");
    assertField(
        () -> dates("2026-03-02", "2026-03-01", null, null).toQuery(0, 20, HCM, ""), "createdTo");
    assertField(
        () -> new SearchParams(
                null, null, null, null, null, null, null, "LATE", null, null, null, null, null,
                null, null)
            .toQuery(0, 20, HCM, ""),
        "slaState");
    assertField(
        () -> new SearchParams(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "newest")
            .toQuery(0, 20, HCM, ""),
        "sort");
    assertField(
        () -> new SearchParams(
                "x".repeat(201),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null)
            .toQuery(0, 20, HCM, ""),
        "q");
  }

  @Test
  void sortIsOptionalAndCaseInsensitive() {
    SearchParams due = new SearchParams(
        "thu tuc", null, null, null, null, null, null, "AT_RISK", null, null, null, null, null,
        null, "Due");
    assertThat(due.toQuery(0, 20, HCM, "").effectiveSort()).isEqualTo(CaseQuery.Sort.DUE);
    SearchParams none = dates(null, null, null, null);
    assertThat(none.toQuery(0, 20, HCM, "").effectiveSort()).isEqualTo(CaseQuery.Sort.UPDATED);
  }

  private static void assertField(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
