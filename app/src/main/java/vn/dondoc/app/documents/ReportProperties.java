package vn.dondoc.app.documents;

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
 *
 * @param parentBody the body above the issuer in the heading
 * @param issuer the body that issues the report
 * @param symbol the symbol after the report's number
 * @param place where it is issued, before the date
 * @param title the report's title
 * @param recipients the lines of "Nơi nhận"
 * @param signingCapacity the signing capacity above the signer's title (KT., TL.)
 * @param signerTitle the default signer's title
 * @param signerName the default signer's name
 * @param fontDirectory the folder of the fonts embedded in the PDFs (Liberation Serif 2; DONDOC_FONT_DIRECTORY)
 * @param signer the username of the realm's person who signs by default (their name and job title), if any
 */
@ConfigurationProperties("dondoc.reports")
public record ReportProperties(
    String parentBody,
    String issuer,
    String symbol,
    String place,
    String title,
    List<String> recipients,
    String signingCapacity,
    String signerTitle,
    String signerName,
    Path fontDirectory,
    String signer) {

  /** The one Spring binds. */
  @ConstructorBinding
  public ReportProperties {}

  /** Without a signer in the realm. */
  public ReportProperties(
      String parentBody,
      String issuer,
      String symbol,
      String place,
      String title,
      List<String> recipients,
      String signingCapacity,
      String signerTitle,
      String signerName,
      Path fontDirectory) {
    this(
        parentBody,
        issuer,
        symbol,
        place,
        title,
        recipients,
        signingCapacity,
        signerTitle,
        signerName,
        fontDirectory,
        null);
  }

  /** The title and name the signature block starts with (the office may change them before downloading). */
  public record Signature(String title, String name) {}

  /**
   * The default signer's title and name: those of {@code signer}'s profile when the realm has the person (the
   * configured title when they have no job title), the configured ones otherwise.
   */
  public Signature signature(Optional<KeycloakDirectory.Profile> signerProfile) {
    return signerProfile
        .map(profile -> new Signature(
            profile.jobTitle() == null || profile.jobTitle().isBlank()
                ? signerTitle
                : profile.jobTitle(),
            profile.fullName()))
        .orElse(new Signature(signerTitle, signerName));
  }
}
