package vn.dondoc.app.attachments;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({AttachmentProperties.class, SignatureTrustProperties.class})
class AttachmentConfig {

  @Bean
  ContentSniffer contentSniffer(AttachmentProperties properties) {
    return new ContentSniffer(properties.allowedTypes(), properties.zip());
  }

  @Bean
  PdfSignatureVerifier pdfSignatureVerifier(SignatureTrustProperties trust, Clock clock) {
    return new PdfSignatureVerifier(
        PdfSignatureVerifier.anchorsOf(
            trust.trustStore(), trust.trustStoreType(), trust.trustStorePassword()),
        clock);
  }
}
