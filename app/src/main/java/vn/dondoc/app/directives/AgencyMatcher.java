package vn.dondoc.app.directives;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.dondoc.app.agencies.Agency;
import vn.dondoc.search.VietnameseFolding;

/**
 * Finds the agencies a Vietnamese directive names, against the agency table's names, short names and
 * aliases, ignoring case and diacritics. Collective actors ("các bộ, ngành", "các địa phương") are
 * recognised as such and never turned into one agency; a body that looks like an organisation but is not
 * in the table comes back as an unknown mention carrying its text.
 *
 * <p>Offsets refer to the text in Unicode NFC form, which is what callers should pass.
 */
public final class AgencyMatcher {

  /** Actors that stand for many agencies at once. */
  public enum Generic {
    /** "Các cơ quan Trung ương và địa phương", "các bộ, ngành, địa phương". */
    CENTRAL_AND_LOCAL,
    /** "Các bộ, ngành", "các bộ, cơ quan ngang bộ". */
    ALL_MINISTRIES,
    /** "Các địa phương", "Ủy ban nhân dân các tỉnh, thành phố". */
    ALL_PROVINCES,
    /** "Chính phủ" as a whole. */
    GOVERNMENT,
    /** "Các cơ quan liên quan": whoever is concerned, unnamed. */
    RELATED_AGENCIES,
    /** "Các viện, trường". */
    RESEARCH_INSTITUTIONS,
    /** "Các ban, bộ, ngành, địa phương", "các cấp ủy, tổ chức đảng": Party and State bodies alike. */
    PARTY_AND_STATE,
    /** "Các tỉnh ủy, thành ủy", "các đảng ủy trực thuộc Trung ương", "các đảng ủy trực thuộc Tỉnh ủy". */
    PARTY_COMMITTEES,
    /** A province's own departments: "các sở, ban, ngành", "các sở, ngành", "các cơ quan, đơn vị cấp tỉnh". */
    PROVINCIAL_DEPARTMENTS,
    /** A province's communes since 2025: "Ủy ban nhân dân các xã, phường", "UBND cấp xã". */
    COMMUNES
  }

  /**
   * An actor named in the text: a table agency ({@code code}), a collective ({@code generic}) or neither
   * (unknown). {@code text} is as written; {@code name} is the organisation's own name when it is known
   * (from the table or the catalogue of organisations outside it), else the text.
   */
  public record Mention(
      String code, Generic generic, String text, String name, int start, int end) {
    public boolean unknown() {
      return code == null && generic == null;
    }
  }

