package vn.dondoc.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files without Spring's resource chain on every link. With a WebJars locator on the classpath Spring Boot turns
 * the chain on for every static resource, and its URL-encoding filter then looks each link a page writes up in the
 * static folders of the jar (a supervisor board writes some 300 case links): 80 % of the CPU of the staff pages'
 * requests under bench/staff-pages (JFR, 06/12/2026). The chain is off (application.yaml,
 * spring.web.resources.chain.enabled) and only the WebJars, whose paths in the pages carry no version, get the resolver
 * that finds it; ordered first so that Spring Boot's own WebJars mapping stands back.
 */
@Configuration
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticResources implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .resourceChain(true)
        .addResolver(new LiteWebJarsResourceResolver());
  }
}
