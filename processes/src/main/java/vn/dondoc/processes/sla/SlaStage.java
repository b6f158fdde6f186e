package vn.dondoc.processes.sla;

/** Stage names the models pass to {@link SlaClocks}; each is a row of the SLA policy table. */
public final class SlaStage {

  public static final String ROUTE = "ROUTE";
  public static final String ACCEPT = "ACCEPT";
  public static final String ANSWER = "ANSWER";

  private SlaStage() {}
}
