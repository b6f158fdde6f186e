package vn.dondoc.app.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.validator.constraints.Range;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.app.web.NotFoundException;

/** The SLA policy table, for admins (the role is checked in SecurityConfig). */
@RestController
@RequestMapping("/api/v1/admin/sla-policies")
class SlaPolicyController {

  private final SlaPolicies policies;

  SlaPolicyController(SlaPolicies policies) {
    this.policies = policies;
  }

  /** What an admin sets for one case type and stage. */
  record PolicyEdit(
      @NotNull(message = "{validation.required}")
      @Range(min = 1, max = 365, message = "{validation.between}")
      Integer budgetWorkingDays,

      @NotNull(message = "{validation.required}")
      @DecimalMin(value = "0.01", message = "{validation.share}")
      @DecimalMax(value = "0.99", message = "{validation.share}")
      @Digits(integer = 1, fraction = 2, message = "{validation.share}")
      BigDecimal warnShare,

      @NotNull(message = "{validation.required}")
      @Range(min = 0, max = 60, message = "{validation.between}")
      Integer supervisorDelayWorkingDays) {}

  @GetMapping
  List<SlaPolicy> all() {
    return policies.all();
  }

  /** Only existing policies are edited: case types and stages are defined by the process models. */
  @PutMapping("/{caseType}/{stage}")
  SlaPolicy put(
      @PathVariable String caseType,
      @PathVariable String stage,
      @Valid @RequestBody PolicyEdit edit,
      @AuthenticationPrincipal Jwt admin) {
    SlaPolicy policy = new SlaPolicy(
        caseType,
        stage,
        edit.budgetWorkingDays(),
        edit.warnShare(),
        edit.supervisorDelayWorkingDays());
    return policies
        .edit(policy, admin.getClaimAsString("preferred_username"))
        .orElseThrow(() -> new NotFoundException("sla-policy.not-found"));
  }
}
