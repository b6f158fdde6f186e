package vn.dondoc.app.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dondoc.app.staff.CaseLabels;
import vn.dondoc.app.staff.StaffForms;
import vn.dondoc.app.staff.StaffNavigation;
import vn.dondoc.app.staff.StaffPage;
import vn.dondoc.app.time.HanoiTime;
import vn.dondoc.app.web.ConflictException;
import vn.dondoc.app.web.InvalidFieldException;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.CaseHit;
import vn.dondoc.search.CaseHits;
import vn.dondoc.search.CaseIndex;
import vn.dondoc.search.CaseQuery;

/**
 * The staff search page: the search of {@code GET /api/v1/search} (same index, same {@link CallerScope}),
 * every filter, the order and the page kept in the URL, facets as links, and the caller's saved searches.
 */
@Controller
@StaffPage
class SearchPageController {

  static final int PAGE_SIZE = 20;
  static final String SAVE_FORM = "save-search";
  /** The URL parameters that make a search (SearchParams' names), in the order they are written. */
  private static final List<String> PARAMS = List.of(
      "q",
      "type",
      "status",
      "agency",
      "field",
      "locality",
      "slaState",
      "timeliness",
      "directive",
      "section",
      "createdFrom",
      "createdTo",
      "dueFrom",
      "dueTo",
      "sort",
      "channel");

  private static final Pattern MARK = Pattern.compile("<em>(.*?)</em>", Pattern.DOTALL);

  private final CaseIndex index;
  private final SavedSearches saved;
  private final CaseLabels labels;
  private final StaffForms forms;

  SearchPageController(CaseIndex index, SavedSearches saved, CaseLabels labels, StaffForms forms) {
    this.index = index;
    this.saved = saved;
    this.labels = labels;
    this.forms = forms;
  }

  /** A piece of a highlighted fragment: text (escaped by the template) and whether it matched. */
  record Segment(String text, boolean marked) {}

  record Row(
      String code,
      String href,
      String type,
      String title,
      List<Segment> titleSegments,
      List<List<Segment>> contentFragments,
      String status,
      String agency,
      String dueDay,
      String daysLeft,
      boolean overdue,
      String slaState,
      String slaLabel,
      String timeliness,
      String timelinessLabel,
      String updated) {}

  record FacetValue(String code, String label, long count, String href, boolean selected) {}

  record Facet(String name, List<FacetValue> values) {}

  /** An active filter and the URL without it. */
  record Chip(String name, String label, String removeHref) {}

  record SavedLink(long id, String name, String href) {}