  private static final Map<String, Generic> GENERIC_PHRASES = Map.ofEntries(
      Map.entry("các cơ quan Trung ương và địa phương", Generic.CENTRAL_AND_LOCAL),
      Map.entry("các bộ, cơ quan Trung ương và địa phương", Generic.CENTRAL_AND_LOCAL),
      Map.entry("các bộ, ngành, địa phương", Generic.CENTRAL_AND_LOCAL),
      Map.entry("các bộ, cơ quan, địa phương", Generic.CENTRAL_AND_LOCAL),
      Map.entry("các cơ quan, địa phương", Generic.CENTRAL_AND_LOCAL),
      Map.entry("các bộ, ngành", Generic.ALL_MINISTRIES),
      Map.entry("các bộ, cơ quan ngang bộ", Generic.ALL_MINISTRIES),
      Map.entry("các bộ, cơ quan, tổ chức", Generic.ALL_MINISTRIES),
      Map.entry("các bộ, cơ quan", Generic.ALL_MINISTRIES),
      Map.entry("các địa phương", Generic.ALL_PROVINCES),
      Map.entry("ủy ban nhân dân các tỉnh, thành phố", Generic.ALL_PROVINCES),
      Map.entry("uỷ ban nhân dân các tỉnh, thành phố", Generic.ALL_PROVINCES),
      Map.entry("UBND các tỉnh, thành phố", Generic.ALL_PROVINCES),
      Map.entry("các tỉnh, thành phố", Generic.ALL_PROVINCES),
      Map.entry("Chính phủ", Generic.GOVERNMENT),
      Map.entry("các cơ quan liên quan", Generic.RELATED_AGENCIES),
      Map.entry("các cơ quan có liên quan", Generic.RELATED_AGENCIES),
      Map.entry("các bộ, ngành liên quan", Generic.RELATED_AGENCIES),
      Map.entry("các bộ, cơ quan liên quan", Generic.RELATED_AGENCIES),
      Map.entry("các cơ quan", Generic.RELATED_AGENCIES),
      Map.entry("các viện, trường", Generic.RESEARCH_INSTITUTIONS),
      Map.entry("các viện nghiên cứu, trường đại học", Generic.RESEARCH_INSTITUTIONS),
      Map.entry("các ban, bộ, ngành, địa phương", Generic.PARTY_AND_STATE),
      Map.entry("các bộ, ban, ngành, địa phương", Generic.PARTY_AND_STATE),
      Map.entry("các ban, bộ, ngành", Generic.PARTY_AND_STATE),
      Map.entry("các bộ, ban, ngành", Generic.PARTY_AND_STATE),
      Map.entry("các cấp ủy, tổ chức đảng", Generic.PARTY_AND_STATE),
      Map.entry("các cấp ủy, chính quyền", Generic.PARTY_AND_STATE),
      Map.entry("các cơ quan đảng ở Trung ương", Generic.PARTY_COMMITTEES),
      Map.entry("các ban đảng Trung ương", Generic.PARTY_COMMITTEES),
      Map.entry("các tỉnh ủy, thành ủy", Generic.PARTY_COMMITTEES),
      Map.entry("các tỉnh uỷ, thành uỷ", Generic.PARTY_COMMITTEES),
      Map.entry("các đảng ủy trực thuộc Trung ương", Generic.PARTY_COMMITTEES),
      Map.entry("các đảng uỷ trực thuộc Trung ương", Generic.PARTY_COMMITTEES),
      Map.entry("các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương", Generic.PARTY_COMMITTEES),
      Map.entry("ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", Generic.ALL_PROVINCES),
      Map.entry("các tỉnh, thành phố trực thuộc Trung ương", Generic.ALL_PROVINCES),
      Map.entry("UBND các tỉnh", Generic.ALL_PROVINCES),
      Map.entry("các bộ, ngành, địa phương liên quan", Generic.RELATED_AGENCIES),
      Map.entry("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", Generic.ALL_MINISTRIES),
      // Pieces of a longer list ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ,
      // ..."), combined by list().
      Map.entry("cơ quan ngang bộ", Generic.ALL_MINISTRIES),
      Map.entry("các cơ quan ngang bộ", Generic.ALL_MINISTRIES),
      Map.entry("cơ quan thuộc Chính phủ", Generic.ALL_MINISTRIES),
      Map.entry("các cơ quan thuộc Chính phủ", Generic.ALL_MINISTRIES),
      Map.entry(
          "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố",
          Generic.CENTRAL_AND_LOCAL),
      // A province's plans and directives address its own departments and communes (no districts
      // since 2025).
      Map.entry("các sở, ban, ngành", Generic.PROVINCIAL_DEPARTMENTS),
      Map.entry("các sở, ngành", Generic.PROVINCIAL_DEPARTMENTS),
      Map.entry("các sở, ban, ngành tỉnh", Generic.PROVINCIAL_DEPARTMENTS),
      Map.entry("các sở, ban, ngành cấp tỉnh", Generic.PROVINCIAL_DEPARTMENTS),
      Map.entry("các sở, ban, ngành, đoàn thể", Generic.PROVINCIAL_DEPARTMENTS),
      Map.entry("các sở, ban, ngành, đoàn thể tỉnh", Generic.PROVINCIAL_DEPARTMENTS),
      Map.entry("các cơ quan, đơn vị cấp tỉnh", Generic.PROVINCIAL_DEPARTMENTS),
      // "các Sở Y tế": the departments of that field in every province.
      Map.entry("các sở", Generic.PROVINCIAL_DEPARTMENTS),
      Map.entry("ủy ban nhân dân các xã, phường", Generic.COMMUNES),
      Map.entry("ủy ban nhân dân các xã, phường, đặc khu", Generic.COMMUNES),
      Map.entry("ủy ban nhân dân các xã, phường, thị trấn", Generic.COMMUNES),
      Map.entry("ủy ban nhân dân các phường, xã", Generic.COMMUNES),
      Map.entry("UBND các xã, phường", Generic.COMMUNES),
      Map.entry("UBND các xã, phường, đặc khu", Generic.COMMUNES),
      Map.entry("UBND các phường, xã", Generic.COMMUNES),
      Map.entry("ủy ban nhân dân cấp xã", Generic.COMMUNES),
      Map.entry("UBND cấp xã", Generic.COMMUNES),
      Map.entry("các xã, phường", Generic.COMMUNES),
      Map.entry("các xã, phường, đặc khu", Generic.COMMUNES),
      Map.entry("chính quyền cấp xã", Generic.COMMUNES),
      Map.entry("các đảng ủy trực thuộc Tỉnh ủy", Generic.PARTY_COMMITTEES),
      Map.entry("các đảng ủy trực thuộc Thành ủy", Generic.PARTY_COMMITTEES),
      Map.entry("các đảng bộ trực thuộc Tỉnh ủy", Generic.PARTY_COMMITTEES),
      Map.entry("các đảng bộ trực thuộc Thành ủy", Generic.PARTY_COMMITTEES),
      Map.entry("các đảng ủy trực thuộc", Generic.PARTY_COMMITTEES),
      Map.entry("các đảng bộ trực thuộc", Generic.PARTY_COMMITTEES),
      Map.entry("đảng ủy các xã, phường", Generic.PARTY_COMMITTEES),
      // The heads of the bodies, as resolutions and directives address them.
      Map.entry("Bộ trưởng, Thủ trưởng cơ quan ngang bộ", Generic.ALL_MINISTRIES),
      Map.entry(
          "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ",
          Generic.ALL_MINISTRIES),
      Map.entry(
          "Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ",
          Generic.ALL_MINISTRIES),
      Map.entry(
          "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
              + "thành phố",
          Generic.CENTRAL_AND_LOCAL),
      Map.entry(
          "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
              + "thành phố trực thuộc Trung ương",
          Generic.CENTRAL_AND_LOCAL));

