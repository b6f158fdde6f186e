package vn.dondoc.app.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration
class PortalWebConfig implements WebMvcConfigurer {

  /** Named so that it replaces Spring Boot's Accept-Language resolver (which it keeps for the API). */
  @Bean
  LocaleResolver localeResolver() {
    return new PortalLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    // Every page, the portal's and the staff pages (vn.dondoc.app.staff), switches language with
    // ?lang=.
    registry
        .addInterceptor(lang)
        .addPathPatterns("/**")
        .excludePathPatterns("/api/**", "/engine-rest/**", "/camunda/**", "/actuator/**");
  }
}
