package vn.dondoc.app.initiatives;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.dondoc.app.security.KeycloakDirectory;
import vn.dondoc.app.security.Roles;
import vn.dondoc.app.sla.WorkingCalendar;
import vn.dondoc.processes.InitiativeSelection;
import vn.dondoc.processes.InitiativeSelection.Criterion;
import vn.dondoc.processes.InitiativeSelection.Var;
import vn.dondoc.search.VietnameseFolding;

/**
 * The panel's seats (bean {@value InitiativeSelection.Experts#BEAN}). A seat is one instance of the
 * multi-instance sub-process; its expert is the element variable, replaced in place when the expert
 * declares a conflict, belongs to the proposer's organisation or misses the deadline. Whoever was asked
 * once is not asked again for the same initiative.
 */
@Component(InitiativeSelection.Experts.BEAN)
class InitiativeExperts implements InitiativeSelection.Experts {

  /** The score and comment variables of each criterion, as the scoring form names them. */
  static final Map<String, String[]> SHEET = new LinkedHashMap<>();

  static {
    SHEET.put(Criterion.NOVELTY, new String[] {Var.SCORE_NOVELTY, Var.COMMENT_NOVELTY});
    SHEET.put(Criterion.FEASIBILITY, new String[] {Var.SCORE_FEASIBILITY, Var.COMMENT_FEASIBILITY});
    SHEET.put(Criterion.IMPACT, new String[] {Var.SCORE_IMPACT, Var.COMMENT_IMPACT});
    SHEET.put(
        Criterion.STRATEGIC_FIT, new String[] {Var.SCORE_STRATEGIC_FIT, Var.COMMENT_STRATEGIC_FIT});
    SHEET.put(Criterion.DATA_REUSE, new String[] {Var.SCORE_DATA_REUSE, Var.COMMENT_DATA_REUSE});
    SHEET.put(
        Criterion.SUSTAINABILITY,
        new String[] {Var.SCORE_SUSTAINABILITY, Var.COMMENT_SUSTAINABILITY});
  }

  private final InitiativeRepository initiatives;
  private final InitiativeChanges changes;
  private final InitiativeProperties properties;
  private final KeycloakDirectory directory;
  private final WorkingCalendar calendar;
  private final Clock clock;

