package vn.dondoc.app.dashboards;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.initiatives.InitiativeCategory;
import vn.dondoc.app.tasks.TaskField;

/**
 * One vocabulary of fields on the supervisor's boards: the fields of the task appendix (TaskField). A feedback
 * item's field (FeedbackField, the portal's seven) is counted and filtered under the task field that contains it,
 * so that "Thể chế" (feedback) and "Thể chế, quy định, quy trình" (tasks) are one row. An initiative's category
 * is not a field of the programme and keeps its own rows.
 */
final class FieldVocabulary {

  /** The task field each feedback field belongs to ({@link FeedbackField#taskField()}). */
  static final Map<FeedbackField, TaskField> OF_FEEDBACK = Arrays.stream(FeedbackField.values())
      .collect(Collectors.toUnmodifiableMap(f -> f, FeedbackField::taskField));

  private static final Map<String, String> BOARD_FIELD = OF_FEEDBACK.entrySet().stream()
      .collect(
          Collectors.toUnmodifiableMap(e -> e.getKey().code(), e -> e.getValue().code()));

  /** The codes the boards offer: the task fields, then the initiatives' categories. */
  static final Set<String> BOARD_CODES = Stream.concat(
          Arrays.stream(TaskField.values()), Arrays.stream(InitiativeCategory.values()))
      .map(v -> v.code())
      .collect(Collectors.toUnmodifiableSet());

  private FieldVocabulary() {}

  /** The board's field of a case's stored field code (null stays null). */
  static String boardField(String stored) {
    return stored == null ? null : BOARD_FIELD.getOrDefault(stored, stored);
  }

  /** The stored field codes a board field (or a stored code given in a URL) stands for. */
  static String[] storedCodes(String field) {
    String board = boardField(field);
    return Stream.concat(
            Stream.of(board),
            BOARD_FIELD.entrySet().stream()
                .filter(e -> e.getValue().equals(board))
                .map(Map.Entry::getKey))
        .toArray(String[]::new);
  }
}
