package vn.dondoc.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.dondoc.app.web.InvalidFieldException;

class StaffMailChoiceTest {

  @Test
  void theDigestTakesAnHourOfTheDay() {
    assertThat(StaffMailPage.choice("DIGEST", "17"))
        .isEqualTo(new StaffMailSettings.Choice(StaffMailSettings.Delivery.DIGEST, 17));
    assertThat(StaffMailPage.choice("DIGEST", "0").digestHour()).isZero();
    assertThat(StaffMailPage.choice("IMMEDIATE", "")).isEqualTo(StaffMailSettings.Choice.IMMEDIATE);
    assertThat(StaffMailPage.choice("IMMEDIATE", "9").digestHour())
        .as("the hour is kept for a later digest")
        .isEqualTo(9);
  }

  @Test
  void anythingElseIsRefusedOnItsField() {
    assertThatThrownBy(() -> StaffMailPage.choice("DIGEST", "24"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("hour");
    assertThatThrownBy(() -> StaffMailPage.choice("DIGEST", "7h"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("hour");
    assertThatThrownBy(() -> StaffMailPage.choice("WEEKLY", "7"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("delivery");
    assertThatThrownBy(() -> StaffMailPage.choice(null, "7"))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).messageKey())
        .isEqualTo("validation.required");
  }
}