  @GetMapping(value = StaffNavigation.SEARCH, produces = "text/html")
  String search(
      @ModelAttribute("params") SearchParams params,
      @RequestParam(defaultValue = "0") int page,
      Authentication caller,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("page", "search");
    Map<String, String> current = current(params);
    model.addAttribute("current", current);
    model.addAttribute(
        "saved",
        saved.list(caller.getName()).stream()
            .map(s -> new SavedLink(s.id(), s.name(), href(current(s.query()), null, null)))
            .toList());
    model.addAttribute("rows", List.of());
    Map<String, String> errors = new LinkedHashMap<>();
    model.addAttribute("searchErrors", errors);
    int pageNumber = Math.max(0, Math.min(page, 500));
    CaseQuery query;
    try {
      query = params.toQuery(pageNumber, PAGE_SIZE, HanoiTime.ZONE, "");
    } catch (InvalidFieldException e) {
      errors.put(
          e.field(),
          forms.message("staff.search.field." + e.field()) + " "
              + forms.message(e.messageKey(), e.arguments()));
      return "staff/search";
    }
    CaseHits hits;
    try {
      hits = index.search(query, CallerScope.of(caller));
    } catch (IOException | ElasticsearchException e) {
      model.addAttribute("unavailable", forms.message("search.unavailable"));
      return "staff/search";
    }
    model.addAttribute("total", hits.total());
    model.addAttribute("sort", query.effectiveSort().name().toLowerCase(java.util.Locale.ROOT));
    model.addAttribute("rows", hits.hits().stream().map(this::row).toList());
    model.addAttribute("facets", facets(hits.facets(), current));
    model.addAttribute("chips", chips(current));
    model.addAttribute("pageNumber", pageNumber);
    model.addAttribute(
        "previousHref",
        pageNumber > 0 ? href(current, "page", String.valueOf(pageNumber - 1)) : null);
    model.addAttribute(
        "nextHref",
        (long) (pageNumber + 1) * PAGE_SIZE < hits.total()
            ? href(current, "page", String.valueOf(pageNumber + 1))
            : null);
    model.addAttribute("lastPage", (hits.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    return "staff/search";
  }

  /** Saves the search in the URL under a name; errors go back next to the name field. */
  @PostMapping(StaffNavigation.SEARCH + "/luu")
  String save(
      @ModelAttribute SearchParams params,
      @RequestParam(required = false) String name,
      Authentication caller,
      RedirectAttributes redirect) {
    String back = "redirect:" + href(current(params), null, null);
    try {
      saved.save(caller.getName(), name, params);
    } catch (InvalidFieldException e) {
      if ("name".equals(e.field())) {
        forms.rejected(
            redirect, e, "staff.search.saved.name", Map.of("name", name == null ? "" : name));
      } else {
        forms.rejected(
            redirect,
            "name",
            forms.message("staff.search.saved.invalid"),
            Map.of("name", name == null ? "" : name));
      }
      return back;
    } catch (ConflictException e) {
      forms.rejected(redirect, "name", forms.message(e.messageKey()), Map.of("name", name));
      return back;
    }
    forms.accepted(redirect, SAVE_FORM, "staff.search.saved.done", name.strip());
    return back;
  }

  @PostMapping(StaffNavigation.SEARCH + "/luu/{id}/xoa")
  String delete(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
    if (saved.delete(caller.getName(), id)) {
      redirect.addFlashAttribute("notice", forms.message("staff.search.saved.deleted"));
    }
    return "redirect:" + StaffNavigation.SEARCH;
  }

  private Row row(CaseHit hit) {
    CaseDocument d = hit.document();
    List<Segment> title = hit.titleHighlights().isEmpty()
        ? List.of(new Segment(d.title(), false))
        : segments(hit.titleHighlights().get(0));
    List<List<Segment>> content =
        hit.contentHighlights().stream().map(SearchPageController::segments).toList();
    return new Row(
        d.code(),
        "/ho-so/" + d.code(),
        labels.type(d.caseType()),
        d.title(),
        title,
        content,
        labels.status(d.caseType(), d.status()),
        labels.agency(d.leadAgency()),
        labels.dueDay(d.dueAt()),
        labels.daysLeft(d.dueAt()),
        labels.overdue(d.dueAt()) && d.closedAt() == null,
        d.slaState(),
        labels.slaState(d.slaState()),
        d.timeliness(),
        labels.timeliness(d.timeliness()),
        labels.day(d.updatedAt()));
  }

  /**
   * A highlight fragment as the index gives it (HTML-escaped text, matches in em) turned back into plain
   * pieces: the template escapes every piece again and adds the only tag there is, its own em.
   */
  static List<Segment> segments(String fragment) {
    List<Segment> segments = new ArrayList<>();
    Matcher m = MARK.matcher(fragment);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        segments.add(new Segment(HtmlUtils.htmlUnescape(fragment.substring(at, m.start())), false));
      }
      segments.add(new Segment(HtmlUtils.htmlUnescape(m.group(1)), true));
      at = m.end();
    }
    if (at < fragment.length()) {
      segments.add(new Segment(HtmlUtils.htmlUnescape(fragment.substring(at)), false));
    }
    return segments;
  }

  private List<Facet> facets(Map<String, Map<String, Long>> counts, Map<String, String> current) {
    List<Facet> facets = new ArrayList<>();
    counts.forEach((name, values) -> {
      List<FacetValue> items = new ArrayList<>();
      values.forEach((code, count) -> {
        boolean selected = code.equals(current.get(name));
        items.add(new FacetValue(
            code,
            label(name, code, current),
            count,
            href(current, name, selected ? null : code),
            selected));
      });
      if (!items.isEmpty()) {
        facets.add(new Facet(name, items));
      }
    });
    return facets;
  }

  private List<Chip> chips(Map<String, String> current) {
    List<Chip> chips = new ArrayList<>();
    current.forEach((name, value) -> {
      if (!"q".equals(name) && !"sort".equals(name)) {
        chips.add(new Chip(
            name,
            forms.message("staff.search.field." + name) + ": " + label(name, value, current),
            href(current, name, null)));
      }
    });
    return chips;
  }

  private String label(String facet, String code, Map<String, String> current) {
    return "status".equals(facet)
        ? labels.status(current.get("type"), code)
        : labels.facetValue(facet, code);
  }

  /** The search's parameters that are set, by URL name. */
  static Map<String, String> current(SearchParams p) {
    String[] values = {
      p.q(),
      p.type(),
      p.status(),
      p.agency(),
      p.field(),
      p.locality(),
      p.slaState(),
      p.timeliness(),
      p.directive(),
      p.section(),
      p.createdFrom(),
      p.createdTo(),
      p.dueFrom(),
      p.dueTo(),
      p.sort(),
      p.channel()
    };
    Map<String, String> current = new LinkedHashMap<>();
    for (int i = 0; i < PARAMS.size(); i++) {
      if (values[i] != null && !values[i].isBlank()) {
        current.put(PARAMS.get(i), values[i].strip());
      }
    }
    return current;
  }

  /** The search page's URL for these parameters with one changed (null value: removed); back to page 0 unless it is the page. */
  static String href(Map<String, String> current, String name, String value) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath(StaffNavigation.SEARCH);
    current.forEach((key, v) -> {
      if (!key.equals(name)) {
        url.queryParam(key, v);
      }
    });
    if (name != null && value != null) {
      url.queryParam(name, value);
    }
    return url.encode().build().toUriString();
  }
}
