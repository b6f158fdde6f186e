package vn.dondoc.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.Api;
import vn.dondoc.app.support.IntegrationTest;

/**
 * The static files are served with Spring's resource chain off ({@link StaticResources}): the pages' version-less
 * WebJars paths still find their file, and the project's own files are served as before.
 */
class StaticResourcesIT extends IntegrationTest {

  @Test
  void aWebJarIsFoundByItsPathWithoutAVersionAndTheOwnFilesAreServed() {
    Api.Response chart = api().get("/webjars/chart.js/dist/chart.umd.min.js", null);
    assertThat(chart.status()).isEqualTo(200);
    assertThat(chart.contentType()).contains("javascript");
    assertThat(chart.raw().body()).contains("Chart");

    Api.Response css = api().get("/css/staff.css", null);
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");

    assertThat(api().get("/webjars/chart.js/dist/no-such-file.js", null).status())
        .isEqualTo(404);
  }
}
