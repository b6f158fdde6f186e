package vn.dondoc.app.attachments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfig {

  @Bean
  ContentSniffer contentSniffer(AttachmentProperties properties) {
    return new ContentSniffer(properties.allowedTypes(), properties.zip());
  }
}
