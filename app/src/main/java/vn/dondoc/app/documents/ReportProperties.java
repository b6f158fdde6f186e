package vn.dondoc.app.documents;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dondoc.reports.*}: who issues the periodic report and how it is addressed (the heading, the
 * number's symbol, the place, the title, "Nơi nhận", the signing capacity and the default signer), and where
 * the fonts embedded in its PDF are.
 */
@ConfigurationProperties("dondoc.reports")
public record ReportProperties(String parentBody, String issuer, String symbol, String place, String title,
    List<String> recipients, String signingCapacity, String signerTitle, String signerName, Path fontDirectory) {}
