package vn.dondoc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How many documents an index holds (its {@code _count}): a submission's duplicate search costs Elasticsearch
 * more the more open cases there are, so each timed phase of bench/throughput records the size it ran on.
 */
final class IndexSize {

  private IndexSize() {}

  /** The documents in the index at {@code indexUrl} (http://host:port/name), -1 when it cannot be read. */
  static long count(String indexUrl) {
    if (indexUrl == null) {
      return -1;
    }
    try {
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(indexUrl + "/_count"))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? LoadClient.read(response.body()).path("count").asLong(-1)
          : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
