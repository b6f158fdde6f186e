package vn.dondoc.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The API's contract: OpenAPI 3 read from the controllers by springdoc, served at {@value #DOCS} with Swagger UI at
 * {@value #UI}, both for signed-in staff and admins only (SecurityConfig's page chain). Added here what the
 * controllers cannot say: the bearer token of the realm {@code dondoc}, and worked examples in Vietnamese for the
 * main endpoints, from {@value #EXAMPLES} ({@code ApiContractIT} fails when one names no operation of the contract).
 */
@Configuration
class ApiContract {

  static final String DOCS = "/v3/api-docs";
  static final String UI = "/swagger-ui/index.html";
  static final String EXAMPLES = "openapi/examples.json";
  private static final String TOKEN = "keycloak";

  @Bean
  OpenAPI dondocApi() {
    return new OpenAPI()
        .info(new Info().title("Dondoc API").version("v1").description("""
            Hệ thống theo dõi, đôn đốc thực hiện Nghị quyết 57-NQ/TW: phản ánh, kiến nghị; nhiệm vụ, minh chứng, \
            gia hạn; sáng kiến; thời hạn xử lý (SLA). Token: realm `dondoc` của Keycloak, client `dondoc-api`. \
            Lỗi dữ liệu trả về RFC 7807 (problem+json) nêu từng trường, tiếng Việt mặc định, tiếng Anh với \
            `Accept-Language: en`."""))
        .components(new Components()
            .addSecuritySchemes(
                TOKEN,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description("Access token của realm dondoc (client dondoc-api)")))
        .addSecurityItem(new SecurityRequirement().addList(TOKEN));
  }

  /** The examples of {@value #EXAMPLES}, each on its operation ("METHOD /path"); one naming none is left out. */
  @Bean
  OpenApiCustomizer vietnameseExamples(ObjectMapper json) {
    JsonNode examples = read(json);
    return api -> examples.fields().forEachRemaining(entry -> {
      String[] key = entry.getKey().split(" ", 2);
      PathItem path = api.getPaths() == null ? null : api.getPaths().get(key[1]);
      Operation operation =
          path == null ? null : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(key[0]));
      if (operation != null) {
        annotate(operation, entry.getValue(), json);
      }
    });
  }

  private static void annotate(Operation operation, JsonNode example, ObjectMapper json) {
    operation.setSummary(example.path("summary").asText(null));
    if (example.hasNonNull("description")) {
      operation.setDescription(example.get("description").asText());
    }
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        JsonNode value = example.path("parameters").get(parameter.getName());
        if (value != null) {
          parameter.setExample(value.asText());
        }
      }
    }
    if (example.has("request")
        && operation.getRequestBody() != null
        && operation.getRequestBody().getContent() != null) {
      operation
          .getRequestBody()
          .getContent()
          .values()
          .forEach(media -> media.setExample(plain(example.get("request"), json)));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = example.path("responses").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      if (operation.getResponses() == null) {
        operation.setResponses(new ApiResponses());
      }
      ApiResponse answer = operation
          .getResponses()
          .computeIfAbsent(response.getKey(), status -> new ApiResponse().description(status));
      if (answer.getContent() == null || answer.getContent().isEmpty()) {
        answer.setContent(new Content().addMediaType("application/json", new MediaType()));
      }
      answer
          .getContent()
          .values()
          .forEach(media -> media.setExample(plain(response.getValue(), json)));
    }
  }

  /** The example as plain maps and lists, which springdoc writes as the JSON it was. */
  private static Object plain(JsonNode node, ObjectMapper json) {
    return json.convertValue(node, Object.class);
  }

  private static JsonNode read(ObjectMapper json) {
    try (InputStream in = new ClassPathResource(EXAMPLES).getInputStream()) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
