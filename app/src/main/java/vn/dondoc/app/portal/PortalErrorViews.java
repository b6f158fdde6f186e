package vn.dondoc.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.ModelAndView;

/** An address nobody serves, asked for by a browser: the portal's own "page not found", with the ways on. */
@Component
class PortalErrorViews implements ErrorViewResolver {

  private final PortalPages pages;

  PortalErrorViews(PortalPages pages) {
    this.pages = pages;
  }

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    if (status != HttpStatus.NOT_FOUND) {
      return null;
    }
    ExtendedModelMap page = new ExtendedModelMap();
    String view = pages.render(page, "not-found", "/");
    return new ModelAndView(view, page, status);
  }
}
