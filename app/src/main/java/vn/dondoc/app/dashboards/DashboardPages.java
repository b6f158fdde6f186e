package vn.dondoc.app.dashboards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ForbiddenException;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * What the supervisor dashboards' pages ({@link SlaBoardPage}, {@link RankingPage}) share: reading their
 * filters (a bad one is said next to its field and left out), the choices of the filter form, the URLs that
 * carry the filters (the page itself, its exports) and who may see the ranking.
 */
@Component
class DashboardPages {

  static final String BOARD = "/giam-sat";
  static final String RANKING = "/giam-sat/xep-hang";

  /** Who sees the ranking: the oversight that steers the agencies (as /api/v1/dashboards/ranking). */
  static final String[] RANKING_ROLES = {Roles.STANDING_OFFICE, Roles.SUPERVISOR, Roles.ADMIN};

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private final MessageSource messages;
  private final CaseLabels caseLabels;
  private final Labels labels;
  private final ReferenceData referenceData;
  private final Clock clock;

  DashboardPages(
      MessageSource messages,
      CaseLabels caseLabels,
      Labels labels,
      ReferenceData referenceData,
      Clock clock) {
    this.messages = messages;
    this.caseLabels = caseLabels;
    this.labels = labels;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  record Option(String code, String label) {}

  LocalDate today() {
    return LocalDate.now(clock.withZone(HanoiTime.ZONE));
  }

  ReferenceData referenceData() {
    return referenceData;
  }

  Clock clock() {
    return clock;
  }

  static void requireRankingRole(Authentication authentication) {
    if (!Caller.of(authentication).hasAnyRole(RANKING_ROLES)) {
      throw new ForbiddenException("staff.error.forbidden");
    }
  }

  /**
   * Reads the filters with {@code read}; when one is refused, its message goes into {@code errors} (under the
   * parameter's name), the parameter is dropped from {@code values} and the filters are read again without it.
   */
  <T> T read(Map<String, String> values, Map<String, String> errors, Supplier<T> read) {
    for (int attempt = 0; ; attempt++) {
      try {
        return read.get();
      } catch (InvalidFieldException e) {
        if (attempt > values.size() || !values.containsKey(e.field())) {
          throw e;
        }
        errors.put(
            e.field(),
            messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale()));
        values.remove(e.field());
      }
    }
  }

  /** The non-blank parameters, in the given order. */
  static Map<String, String> values(List<String> names, String... given) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String value = DashboardParams.blankToNull(given[i]);
      if (value != null) {
        values.put(names.get(i), value);
      }
    }
    return values;
  }

  /**
   * The address without the filters left empty (a GET form sends every field), so that the URL a person
   * shares says only what was chosen; null when it has none.
   */
  static String withoutEmptyFilters(
      jakarta.servlet.http.HttpServletRequest request,
      String path,
      List<String> names,
      Map<String, String> values) {
    boolean empty = names.stream().anyMatch(name -> {
      String value = request.getParameter(name);
      return value != null && value.isBlank();
    });
    return empty ? "redirect:" + href(path, values) : null;
  }

  /** {@code path} with the filters as its query string. */
  static String href(String path, Map<String, String> values) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    values.forEach(uri::queryParam);
    return uri.encode().build().toUriString();
  }

  List<Option> caseTypes() {
    return DashboardParams.CASE_TYPES.stream()
        .sorted()
        .map(t -> new Option(t, caseLabels.type(t)))
        .toList();
  }

  List<Option> agencies() {
    return referenceData.agencies().stream()
        .map(a -> new Option(a.code(), a.name()))
        .toList();
  }

  List<Option> fields() {
    return FieldVocabulary.BOARD_CODES.stream()
        .map(DashboardParams.FIELDS::get)
        .map(labels::of)
        .map(l -> new Option(l.code(), l.label()))
        .sorted(Comparator.comparing(Option::label, java.text.Collator.getInstance(locale())))
        .toList();
  }

  /** The label of an SLA stage (sla.stage.*), its code when it has none. */
  String stage(String stage, Locale locale) {
    return stage == null ? "" : messages.getMessage("sla.stage." + stage, null, stage, locale);
  }

  String periodLabel(PublicPeriod period, Locale locale) {
    return TransparencyPage.label(period, locale, messages);
  }

  String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  CaseLabels caseLabels() {
    return caseLabels;
  }

  private static Locale locale() {
    return org.springframework.context.i18n.LocaleContextHolder.getLocale();
  }
}
