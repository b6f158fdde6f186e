package vn.dondoc.app.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.app.web.InvalidFieldsException;

/** The step forms as the server reads them: every form of the models loads, and a submission is checked as form-js would. */
class StepFormsTest {

  private static final StepForms FORMS = new StepForms(new ObjectMapper());

  private static StepForm form(String id) {
    return FORMS.byId(id).orElseThrow();
  }

  private static List<String> fieldsInError(Runnable action) {
    try {
      action.run();
    } catch (InvalidFieldsException e) {
      return e.all().stream().map(InvalidFieldException::field).toList();
    } catch (InvalidFieldException e) {
      return List.of(e.field());
    }
    throw new AssertionError("accepted");
  }

  @Test
  void everyFormOfTheModelsLoads() {
    assertThat(FORMS.all())
        .extracting(StepForm::id)
        .contains(
            "feedback-classification",
            "extension-decision",
            "initiative-panel",
            "initiative-scoring",
            "sla-supervision",
            "task-progress-report");
    assertThat(FORMS.all()).allSatisfy(form -> assertThat(form.keys()).isNotEmpty());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    StepForm scoring = form("initiative-scoring");
    Map<String, Object> sheet = new HashMap<>();
    sheet.put("scoreNovelty", 11);
    sheet.put("commentNovelty", "x".repeat(2001));
    assertThat(fieldsInError(() -> scoring.validate(sheet, Map.of(), Map.of())))
        .contains(
            "scoreNovelty",
            "commentNovelty",
            "scoreFeasibility",
            "commentFeasibility",
            "scoreSustainability")
        .hasSize(12);
  }

  @Test
  void writesOnlyTheVisibleWritableFieldsItDeclares() {
    StepForm decision = form("extension-decision");
    Map<String, Object> sent = Map.of(
        "decision",
        "reject",
        "approvedDeadline",
        "2027-01-31",
        "decisionNote",
        "Đồng ý",
        "title",
        "changed title",
        "leadAgency",
        "bca",
        "taskCaseCode",
        "NV-2026-000001");
    Map<String, Object> variables = decision.validate(sent, Map.of("title", "Nhiệm vụ"), Map.of());
    // approvedDeadline is hidden unless another date is approved; title is read-only; leadAgency is
    // not on the form
    assertThat(variables).containsOnlyKeys("decision", "decisionNote");
  }

  @Test
  void aFieldShownByAConditionIsCheckedAndTyped() {
    StepForm decision = form("extension-decision");
    assertThat(fieldsInError(() -> decision.validate(
            Map.of("decision", "approve-other-date", "decisionNote", "ok"), Map.of(), Map.of())))
        .containsExactly("approvedDeadline");
    assertThat(decision.validate(
            Map.of(
                "decision",
                "approve-other-date",
                "approvedDeadline",
                "2027-03-31T00:00",
                "decisionNote",
                "ok"),
            Map.of(),
            Map.of()))
        .containsEntry("approvedDeadline", "2027-03-31");
  }

  @Test
  void choicesMustBeListedOnes() {
    StepForm classification = form("feedback-classification");
    assertThat(fieldsInError(() -> classification.validate(
            Map.of("field", "weather", "handlingAgency", "bkhcn"), Map.of(), Map.of())))
        .containsExactly("field");
    List<StepForm.Option> agencies = List.of(new StepForm.Option("moi", "Cơ quan mới"));
    assertThat(classification.validate(
            Map.of("field", "institutions", "handlingAgency", "moi"),
            Map.of(),
            Map.of("handlingAgency", agencies)))
        .containsEntry("handlingAgency", "moi");
    assertThat(fieldsInError(() -> classification.validate(
            Map.of("field", "institutions", "handlingAgency", "bkhcn"),
            Map.of(),
            Map.of("handlingAgency", agencies))))
        .containsExactly("handlingAgency");
  }

  @Test
  void numbersAreWholeWhereTheyCanBe() {
    StepForm consensus = form("initiative-consensus");
    assertThat(consensus.validate(
            Map.of("consensusScore", "7", "consensusNote", "Thống nhất"), Map.of(), Map.of()))
        .containsEntry("consensusScore", 7L);
    assertThat(consensus.validate(
            Map.of("consensusScore", 7.5, "consensusNote", "Thống nhất"), Map.of(), Map.of()))
        .containsEntry("consensusScore", 7.5);
    assertThat(fieldsInError(() -> consensus.validate(
            Map.of("consensusScore", "bảy", "consensusNote", "x"), Map.of(), Map.of())))
        .containsExactly("consensusScore");
  }

  @Test
  void numbersKeepTheDecimalsTheirFormAllows() {
    StepForm consensus = form("initiative-consensus");
    assertThat(fieldsInError(() -> consensus.validate(
            Map.of("consensusScore", "7.555", "consensusNote", "x"), Map.of(), Map.of())))
        .containsExactly("consensusScore");
    StepForm progress = form("task-progress-report");
    assertThat(fieldsInError(() -> progress.validate(
            Map.of("progressPercent", "40,5", "progressText", "Đang làm"), Map.of(), Map.of())))
        .containsExactly("progressPercent");
    assertThat(progress.validate(
            Map.of("progressPercent", "40.0", "progressText", "Đang làm"), Map.of(), Map.of()))
        .containsEntry("progressPercent", 40L);
  }

  @Test
  void aPanelIsChosenFromTheOfferedExperts() {
    StepForm panel = form("initiative-panel");
    Map<String, List<StepForm.Option>> experts = Map.of(
        "panelText",
        List.of(
            new StepForm.Option("chuyengia.an", "An"),
            new StepForm.Option("chuyengia.binh", "Bình")));
    assertThat(panel.validate(
            Map.of("panelText", List.of("chuyengia.an", "chuyengia.binh")), Map.of(), experts))
        .containsEntry("panelText", List.of("chuyengia.an", "chuyengia.binh"));
    assertThat(fieldsInError(() -> panel.validate(
            Map.of("panelText", List.of("chuyengia.an", "nguoila")), Map.of(), experts)))
        .containsExactly("panelText");
    assertThat(fieldsInError(
            () -> panel.validate(Map.of("panelText", "chuyengia.an"), Map.of(), experts)))
        .containsExactly("panelText");
    assertThat(fieldsInError(() -> panel.validate(Map.of(), Map.of(), experts)))
        .containsExactly("panelText");
  }

  @Test
  void conditionsOutsideTheSupportedSubsetAreRefused() {
    assertThatThrownBy(() -> FormCondition.parse("=count(x) > 2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(FormCondition.parse("=a = null or a = \"x\"").holds(Map.of())).isTrue();
    assertThat(FormCondition.parse("=a = null or a = \"x\"").holds(Map.of("a", "y")))
        .isFalse();
    assertThat(FormCondition.parse("=not(b)").holds(Map.of("b", ""))).isTrue();
    assertThat(FormCondition.parse("=not(b)").holds(Map.of("b", "note"))).isFalse();
  }
}
