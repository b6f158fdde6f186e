package vn.dondoc.app.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import vn.dondoc.app.security.KeycloakDirectory;

/**
 * {@code dondoc.reports.*}: who issues the periodic report and how it is addressed (the heading, the
 * number's symbol, the place, the title, "Nơi nhận", the signing capacity and the default signer), and where
 * the fonts embedded in its PDF are. The default signer is either typed here ({@code signerTitle},
 * {@code signerName}) or a person of the realm ({@code signer}, a username), whose name and job title (attribute
 * jobTitle, kept on the people page) the report's signature block then takes.
 */
@ConfigurationProperties("dondoc.reports")
public record ReportProperties(String parentBody, String issuer, String symbol, String place, String title,
    List<String> recipients, String signingCapacity, String signerTitle, String signerName, Path fontDirectory,
    String signer) {

  /** The one Spring binds. */
  @ConstructorBinding
  public ReportProperties {
  }

  /** Without a signer in the realm. */
  public ReportProperties(String parentBody, String issuer, String symbol, String place, String title,
      List<String> recipients, String signingCapacity, String signerTitle, String signerName, Path fontDirectory) {
    this(parentBody, issuer, symbol, place, title, recipients, signingCapacity, signerTitle, signerName, fontDirectory, null);
  }

  /** The title and name the signature block starts with (the office may change them before downloading). */
  public record Signature(String title, String name) {}

  /**
   * The default signer's title and name: those of {@code signer}'s profile when the realm has the person (the
   * configured title when they have no job title), the configured ones otherwise.
   */
  public Signature signature(Optional<KeycloakDirectory.Profile> signerProfile) {
    return signerProfile.map(profile -> new Signature(
            profile.jobTitle() == null || profile.jobTitle().isBlank() ? signerTitle : profile.jobTitle(), profile.fullName()))
        .orElse(new Signature(signerTitle, signerName));
  }
}
