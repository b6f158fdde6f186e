package vn.dondoc.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import vn.dondoc.app.web.Problems;

/** 401 and 403 for API callers as RFC 7807 problem JSON, in the caller's language. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper json;
  private final MessageSource messages;
  private final LocaleResolver locales;

  /** The MVC locale resolver (Accept-Language, Vietnamese by default), since these run before MVC. */
  ProblemResponses(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
    this.json = json;
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"dondoc\"");
    write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "forbidden");
  }

  /** A 403 answered with messages problem.{key}.title and .detail instead of the general ones. */
  AccessDeniedHandler forbidden(String key) {
    return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, key);
  }

  /** A problem+json answer titled and detailed by messages problem.{key}.title and problem.{key}.detail. */
  void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
      throws IOException {
    var locale = locales.resolveLocale(request);
    ProblemDetail problem = Problems.of(
        status,
        key,
        messages.getMessage("problem." + key + ".title", null, locale),
        messages.getMessage("problem." + key + ".detail", null, locale));
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