  /**
   * Office holders written before their body ("Bộ trưởng Bộ Công an", "Chủ tịch Ủy ban nhân dân các tỉnh", "Thống đốc Ngân
   * hàng Nhà nước Việt Nam"): the body is the actor. Compared with diacritics and case, as written.
   */
  private static final List<String> TITLES = nfc(List.of(
      "Bộ trưởng",
      "Thủ trưởng",
      "Chủ tịch",
      "Thống đốc",
      "Tổng Giám đốc",
      "Giám đốc",
      "Người đứng đầu",
      "Bí thư"));

  /** Words that open the name of an organisation, so that one missing from the table is still noticed. */
  private static final List<String> ORGANISATION_NOUNS = nfc(List.of(
      "Bộ",
      "Ban",
      "Tổ",
      "Hội đồng",
      "Văn phòng",
      "Ủy ban",
      "Uỷ ban",
      "Cơ quan",
      "Tổng cục",
      "Cục",
      "Ngân hàng",
      "Bảo hiểm xã hội",
      "BHXH",
      "Viện",
      "Học viện",
      "Đại học",
      "Tập đoàn",
      "Tổng công ty",
      "Sở",
      "UBND",
      "Thành phố",
      "Tỉnh",
      "Công an",
      // The Party's bodies in the State and the province, the ministries' units, the press,
      // schools, the Front, firms.
      "Đảng ủy",
      "Đảng uỷ",
      "Đảng đoàn",
      "Vụ",
      "Thanh tra",
      "Kho bạc",
      "Trường",
      "Báo",
      "Đài",
      "Trung tâm",
      "Mặt trận",
      "Liên hiệp",
      "Hội",
      "Tòa án",
      "Viện kiểm sát",
      "Công ty",
      "Viễn thông",
      "Bưu điện",
      "Quỹ",
      "Thường trực"));

