package vn.dondoc.app.search;

import org.elasticsearch.client.RestClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dondoc.search.CaseIndex;

@Configuration
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfig {

  /** Uses the RestClient that Spring Boot configures from spring.elasticsearch.* (and health-checks). */
  @Bean
  CaseIndex caseIndex(RestClient restClient, SearchProperties settings) {
    return new CaseIndex(restClient, settings.alias());
  }
}
