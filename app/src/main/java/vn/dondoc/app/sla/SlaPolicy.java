package vn.dondoc.app.sla;

import java.math.BigDecimal;

/**
 * The budget of one stage of one case type (a row of sla_policy): working days until due, the share of
 * that working time after which the people on the stage are reminded, and the working days an
 * overdue stage may stay open before a supervisor is called in.
 */
public record SlaPolicy(
    String caseType,
    String stage,
    int budgetWorkingDays,
    BigDecimal warnShare,
    int supervisorDelayWorkingDays) {}