  /** Verbs and nouns that begin like an organisation: "Tổ chức tập huấn" organises training. */
  private static final List<String> NOT_ORGANISATIONS = nfc(List.of(
      "Tổ chức",
      "Ban hành",
      "Sở hữu",
      "Cục bộ",
      "Báo cáo",
      "Hội nghị",
      "Hội thảo",
      "Hội nhập",
      "Trường hợp",
      "Thanh tra, kiểm tra",
      "Thanh tra việc",
      "Trung tâm hóa",
      "Quỹ đất"));

  /** Words that end an organisation's name: what it does next, or how it relates to the rest. */
  private static final List<String> NAME_ENDS = nfc(List.of(
      "chủ trì",
      "phối hợp",
      "theo",
      "tăng cường",
      "tiếp tục",
      "chủ động",
      "tập trung",
      "triển khai",
      "rà soát",
      "tham mưu",
      "bảo đảm",
      "đảm bảo",
      "khẩn trương",
      "đẩy",
      "được",
      "để",
      "cấp",
      "đôn đốc",
      "hướng dẫn",
      "xây dựng",
      "có",
      "thống nhất",
      "kịp thời",
      "trong",
      "tại",
      "về",
      "nghiên cứu",
      "thực hiện",
      "ban hành",
      "trình",
      "cần",
      "phải",
      "nhằm",
      "với",
      "của",
      "thuộc",
      "là",
      "bố trí",
      "hoàn thành",
      "gửi",
      "tổ chức",
      "kiện toàn",
      "chỉ đạo",
      "lãnh đạo",
      "báo cáo",
      "đề xuất",
      "vận hành",
      "thí điểm",
      "ưu tiên",
      "lựa chọn",
      "công bố",
      "mở",
      "duy trì",
      "giám sát",
      "kiểm tra",
      "tuyên truyền",
      "khuyến khích",
      "cử",
      "đưa",
      "sắp xếp",
      "vận động",
      "tổng hợp",
      "theo dõi",
      "nâng cao",
      "đánh giá",
      "hỗ trợ",
      "hoàn thiện",
      "sửa đổi",
      "cập nhật",
      "chịu trách nhiệm",
      "quán triệt",
      "phân công",
      "phủ sóng",
      "giải quyết",
      "tiếp nhận",
      "tích cực",
      "đăng ký",
      // a cadence after the name: "Sở X hằng quý tổng hợp ..."
      "hằng",
      "hàng",
      "định kỳ",
      "mỗi",
      // who gives the task to the body named next: "Ban Thường vụ Tỉnh ủy giao Ban Tổ chức Tỉnh ủy
      // ..."
      "giao",
      "yêu cầu",
      "đề nghị",
      // more of what a body does; lowercase only, so that "Sở Giáo dục và Đào tạo" keeps its name
      "nâng cấp",
      "tham gia",
      "thanh toán",
      "ứng dụng",
      "số hóa",
      "thúc đẩy",
      "cung cấp",
      "chuẩn bị",
      "kết nối",
      "thành lập",
      "đầu tư",
      "bổ sung",
      "lập",
      "xác định",
      "phổ biến",
      "tập huấn",
      "bồi dưỡng",
      "khắc phục",
      "áp dụng",
      "mở rộng",
      "xử lý",
      "điều chỉnh",
      "tích hợp",
      "thẩm định"));

  private static final String MINISTRY_PREFIX = "bo ";
  private static final int MAX_UNKNOWN_NAME_WORDS = 10;

  private record Entry(String folded, String code, Generic generic, String name) {}

  private final List<Entry> entries = new ArrayList<>();

