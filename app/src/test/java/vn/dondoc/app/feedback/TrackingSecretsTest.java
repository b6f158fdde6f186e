package vn.dondoc.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingSecretsTest {

  private final TrackingSecrets secrets = new TrackingSecrets("server-key-for-tests");

  @Test
  void aSecretIsSixGroupsOfFourWithoutLookAlikes() {
    Set<String> issued = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String secret = secrets.issue("PA-2026-000001", null);
      assertThat(secret).matches("([2-9A-HJKMNP-Z]{4}-){5}[2-9A-HJKMNP-Z]{4}");
      assertThat(secret).doesNotContain("0", "1", "O", "I", "L");
      issued.add(secret);
    }
    assertThat(issued).as("random secrets differ").hasSize(200);
  }

  @Test
  void theSameIdempotencyKeyGivesTheSameSecretAndAnotherKeyAnother() {
    String first = secrets.issue("PA-2026-000001", "key-1");
    assertThat(secrets.issue("PA-2026-000001", "key-1")).isEqualTo(first);
    assertThat(secrets.issue("PA-2026-000001", "key-2")).isNotEqualTo(first);
    assertThat(new TrackingSecrets("another-server-key").issue("PA-2026-000001", "key-1"))
        .isNotEqualTo(first);
  }

  @Test
  void aSecretMatchesTypedInLowerCaseWithoutDashesOrWithSpaces() {
    String secret = secrets.issue("PA-2026-000001", null);
    String stored = TrackingSecrets.hash(secret);

    assertThat(TrackingSecrets.matches(secret, stored)).isTrue();
    assertThat(TrackingSecrets.matches(secret.toLowerCase(), stored)).isTrue();
    assertThat(TrackingSecrets.matches(secret.replace("-", ""), stored)).isTrue();
    assertThat(TrackingSecrets.matches(" " + secret.replace("-", " ") + " ", stored))
        .isTrue();
    assertThat(TrackingSecrets.matches(
            secret.substring(0, 28) + (secret.charAt(28) == 'Z' ? 'Y' : 'Z'), stored))
        .isFalse();
    assertThat(TrackingSecrets.matches("", stored)).isFalse();
  }

  @Test
  void aBase64SecretIssuedBeforeTheAlphabetStillMatchesExactlyAsIssued() {
    String old = "q3J-x_9ZbT0aLmN4pQrS2uVw";
    String stored = TrackingSecrets.hash(old);

    assertThat(TrackingSecrets.matches(old, stored)).isTrue();
    assertThat(TrackingSecrets.matches(old.toUpperCase(), stored)).isFalse();
  }
}