  InitiativeExperts(
      InitiativeRepository initiatives,
      InitiativeChanges changes,
      InitiativeProperties properties,
      KeycloakDirectory directory,
      WorkingCalendar calendar,
      Clock clock) {
    this.initiatives = initiatives;
    this.changes = changes;
    this.properties = properties;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Experts who may sit on this initiative's panel now, in a stable order. */
  List<String> candidates(Initiative initiative) {
    Set<String> asked = initiatives.seats(initiative.id()).stream()
        .map(InitiativeRepository.Seat::expert)
        .collect(Collectors.toSet());
    return directory.members(Roles.EXPERT).stream()
        .filter(expert -> !asked.contains(expert))
        .filter(expert -> !expert.equals(initiative.proposer()))
        .filter(expert -> !sameOrganisation(expert, initiative))
        .toList();
  }

  boolean sameOrganisation(String expert, Initiative initiative) {
    return directory
        .profileOf(expert)
        .map(profile -> sameOrganisation(
            profile.affiliationTaxCode(),
            profile.affiliation(),
            initiative.taxCode(),
            initiative.organisation()))
        .orElse(false);
  }

  /**
   * By tax code where both sides have one (its first ten digits: a branch's code extends its company's), else by
   * name with case, diacritics, punctuation and spacing ignored ("Công ty CP  Sáng-Kiến" = "cong ty cp sang kien").
   */
  static boolean sameOrganisation(
      String taxCode, String name, String otherTaxCode, String otherName) {
    String tax = companyTaxCode(taxCode);
    String otherTax = companyTaxCode(otherTaxCode);
    if (!tax.isEmpty() && !otherTax.isEmpty()) {
      return tax.equals(otherTax);
    }
    String normalised = normalisedName(name);
    return !normalised.isEmpty() && normalised.equals(normalisedName(otherName));
  }

  private static String companyTaxCode(String taxCode) {
    String digits = taxCode == null ? "" : taxCode.replaceAll("[^0-9]", "");
    return digits.length() >= 10 ? digits.substring(0, 10) : "";
  }

  private static String normalisedName(String name) {
    return name == null
        ? ""
        : VietnameseFolding.fold(name).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** Seats the expert on the panel: a seat row and a notice. */
  void ask(Initiative initiative, String expert, int seat) {
    initiatives.askExpert(initiative.id(), expert, seat, clock.instant());
    changes.tell(
        initiative.caseCode(),
        expert,
        "INITIATIVE_PANEL",
        "notification.initiative-panel",
        initiative.title());
  }

  @Override
  public void recordDeclaration(DelegateTask task) {
    Initiative initiative = initiative(task);
    String expert = task.getAssignee();
    boolean declared = Boolean.TRUE.equals(task.getVariable(Var.CONFLICT_DECLARED));
    boolean member = sameOrganisation(expert, initiative);
    String note = (String) task.getVariable(Var.CONFLICT_NOTE);
    boolean out = declared || member;
    if (out) {
      String reason = member
          ? "Thành viên tổ chức đề xuất" + (note == null || note.isBlank() ? "" : "; " + note)
          : note;
      initiatives.seatStatus(initiative.id(), expert, "CONFLICT", reason, clock.instant());
    } else {
      initiatives.seatStatus(initiative.id(), expert, "SCORING", null, clock.instant());
    }
    // the seat's own expertOut (an input of the seat's sub-process) is the nearest one: set there,
    // not on the process
    task.setVariable(Var.EXPERT_OUT, out);
    changes.recorded(
        initiative.id(),
        initiative.caseCode(),
        out ? "EXPERT_CONFLICT" : "EXPERT_NO_CONFLICT",
        expert,
        Map.of("expert", expert));
  }

  @Override
  public void replace(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    String leaving = (String) execution.getVariable(Var.EXPERT);
    initiatives
        .seatOf(initiative.id(), leaving)
        .filter(s -> !"CONFLICT".equals(s.status()))
        .ifPresent(
            s -> initiatives.seatStatus(initiative.id(), leaving, "LATE", null, clock.instant()));
    int seatNumber = initiatives
        .seatOf(initiative.id(), leaving)
        .map(InitiativeRepository.Seat::seat)
        .orElse(0);
    Optional<String> next = candidates(initiative).stream().findFirst();
    next.ifPresent(expert -> ask(initiative, expert, seatNumber));
    // expert and expertOut exist on the seat (element variable, input): setVariable updates the
    // seat's own
    execution.setVariable(Var.EXPERT, next.orElse(null));
    execution.setVariable(Var.EXPERT_OUT, false);
    changes.recorded(
        initiative.id(),
        initiative.caseCode(),
        "EXPERT_REPLACED",
        null,
        next.map(expert -> Map.of("out", leaving, "in", expert)).orElse(Map.of("out", leaving)));
  }

  @Override
  public Date reminderAt(DelegateExecution execution) {
    return Date.from(calendar.addWorkingDays(
        clock.instant(), properties.scoringDays() - properties.scoringReminderDays()));
  }

  @Override
  public Date dueAt(DelegateExecution execution) {
    return Date.from(calendar.addWorkingDays(clock.instant(), properties.scoringDays()));
  }

  @Override
  public void remind(DelegateExecution execution) {
    Initiative initiative = initiative(execution);
    changes.tell(
        initiative.caseCode(),
        (String) execution.getVariable(Var.EXPERT),
        "INITIATIVE_SCORING_DUE",
        "notification.initiative-scoring-due",
        initiative.title());
  }

  /** Refuses an incomplete sheet (nothing is stored then); scores are written once, never updated. */
  @Override
  public void recordScores(DelegateTask task) {
    Initiative initiative = initiative(task);
    String expert = task.getAssignee();
    Instant now = clock.instant();
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    SHEET.forEach((criterion, names) -> {
      Object score = task.getVariable(names[0]);
      Object comment = task.getVariable(names[1]);
      if (!(score instanceof Number number)
          || number.doubleValue() < 0
          || number.doubleValue() > 10) {
        throw new BadUserRequestException(
            "Điểm " + criterion + " phải từ 0 đến 10. / Score " + criterion + " must be 0–10.");
      }
      if (comment == null || comment.toString().isBlank()) {
        throw new BadUserRequestException("Cần nhận xét cho tiêu chí " + criterion
            + ". / A comment is required for " + criterion + ".");
      }
      scores.put(criterion, new BigDecimal(number.toString()));
    });
    if (initiatives.scores(initiative.id()).stream().anyMatch(s -> s.expert().equals(expert))) {
      throw new BadUserRequestException(
          "Chuyên gia đã chấm; sửa điểm bằng một lần điều chỉnh có lý do. / Already scored.");
    }
    scores.forEach((criterion, score) -> initiatives.addScore(
        initiative.id(),
        expert,
        criterion,
        score,
        task.getVariable(SHEET.get(criterion)[1]).toString().strip(),
        null,
        null,
        now));
    initiatives.seatStatus(initiative.id(), expert, "SCORED", null, now);
    changes.recorded(
        initiative.id(), initiative.caseCode(), "EXPERT_SCORED", expert, Map.of("expert", expert));
  }

  private Initiative initiative(VariableScope scope) {
    return initiatives.find(changes.initiativeId(scope)).orElseThrow();
  }
}