  public AgencyMatcher(List<Agency> agencies) {
    Map<String, String> codeByFoldedName = new HashMap<>();
    for (Agency agency : agencies) {
      add(agency.name(), agency.code(), null, agency.name());
      add(agency.shortName(), agency.code(), null, agency.name());
      agency.aliases().forEach(alias -> add(alias, agency.code(), null, agency.name()));
      codeByFoldedName.put(fold(nfc(agency.name())), agency.code());
    }
    GENERIC_PHRASES.forEach((phrase, generic) -> add(phrase, null, generic, phrase));
    Set<String> inTable = entries.stream().map(Entry::folded).collect(Collectors.toSet());
    // The catalogue never overrides the table: a name the table knows stays the table's agency.
    for (List<String> names : KnownOrganisations.catalogue()) {
      String code = codeByFoldedName.get(fold(nfc(names.get(0))));
      names.stream()
          .filter(n -> !inTable.contains(fold(nfc(n))))
          .forEach(n -> add(n, code, null, names.get(0)));
    }
    // Longest first, so that "Văn phòng Chính phủ" wins over "Chính phủ" and "các bộ, ngành, địa
    // phương" over "các bộ, ngành".
    entries.sort(Comparator.comparingInt((Entry e) -> e.folded().length()).reversed());
  }

  private void add(String name, String code, Generic generic, String canonical) {
    if (name != null && !name.isBlank()) {
      entries.add(new Entry(fold(nfc(name.strip())), code, generic, nfc(canonical)));
    }
  }

  /** Every table agency or collective named anywhere in the text, in order ("các Bộ: X, Y" counts as Bộ X and Bộ Y). */
  public List<Mention> findAll(String text) {
    String original = nfc(text);
    String folded = fold(original);
    List<Mention> found = new ArrayList<>();
    int p = 0;
    while (p < folded.length()) {
      if (wordStart(folded, p)) {
        int listEnd = ministryList(original, folded, p, found, false);
        if (listEnd > p) {
          p = listEnd;
          continue;
        }
        Optional<Mention> known = known(original, folded, p, "");
        if (known.isPresent()) {
          found.add(known.get());
          p = known.get().end();
          continue;
        }
      }
      p++;
    }
    return found;
  }

  /**
   * The actors listed from {@code start} on: "Bộ Công an, Bộ Khoa học và Công nghệ và các cơ quan liên
   * quan", "các Bộ: Nội vụ, Giáo dục và Đào tạo, Ngoại giao". Stops at the first thing that is not an
   * actor; empty if the text does not start with one. Organisations missing from the table are included
   * as unknown mentions.
   */
  public List<Mention> list(String text, int start) {
    String original = nfc(text);
    String folded = fold(original);
    List<Mention> found = new ArrayList<>();
    int p = skipSpaces(folded, start);
    while (true) {
      p = pastTitle(original, folded, p);
      int listEnd = ministryList(original, folded, p, found, true);
      if (listEnd > p) {
        p = listEnd;
      } else {
        Optional<Mention> next = actor(original, folded, p, "");
        if (next.isEmpty()) {
          break;
        }
        found.add(next.get());
        p = next.get().end();
      }
      int after = separator(folded, p);
      if (after == p
          || (actor(original, folded, pastTitle(original, folded, after), "").isEmpty()
              && !startsMinistryList(folded, after))) {
        break;
      }
      p = after;
    }
    return combined(original, found);
  }

  /**
   * Collectives listed side by side that make one: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ" are the
   * ministries; with "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố" after them, the central and local bodies.
   */
  private static List<Mention> combined(String original, List<Mention> found) {
    int n = 0;
    boolean ministries = false;
    boolean provinces = false;
    while (n < found.size()
        && found.get(n).generic() != null
        && COMBINING.contains(found.get(n).generic())) {
      Generic generic = found.get(n).generic();
      ministries |= generic != Generic.ALL_PROVINCES;
      provinces |= generic != Generic.ALL_MINISTRIES;
      n++;
    }
    if (n < 2) {
      return found;
    }
    Generic kind =
        ministries && provinces ? Generic.CENTRAL_AND_LOCAL : found.get(0).generic();
    String text = original.substring(found.get(0).start(), found.get(n - 1).end());
    List<Mention> merged = new ArrayList<>(List.of(new Mention(
        null, kind, text, text, found.get(0).start(), found.get(n - 1).end())));
    merged.addAll(found.subList(n, found.size()));
    return merged;
  }

