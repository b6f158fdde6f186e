package vn.dondoc.app.feedback;

import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.dondoc.processes.FeedbackHandling;

/**
 * How long the model waits for the sender (application.yaml, dondoc.feedback.*). Parsed at start-up
 * so that a typo stops the application instead of failing a timer months later.
 */
@Component(FeedbackHandling.Policy.BEAN)
class FeedbackPolicy implements FeedbackHandling.Policy {

  private final Duration infoWait;
  private final Duration ratingWindow;

  FeedbackPolicy(FeedbackProperties settings) {
    this.infoWait = settings.infoWait();
    this.ratingWindow = settings.ratingWindow();
  }

  @Override
  public String getInfoWait() {
    return infoWait.toString();
  }

  @Override
  public String getRatingWindow() {
    return ratingWindow.toString();
  }
}
