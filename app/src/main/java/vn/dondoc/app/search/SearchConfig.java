package vn.dondoc.app.search;

import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dondoc.search.CaseIndex;

@Configuration
class SearchConfig {

  /** Uses the RestClient that Spring Boot configures from spring.elasticsearch.* (and health-checks). */
  @Bean
  CaseIndex caseIndex(RestClient restClient, @Value("${dondoc.search.alias}") String alias) {
    return new CaseIndex(restClient, alias);
  }
}
