package vn.dondoc.app.staff;

import static org.mockito.Mockito.mock;

import java.time.Clock;
import vn.dondoc.app.agencies.ReferenceData;
import vn.dondoc.app.support.Messages;

/** The staff pages' labels outside Spring (with the app's message bundles), for unit tests of other capabilities. */
public final class StaffLabels {

  private StaffLabels() {}

  public static CaseLabels caseLabels() {
    return new CaseLabels(Messages.source(), mock(ReferenceData.class), Clock.systemUTC());
  }
}
