package vn.dondoc.app.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.app.cases.AuditLog;
import vn.dondoc.app.security.Caller;
import vn.dondoc.app.sla.SlaPolicies;
import vn.dondoc.app.sla.SlaPolicy;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The SLA policies page ({@value #PATH}): the budget of each case type's stages in working days, the
 * warning share (typed in per cent) and the supervisor's delay; an edit applies to clocks started after
 * it ({@link SlaPolicies#edit}, which audits it), and the page lists the audited edits, newest first.
 */
@Controller
@StaffPage
class SlaPolicyPage {

  static final String PATH = AdminOnly.ROOT + "/thoi-han";
  private static final String FORM = "admin-sla";
  private static final String LABELS = "staff.admin.sla.field.";
  /** The same bounds as PUT /api/v1/admin/sla-policies. */
  private static final int BUDGET_MAX = 365;

  private static final int DELAY_MAX = 60;

  private final SlaPolicies policies;
  private final AuditLog audit;
  private final StaffForms forms;

  SlaPolicyPage(SlaPolicies policies, AuditLog audit, StaffForms forms) {
    this.policies = policies;
    this.audit = audit;
    this.forms = forms;
  }

  /** A policy as the form's choice names it: case type and stage. */
  static String key(SlaPolicy policy) {
    return policy.caseType() + "/" + policy.stage();
  }

  /** An audited edit: when, who, which policy, the values before and after. */
  record Change(AuditLog.Event event, Map<?, ?> before, Map<?, ?> after) {}

  @GetMapping(value = PATH, produces = "text/html")
  String page(@RequestParam(name = "chon", required = false) String chosen, Model model) {
    List<SlaPolicy> all = policies.all();
    Optional<SlaPolicy> selected = all.stream()
        .filter(policy -> key(policy).equals(chosen))
        .findFirst()
        .or(() -> all.stream().findFirst());
    model.addAttribute("page", FORM);
    model.addAttribute("policies", all);
    model.addAttribute("selected", selected.map(SlaPolicyPage::key).orElse(""));
    selected.ifPresent(policy -> model.addAttribute("selectedPolicy", policy));
    List<Change> history = new ArrayList<>(audit.history(SlaPolicies.AUDIT_CASE).stream()
        .map(event -> new Change(event, (Map<?, ?>) event.detail().get("before"), (Map<?, ?>)
            event.detail().get("after")))
        .toList());
    Collections.reverse(history);
    model.addAttribute("history", history);
    return "staff/admin-sla";
  }

  @PostMapping(PATH)
  String edit(
      @RequestParam(required = false) String policy,
      @RequestParam(required = false) String budget,
      @RequestParam(required = false) String warnPercent,
      @RequestParam(required = false) String supervisorDelay,
      Authentication admin,
      RedirectAttributes redirect) {
    Map<String, String> typed = StaffForms.typed(
        "policy",
        policy,
        "budget",
        budget,
        "warnPercent",
        warnPercent,
        "supervisorDelay",
        supervisorDelay);
    String back = "redirect:" + PATH + "?chon=" + (policy == null ? "" : policy);
    try {
      SlaPolicy current = policies.all().stream()
          .filter(p -> key(p).equals(policy))
          .findFirst()
          .orElseThrow(() -> new InvalidFieldException("policy", "validation.required"));
      SlaPolicy edited = new SlaPolicy(
          current.caseType(),
          current.stage(),
          number("budget", budget, 1, BUDGET_MAX),
          BigDecimal.valueOf(number("warnPercent", warnPercent, 1, 99), 2),
          number("supervisorDelay", supervisorDelay, 0, DELAY_MAX));
      policies.edit(edited, Caller.of(admin).username());
      forms.accepted(redirect, FORM, "staff.admin.sla.saved");
    } catch (InvalidFieldException e) {
      forms.rejected(redirect, e, LABELS + e.field(), typed);
    }
    return back;
  }

  private static int number(String field, String typed, int min, int max) {
    return WholeNumbers.parse(
        field, typed, min, max, "validation.required", "staff.admin.sla.whole-number");
  }
}