  private static final Set<Generic> COMBINING =
      Set.of(Generic.ALL_MINISTRIES, Generic.ALL_PROVINCES, Generic.CENTRAL_AND_LOCAL);

  /** "các Bộ: X, Y và Z" (or "Các Bộ, ngành: X; Bộ Y; Văn phòng Z") at p: adds each and returns where the list ends, or p if there is none. */
  private int ministryList(
      String original, String folded, int p, List<Mention> found, boolean withUnknown) {
    if (!startsMinistryList(folded, p)) {
      return p;
    }
    int q = skipSpaces(folded, folded.indexOf(':', p) + 1);
    int end = p;
    while (true) {
      Optional<Mention> next = known(original, folded, q, MINISTRY_PREFIX);
      if (next.isEmpty()) {
        next = withUnknown ? actor(original, folded, q, "") : known(original, folded, q, "");
      }
      if (next.isEmpty() && withUnknown) {
        next = unknown(original, folded, q, MINISTRY_PREFIX);
      }
      if (next.isEmpty()) {
        break;
      }
      found.add(next.get());
      end = next.get().end();
      int after = separator(folded, end);
      if (after == end) {
        break;
      }
      q = after;
    }
    return end;
  }

  private static final Pattern MINISTRY_LIST = Pattern.compile("cac bo(?:, nganh)?\\s*:");

  private static boolean startsMinistryList(String folded, int p) {
    Matcher m = MINISTRY_LIST.matcher(folded).region(p, folded.length());
    return m.lookingAt();
  }

  /** Past an office holder's title at p when a body follows it ("Bộ trưởng Bộ Y tế" reads as Bộ Y tế); else p. */
  private int pastTitle(String original, String folded, int p) {
    if (known(original, folded, p, "").isPresent()) {
      return p;
    }
    for (String title : TITLES) {
      int after = p + title.length();
      if (original.regionMatches(true, p, title, 0, title.length())
          && after < original.length()
          && original.charAt(after) == ' '
          && (actor(original, folded, after + 1, "").isPresent()
              || startsMinistryList(folded, after + 1))) {
        return after + 1;
      }
    }
    return p;
  }

  private Optional<Mention> actor(String original, String folded, int p, String impliedPrefix) {
    Optional<Mention> known = known(original, folded, p, impliedPrefix);
    return known.isPresent() ? known : unknown(original, folded, p, impliedPrefix);
  }

  /**
   * The longest table name or collective starting at p. With an implied prefix ("bo " inside "các Bộ:
   * ..."), names that start with the prefix match without it.
   */
  private Optional<Mention> known(String original, String folded, int p, String impliedPrefix) {
    if (p >= folded.length() || !wordStart(folded, p)) {
      return Optional.empty();
    }
    for (Entry entry : entries) {
      if (!entry.folded().startsWith(impliedPrefix)) {
        continue;
      }
      String name = entry.folded().substring(impliedPrefix.length());
      int end = p + name.length();
      if (!name.isEmpty() && folded.startsWith(name, p) && wordEnd(folded, end)) {
        String written = impliedPrefix.isEmpty()
            ? original.substring(p, end)
            : "Bộ " + original.substring(p, end);
        return Optional.of(new Mention(
            entry.code(),
            entry.generic(),
            written,
            entry.generic() != null ? written : entry.name(),
            p,
            end));
      }
    }
    return Optional.empty();
  }

