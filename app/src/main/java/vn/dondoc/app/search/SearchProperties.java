package vn.dondoc.app.search;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dondoc.search.*}: the search index.
 *
 * @param alias the Elasticsearch alias the cases are searched under (DONDOC_SEARCH_ALIAS); reindexing
 *     swaps it onto a new index
 * @param sweepInterval how often the cases whose labels changed with time (a clock's warning or due instant, a
 *     task's day) are indexed again ({@link SearchStateSweep})
 */
@Validated
@ConfigurationProperties("dondoc.search")
record SearchProperties(
    @NotBlank String alias, @DefaultValue("20s") Duration sweepInterval) {}
