package vn.dondoc.app.dashboards;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dondoc.app.portal.PortalPages;
import vn.dondoc.app.time.DisplayDates;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * The public transparency page ({@value #PATH}, no login): the public figures of a period chosen in the URL
 * ({@code ?ky=2026-q3}), as server-rendered tables that static/js/charts.js draws as charts. The numbers are
 * those of {@code /api/v1/public/figures?period=} for the same period, formatted in the page's language.
 */
@Controller
class TransparencyPage {

  static final String PATH = "/so-lieu";

  private final PublicFigures figures;
  private final PortalPages pages;
  private final MessageSource messages;

  TransparencyPage(PublicFigures figures, PortalPages pages, MessageSource messages) {
    this.figures = figures;
    this.pages = pages;
    this.messages = messages;
  }

  /** One period of the selector, labelled. */
  record Choice(String key, String label) {}

  @GetMapping(path = PATH, produces = "text/html")
  String page(@RequestParam(name = "ky", required = false) String periodKey, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    PublicPeriod period;
    try {
      period = PublicPeriod.parse(periodKey, figures.today(), "ky");
    } catch (InvalidFieldException e) {
      // A bad period in a shared link: say so next to the selector and show everything so far.
      model.addAttribute("periodError", messages.getMessage(e.messageKey(), e.arguments(), locale));
      period = PublicPeriod.all();
    }
    PublicFigures.Figures shown = figures.figures(locale, period);
    model.addAttribute("figures", shown);
    model.addAttribute("period", period);
    model.addAttribute("periodLabel", label(period, locale, messages));
    model.addAttribute(
        "choices",
        PublicPeriod.choices(shown.asOf()).stream()
            .map(p -> new Choice(p.key(), label(p, locale, messages)))
            .toList());
    model.addAttribute(
        "formula",
        "en".equals(locale.getLanguage())
            ? shown.ranking().formula().en()
            : shown.ranking().formula().vi());
    model.addAttribute("weights", List.of(RankingIndex.Component.values()));
    model.addAttribute("numbers", new Numbers(locale));
    model.addAttribute("asOf", DisplayDates.DAY.format(shown.asOf()));
    model.addAttribute("rankingFrom", DisplayDates.DAY.format(shown.ranking().from()));
    model.addAttribute("rankingTo", DisplayDates.DAY.format(shown.ranking().to()));
    return pages.render(model, "figures", period.isAll() ? PATH : PATH + "?ky=" + period.key());
  }

  /** "Quý 3/2025", "Năm 2025", "Từ trước đến nay" (also the ranking page's period choices). */
  static String label(PublicPeriod period, Locale locale, MessageSource messages) {
    if (period.isAll()) {
      return messages.getMessage("portal.figures.period.all", null, locale);
    }
    if (period.quarter() != null) {
      return messages.getMessage(
          "portal.figures.period.quarter",
          new Object[] {period.quarter(), String.valueOf(period.year())},
          locale);
    }
    return messages.getMessage(
        "portal.figures.period.year", new Object[] {String.valueOf(period.year())}, locale);
  }

  /** Numbers as the page's language writes them: 1.071 and 94,2 in Vietnamese, 1,071 and 94.2 in English. */
  static final class Numbers {
    private final Locale locale;

    Numbers(Locale locale) {
      this.locale = locale;
    }

    public String count(long value) {
      return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** One decimal, or a dash when there is nothing to divide. */
    public String decimal(BigDecimal value) {
      if (value == null) {
        return "—";
      }
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(1);
      format.setMaximumFractionDigits(1);
      return format.format(value);
    }

    public String percent(BigDecimal value) {
      return value == null ? "—" : decimal(value) + "%";
    }

    /** The raw value for data-value attributes (what the charts draw and the tests compare); empty when none. */
    public String raw(BigDecimal value) {
      return value == null ? "" : value.toPlainString();
    }
  }
}