  /** An organisation-like name not in the table: a capitalised organisation noun and the words up to what it does. */
  private Optional<Mention> unknown(String original, String folded, int p, String impliedPrefix) {
    if (p >= folded.length() || !Character.isUpperCase(original.charAt(p))) {
      return Optional.empty();
    }
    if (impliedPrefix.isEmpty()
        && (!startsWithWord(original, p, ORGANISATION_NOUNS)
            || startsWithWord(original, p, NOT_ORGANISATIONS))) {
      return Optional.empty();
    }
    int end = p;
    int q = p;
    for (int words = 0; words < MAX_UNKNOWN_NAME_WORDS && q < folded.length(); words++) {
      if (words > 0 && endsName(original, q)) {
        break;
      }
      int wordEnd = q;
      while (wordEnd < folded.length()
          && !Character.isWhitespace(folded.charAt(wordEnd))
          && ",:;.()".indexOf(folded.charAt(wordEnd)) < 0) {
        wordEnd++;
      }
      end = wordEnd;
      if (wordEnd >= folded.length() || folded.charAt(wordEnd) != ' ') {
        break;
      }
      q = wordEnd + 1;
    }
    String written = (impliedPrefix.isEmpty() ? "" : "Bộ ") + original.substring(p, end);
    return end > p
        ? Optional.of(new Mention(null, null, written, written, p, end))
        : Optional.empty();
  }

  /**
   * Whether the name running before q stops at q. "và" continues it only when a capitalised non-organisation word follows
   * ("Sở Khoa học và Công nghệ"); "cùng" never does ("Đảng đoàn Hội đồng nhân dân tỉnh cùng Ban cán sự đảng ...").
   */
  private static boolean endsName(String original, int q) {
    if (original.startsWith("cùng ", q)) {
      return true;
    }
    if (original.startsWith("và ", q)) {
      int next = q + 3;
      return next >= original.length()
          || !Character.isUpperCase(original.charAt(next))
          || startsWithWord(original, next, ORGANISATION_NOUNS);
    }
    // Case-sensitive: the words of a name are often capitalised ("Ban Chỉ đạo"), what follows it is
    // not.
    return NAME_ENDS.stream()
        .anyMatch(word -> original.startsWith(word, q) && wordEnd(original, q + word.length()));
  }

  /** Compared with diacritics, which tell "có" (has) from "Cơ" (as in Ban Cơ yếu). */
  private static boolean startsWithWord(String original, int p, List<String> words) {
    return words.stream()
        .anyMatch(word -> original.regionMatches(true, p, word, 0, word.length())
            && wordEnd(original, p + word.length()));
  }

  /** After a list item: ",", ";", "và", "cùng" or "cùng với", returning where the next item starts, or p if there is no separator. */
  private static int separator(String folded, int p) {
    int q = skipSpaces(folded, p);
    boolean comma = q < folded.length() && (folded.charAt(q) == ',' || folded.charAt(q) == ';');
    if (comma) {
      q = skipSpaces(folded, q + 1);
    }
    for (String joint : List.of("cung voi ", "va ", "cung ")) {
      if (folded.startsWith(joint, q)) {
        return skipSpaces(folded, q + joint.length());
      }
    }
    return comma ? q : p;
  }

  private static int skipSpaces(String text, int p) {
    while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    return p;
  }

  /** Not inside a word, nor inside a document symbol such as 03/2015/TT-BKHCN. */
  private static boolean wordStart(String folded, int p) {
    if (p == 0) {
      return true;
    }
    char before = folded.charAt(p - 1);
    return !Character.isLetterOrDigit(before) && before != '-' && before != '/' && before != '&';
  }

  private static boolean wordEnd(String folded, int end) {
    return end >= folded.length()
        || !Character.isLetterOrDigit(folded.charAt(end)) && folded.charAt(end) != '&';
  }

  static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** Folds character by character so that offsets in the folded text are offsets in the original. */
  static String fold(String nfcText) {
    StringBuilder folded = new StringBuilder(nfcText.length());
    for (int i = 0; i < nfcText.length(); i++) {
      char c = nfcText.charAt(i);
      String f = VietnameseFolding.fold(String.valueOf(c));
      folded.append(f.length() == 1 ? f.charAt(0) : Character.toLowerCase(c));
    }
    return folded.toString();
  }

  private static List<String> nfc(List<String> words) {
    return words.stream().map(AgencyMatcher::nfc).toList();
  }
}
