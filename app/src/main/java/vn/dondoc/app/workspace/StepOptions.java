package vn.dondoc.app.workspace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.cases.CodedValue;
import vn.dondoc.app.cases.Labels;
import vn.dondoc.app.feedback.FeedbackField;
import vn.dondoc.app.feedback.FeedbackType;
import vn.dondoc.app.forms.StepForm;
import vn.dondoc.app.forms.StepForm.Option;
import vn.dondoc.app.initiatives.InitiativeCategory;
import vn.dondoc.app.initiatives.PanelChoices;
import vn.dondoc.processes.FeedbackHandling;
import vn.dondoc.processes.InitiativeSelection;

/**
 * The choice lists the server supplies to step forms, from the same sources the rest of the app checks
 * against: agencies from the agency table (a new agency needs no form edit), the closed lists with
 * their labels in the page's language, the experts who may sit on a panel. A form's own list is used
 * for every other choice.
 */
@Component
class StepOptions {

  private final ReferenceData reference;
  private final Labels labels;
  private final PanelChoices panel;
  private final MessageSource messages;

  StepOptions(ReferenceData reference, Labels labels, PanelChoices panel, MessageSource messages) {
    this.reference = reference;
    this.labels = labels;
    this.panel = panel;
    this.messages = messages;
  }

  /** The lists for the fields of {@code form} on case {@code caseCode}, by field key. */
  Map<String, List<Option>> of(StepForm form, String caseCode) {
    Map<String, List<Option>> options = new HashMap<>();
    for (String key : form.keys()) {
      List<Option> list = switch (key) {
        case FeedbackHandling.Var.HANDLING_AGENCY, InitiativeSelection.Var.TASK_LEAD_AGENCY ->
          agencies();
        case FeedbackHandling.Var.FIELD -> labelled(FeedbackField.values());
        case FeedbackHandling.Var.FEEDBACK_TYPE -> labelled(FeedbackType.values());
        case InitiativeSelection.Var.NEW_CATEGORY -> labelled(InitiativeCategory.values());
        case InitiativeSelection.Var.PANEL_TEXT -> experts(caseCode);
        default -> null;
      };
      if (list != null) {
        options.put(key, list);
      }
    }
    return options;
  }

  /** The experts who may not be chosen for this panel, with the reason (shown beside the picker). */
  List<String> excludedExperts(String caseCode) {
    return panel.forCase(caseCode).stream()
        .filter(choice -> !choice.eligible())
        .map(choice -> choice.fullName() + " – " + message(choice.excludedKey()))
        .toList();
  }

  private List<Option> agencies() {
    return reference.agencies().stream()
        .map(a -> new Option(a.code(), a.name()))
        .toList();
  }

  private List<Option> experts(String caseCode) {
    return panel.forCase(caseCode).stream()
        .filter(PanelChoices.Choice::eligible)
        .map(c -> new Option(
            c.username(),
            c.organisation() == null || c.organisation().isBlank()
                ? c.fullName()
                : c.fullName() + " – " + c.organisation()))
        .toList();
  }

  private List<Option> labelled(CodedValue[] values) {
    return Arrays.stream(values)
        .map(labels::of)
        .map(l -> new Option(l.code(), l.label()))
        .toList();
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
