package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dondoc.app.sla.SlaSummaries;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.staff.StaffLabels;
import vn.dondoc.app.tasks.TaskField;

/**
 * Tasks and feedback speak of the same fields in one vocabulary: the field codes search indexes for both case types
 * (a task's TaskField, and what {@link FeedbackProjector} writes for each feedback field) each have one label in the
 * staff search facet, and no label is another's shorter wording (the facet showed "Thể chế" next to "Thể chế, quy
 * định, quy trình", and "Thủ tục hành chính" next to "Thủ tục hành chính, dịch vụ công trực tuyến").
 */
class FieldVocabularyTest {

  private final CaseLabels labels = StaffLabels.caseLabels();

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @ParameterizedTest
  @ValueSource(strings = {"vi", "en"})
  void everyIndexedFieldCodeHasOneLabelAndNoLabelRewordsAnother(String language) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
    Set<String> taskCodes =
        Arrays.stream(TaskField.values()).map(TaskField::code).collect(Collectors.toSet());
    Set<String> feedbackCodes = Arrays.stream(FeedbackField.values())
        .map(FieldVocabularyTest::indexedField)
        .collect(Collectors.toSet());
    assertThat(feedbackCodes)
        .as("the codes feedback items are indexed under are the tasks' codes")
        .isSubsetOf(taskCodes);

    Map<String, Set<String>> codesByLabel = new TreeMap<>();
    for (String code : union(taskCodes, feedbackCodes)) {
      codesByLabel
          .computeIfAbsent(labels.facetValue("field", code), label -> new TreeSet<>())
          .add(code);
    }
    assertThat(codesByLabel)
        .allSatisfy((label, codes) -> assertThat(codes).as(label).hasSize(1));
    for (String label : codesByLabel.keySet()) {
      assertThat(codesByLabel.keySet())
          .as("labels that reword " + label)
          .noneMatch(other -> !other.equals(label) && other.startsWith(label));
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The field code search indexes for a feedback item of the given field. */
  private static String indexedField(FeedbackField field) {
    FeedbackRepository repository = mock(FeedbackRepository.class);
    SlaSummaries sla = mock(SlaSummaries.class);
    when(sla.of(anyString())).thenReturn(Optional.empty());
    Instant at = Instant.parse("2026-12-01T03:00:00Z");
    when(repository.findById(anyLong()))
        .thenReturn(Optional.of(new FeedbackRepository.Item(
            1L,
            "PA-2026-000001",
            "question",
            field.code(),
            "hanoi",
            "Tiêu đề",
            "Nội dung",
            null,
            null,
            false,
            "RECEIVED",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            0,
            at,
            at,
            null,
            0L,
            "portal")));
    return new FeedbackProjector(repository, sla)
        .project(1L)
        .orElseThrow()
        .document()
        .field();
  }
}
