package vn.dondoc.app.dashboards;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.search.CallerScope;
import vn.dondoc.app.time.HanoiTime;

/**
 * The dashboards' JSON: the SLA board (staff, scoped), the agency ranking (standing office, supervisors,
 * admins: SecurityConfig) and the public figures (anyone; their page is {@link TransparencyPage}).
 */
@RestController
class DashboardController {

  /** Days of the SLA trend when no period is given: the last 30, today included. */
  static final int DEFAULT_TREND_DAYS = 30;

  private final SlaBoard slaBoard;
  private final AgencyRanking ranking;
  private final PublicFigures publicFigures;
  private final ReferenceData referenceData;
  private final Clock clock;

  DashboardController(
      SlaBoard slaBoard,
      AgencyRanking ranking,
      PublicFigures publicFigures,
      ReferenceData referenceData,
      Clock clock) {
    this.slaBoard = slaBoard;
    this.ranking = ranking;
    this.publicFigures = publicFigures;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  @GetMapping("/api/v1/dashboards/sla")
  SlaBoard.Board sla(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String caseType,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Authentication caller) {
    SlaBoard.Filter filter =
        DashboardParams.slaFilter(agency, caseType, field, from, to, today(), referenceData);
    return slaBoard.board(filter, CallerScope.of(caller));
  }

  @GetMapping("/api/v1/dashboards/ranking")
  AgencyRanking.Ranking ranking(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asOf) {
    DashboardParams.RankingPeriod period = DashboardParams.rankingPeriod(from, to, asOf, today());
    return ranking.rank(period.from(), period.to(), period.asOf());
  }

  /** {@code period}: {@code all} (the default), a year {@code 2026} or a quarter {@code 2026-q3} ({@link PublicPeriod}). */
  @GetMapping("/api/v1/public/figures")
  PublicFigures.Figures publicFigures(@RequestParam(required = false) String period) {
    return publicFigures.figures(
        LocaleContextHolder.getLocale(), PublicPeriod.parse(period, today(), "period"));
  }

  /** The ranking's period when none is given: the twelve months up to {@code asOf}, both ends included. */
  static LocalDate[] defaultRankingPeriod(LocalDate asOf) {
    return new LocalDate[] {asOf.minusYears(1).plusDays(1), asOf};
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(HanoiTime.ZONE));
  }
}
