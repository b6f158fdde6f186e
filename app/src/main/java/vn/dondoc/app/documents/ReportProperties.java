package vn.dondoc.app.documents;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dondoc.reports.*}: who issues the periodic report and how it is addressed (the heading, the
 * number's symbol, the place, the title, "Nơi nhận", the signing capacity and the default signer), and where
 * the fonts embedded in its PDF are.
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
 */
@ConfigurationProperties("dondoc.reports")
public record ReportProperties(String parentBody, String issuer, String symbol, String place, String title,
    List<String> recipients, String signingCapacity, String signerTitle, String signerName, Path fontDirectory) {}
