package vn.dondoc.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.dondoc.search.CaseDocument;
import vn.dondoc.search.VersionedCase;

/**
 * Generates case documents as the app's projectors would write them (FeedbackProjector, TaskProjector,
 * ExtensionProjector, EvidenceProjector, InitiativeProjector), with the app's codes and values. Case
 * {@code i} depends only on the seed and {@code i}, so any case can be generated again (the queries are
 * built from cases known to be indexed) and a million cases never have to be held in memory.
 *
 * <p>The proportions are assumptions, not measurements: feedback from citizens and businesses is most of
 * the volume, tasks the next; open cases are recent ones; about a tenth of the cases are public.
 */
public final class CaseGenerator {

  /** The instant the data set is "as of": SLA states and timeliness labels are those of this moment. */
  public static final Instant AS_OF = Instant.parse("2026-11-21T17:00:00Z");
  /** Cases are created from this instant to {@link #AS_OF}. */
  public static final Instant START = Instant.parse("2024-12-31T17:00:00Z");

  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  public static final List<String> CASE_TYPES =
      List.of("feedback", "task", "extension", "evidence", "initiative");
  static final double[] CASE_TYPE_WEIGHTS = {0.55, 0.25, 0.05, 0.10, 0.05};

  // The app's codes (FeedbackStatus, TaskStatus, ExtensionRepository.Status,
  // EvidenceRepository.Status,
  // InitiativeStatus; FeedbackField, TaskField, InitiativeCategory). The bench does not depend on
  // the app.
  private static final Weighted FEEDBACK_STATUS = new Weighted(
      new String[] {"RECEIVED", "ROUTED", "IN_PROGRESS", "WAITING_FOR_SENDER", "ANSWERED", "CLOSED"
      },
      new double[] {4, 4, 18, 3, 14, 57});
  private static final Weighted TASK_STATUS = new Weighted(
      new String[] {"ASSIGNED", "IN_PROGRESS", "COMPLETION_SUBMITTED", "COMPLETED", "WITHDRAWN"},
      new double[] {8, 45, 10, 34, 3});
  private static final Weighted EXTENSION_STATUS = new Weighted(
      new String[] {"SUBMITTED", "INFO_REQUESTED", "APPROVED", "REJECTED"},
      new double[] {15, 5, 60, 20});
  private static final Weighted EVIDENCE_STATUS = new Weighted(
      new String[] {"SUBMITTED", "ACCEPTED", "RETURNED", "REJECTED"}, new double[] {15, 65, 15, 5});
  private static final Weighted INITIATIVE_STATUS = new Weighted(
      new String[] {
        "SUBMITTED",
        "RETURNED",
        "IN_EVALUATION",
        "IN_CONSENSUS",
        "SHORTLISTED",
        "SELECTED",
        "NOT_SELECTED",
        "DEFERRED",
        "NOT_SHORTLISTED",
        "CLOSED_INCOMPLETE",
        "TO_FEEDBACK"
      },
      new double[] {8, 4, 8, 4, 4, 10, 30, 5, 20, 4, 3});
  private static final String[] FEEDBACK_FIELDS = {
    "institutions",
    "support-policy",
    "administrative-procedures",
    "digital-infrastructure",
    "data-governance",
    "information-security",
    "digital-skills"
  };
  private static final String[] TASK_FIELDS = {
    "DIRECTION",
    "INSTITUTIONS",
    "HUMAN_RESOURCES",
    "FINANCE",
    "DIGITAL_INFRASTRUCTURE",
    "ONLINE_SERVICES",
    "PLATFORMS",
    "DATABASES",
    "INFORMATION_SECURITY",
    "DIGITAL_TRANSFORMATION",
    "SCIENCE_TECHNOLOGY",
    "INTERNATIONAL"
  };
  private static final String[] INITIATIVE_CATEGORIES = {
    "BREAKTHROUGH", "STRATEGIC_TECH_PROPOSAL", "ORDINARY", "RESEARCH_FUNDING"
  };
  private static final String[] DIRECTIVES = {
    "57-NQ/TW", "71/NQ-CP", "03-KH/BCĐTW", "45-TB/BCĐTW", "193/2025/QH15"
  };
  private static final String[] SECTIONS = {"I", "II", "III", "IV", "V", "VI"};

  private final long seed;
  private final Corpus corpus;
  private final List<String> agencies;
  private final Weighted agencyPick;
  private final List<String> localities;

  /**
   * @param agencies agency codes, most active first (they are drawn with Zipf-like weights, 1/rank^0.8)
   * @param localities locality codes of feedback
   */
  public CaseGenerator(long seed, Corpus corpus, List<String> agencies, List<String> localities) {
    if (agencies.isEmpty() || localities.isEmpty()) {
      throw new IllegalArgumentException("agencies and localities are needed");
    }
    this.seed = seed;
    this.corpus = corpus;
    this.agencies = List.copyOf(agencies);
    this.localities = List.copyOf(localities);
    double[] weights = new double[agencies.size()];
    for (int r = 0; r < weights.length; r++) {
      weights[r] = 1 / Math.pow(r + 1, 0.8);
    }
    this.agencyPick = new Weighted(this.agencies.toArray(String[]::new), weights);
  }

  public List<String> agencies() {
    return agencies;
  }

  /** Case {@code i} with the version of the record it was read from (1 to 5: cases change a few times). */
  public VersionedCase versioned(long i) {
    SplittableRandom r = random(i);
    CaseDocument document = generate(i, r);
    return new VersionedCase(document, 1 + r.nextInt(5));
  }

  public CaseDocument generate(long i) {
    return generate(i, random(i));
  }

  private SplittableRandom random(long i) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + i));
  }

  private CaseDocument generate(long i, SplittableRandom r) {
    String type = CASE_TYPES.get(Weighted.index(CASE_TYPE_WEIGHTS, r.nextDouble()));
    return switch (type) {
      case "feedback" -> feedback(i, r);
      case "task" -> task(i, r);
      case "extension" -> extension(i, r);
      case "evidence" -> evidence(i, r);
      default -> initiative(i, r);
    };
  }

  private CaseDocument feedback(long i, SplittableRandom r) {
    String status = FEEDBACK_STATUS.pick(r);
    boolean open = !status.equals("ANSWERED") && !status.equals("CLOSED");
    Instant created = created(r, open, 60);
    Instant updated = updated(r, created, 45);
    String agency = status.equals("RECEIVED") ? null : agencyPick.pick(r);
    String locality =
        r.nextInt(10) == 0 ? "national" : localities.get(r.nextInt(localities.size()));
    boolean published = !open && r.nextInt(100) < 27;
    CaseDocument document = CaseDocument.of(
        "feedback",
        code("PAKN", created, i),
        fragment(r, 6, 14),
        sentences(r, 1, 4),
        status,
        null,
        agency,
        agency == null ? List.of() : List.of(agency),
        FEEDBACK_FIELDS[r.nextInt(FEEDBACK_FIELDS.length)],
        locality,
        created,
        updated,
        null,
        status.equals("CLOSED") ? updated : null,
        published);
    Instant due = created.plus(Duration.ofDays(8 + r.nextInt(10)));
    String sla =
        status.equals("WAITING_FOR_SENDER") ? "PAUSED" : slaState(r, open, due, Duration.ofDays(3));
    return withSla(document, r, sla, due).dueAt(due);
  }

  private CaseDocument task(long i, SplittableRandom r) {
    String status = TASK_STATUS.pick(r);
    boolean open = !status.equals("COMPLETED") && !status.equals("WITHDRAWN");
    Instant created = created(r, open, 400);
    Instant updated = updated(r, created, 90);
    boolean recurring = r.nextInt(10) == 0;
    Instant due = recurring ? null : endOfDay(created.plus(Duration.ofDays(30 + r.nextInt(335))));
    String timeliness = null;
    if (status.equals("COMPLETED")) {
      timeliness =
          recurring ? "RECURRING" : r.nextInt(4) == 0 ? "COMPLETED_LATE" : "COMPLETED_ON_TIME";
    } else if (open) {
      timeliness = recurring
          ? "RECURRING"
          : due.isBefore(AS_OF)
              ? "OVERDUE"
              : due.isBefore(AS_OF.plus(Duration.ofDays(7))) ? "NEAR_DUE" : "IN_PROGRESS_ON_TIME";
    }
    String lead = agencyPick.pick(r);
    List<String> agencyList = new ArrayList<>(List.of(lead));
    for (int k = r.nextInt(4); k > 0; k--) {
      String other = agencyPick.pick(r);
      if (!agencyList.contains(other)) {
        agencyList.add(other);
      }
    }
    String title = fragment(r, 8, 20);
    String content =
        "Nhiệm vụ " + (1 + r.nextInt(9)) + "." + (1 + r.nextInt(20)) + "\n" + sentences(r, 1, 3);
    CaseDocument document = CaseDocument.of(
            "task",
            code("NV", created, i),
            title,
            content,
            status,
            timeliness,
            lead,
            agencyList,
            TASK_FIELDS[r.nextInt(TASK_FIELDS.length)],
            null,
            created,
            updated,
            due,
            status.equals("COMPLETED") ? updated : null,
            false)
        .inDirective(section(r), directive(r));
    // SLA clocks run only while the task waits for acknowledgement or review.
    if (status.equals("ASSIGNED") || status.equals("COMPLETION_SUBMITTED")) {
      Instant stageDue = updated.plus(Duration.ofDays(3 + r.nextInt(5)));
      document = withSla(document, r, slaState(r, true, stageDue, Duration.ofDays(1)), stageDue);
    }
    return document;
  }

  private CaseDocument extension(long i, SplittableRandom r) {
    String status = EXTENSION_STATUS.pick(r);
    boolean open = status.equals("SUBMITTED") || status.equals("INFO_REQUESTED");
    Instant created = created(r, open, 30);
    Instant decided = open ? null : updated(r, created, 20);
    String agency = agencyPick.pick(r);
    CaseDocument document = CaseDocument.of(
            "extension",
            code("GH", created, i),
            fragment(r, 8, 20),
            "Đề nghị gia hạn vì " + lowerFirst(sentences(r, 1, 2)),
            status,
            null,
            agency,
            List.of(agency),
            TASK_FIELDS[r.nextInt(TASK_FIELDS.length)],
            null,
            created,
            decided != null ? decided : created,
            endOfDay(created.plus(Duration.ofDays(30 + r.nextInt(150)))),
            decided,
            false)
        .inDirective(section(r), directive(r));
    Instant decisionDue = created.plus(Duration.ofDays(5 + r.nextInt(5)));
    return withSla(document, r, slaState(r, open, decisionDue, Duration.ofDays(2)), decisionDue);
  }

  private CaseDocument evidence(long i, SplittableRandom r) {
    String status = EVIDENCE_STATUS.pick(r);
    boolean open = status.equals("SUBMITTED");
    Instant created = created(r, open, 30);
    Instant decided = open ? null : updated(r, created, 20);
    String agency = agencyPick.pick(r);
    String taskCode =
        code("NV", created.minus(Duration.ofDays(r.nextInt(200))), r.nextLong(Math.max(1, i + 1)));
    return CaseDocument.of(
            "evidence",
            taskCode + "/MC-" + (i + 1),
            "Minh chứng: " + fragment(r, 8, 20),
            sentences(r, 1, 2),
            status,
            null,
            agency,
            List.of(agency),
            TASK_FIELDS[r.nextInt(TASK_FIELDS.length)],
            null,
            created,
            decided != null ? decided : created,
            null,
            decided,
            false)
        .inDirective(section(r), directive(r));
  }

  private CaseDocument initiative(long i, SplittableRandom r) {
    String status = INITIATIVE_STATUS.pick(r);
    boolean open = List.of("SUBMITTED", "RETURNED", "IN_EVALUATION", "IN_CONSENSUS", "SHORTLISTED")
        .contains(status);
    Instant created = created(r, open, 120);
    Instant updated = updated(r, created, 90);
    String receiving = agencyPick.pick(r);
    List<String> agencyList = new ArrayList<>(List.of(receiving));
    if (r.nextInt(3) == 0) {
      String ordering = agencyPick.pick(r);
      if (!ordering.equals(receiving)) {
        agencyList.add(ordering);
      }
    }
    String content =
        String.join("\n\n", sentences(r, 1, 2), sentences(r, 1, 2), sentences(r, 1, 1));
    CaseDocument document = CaseDocument.of(
        "initiative",
        code("SK", created, i),
        fragment(r, 6, 16),
        content,
        status,
        null,
        receiving,
        agencyList,
        INITIATIVE_CATEGORIES[r.nextInt(INITIATIVE_CATEGORIES.length)],
        null,
        created,
        updated,
        null,
        open ? null : updated,
        status.equals("SELECTED"));
    Instant screenDue = created.plus(Duration.ofDays(10 + r.nextInt(10)));
    boolean screening = status.equals("SUBMITTED") || status.equals("RETURNED");
    return withSla(document, r, slaState(r, screening, screenDue, Duration.ofDays(3)), screenDue)
        .dueAt(screenDue);
  }

  /** An open clock is judged against {@link #AS_OF}; a stopped one was met or (one in seven) breached. */
  private static String slaState(SplittableRandom r, boolean open, Instant due, Duration warning) {
    if (!open) {
      return r.nextInt(7) == 0 ? "BREACHED" : "MET";
    }
    if (!AS_OF.isBefore(due)) {
      return "BREACHED";
    }
    return AS_OF.isBefore(due.minus(warning)) ? "RUNNING" : "AT_RISK";
  }

  private static CaseDocument withSla(
      CaseDocument document, SplittableRandom r, String state, Instant due) {
    return switch (state) {
      case "BREACHED" -> document.withSla(state, due, 1 + r.nextInt(3));
      case "AT_RISK" -> document.withSla(state, null, 1);
      default -> document.withSla(state, null, 0);
    };
  }

  /** Open cases are recent (within {@code openWithinDays}); closed ones anywhere in 2025–2026. */
  private static Instant created(SplittableRandom r, boolean open, int openWithinDays) {
    long span = open
        ? Duration.ofDays(openWithinDays).toSeconds()
        : Duration.between(START, AS_OF).toSeconds();
    return AS_OF.minusSeconds(1 + r.nextLong(span));
  }

  private static Instant updated(SplittableRandom r, Instant created, int withinDays) {
    Instant updated = created.plusSeconds(r.nextLong(Duration.ofDays(withinDays).toSeconds()));
    return updated.isAfter(AS_OF) ? AS_OF : updated;
  }

  private static Instant endOfDay(Instant instant) {
    return instant.atZone(HANOI).toLocalDate().plusDays(1).atStartOfDay(HANOI).toInstant();
  }

  private static String code(String prefix, Instant created, long i) {
    return String.format("%s-%d-%07d", prefix, created.atZone(HANOI).getYear(), i + 1);
  }

  private static String section(SplittableRandom r) {
    return SECTIONS[r.nextInt(SECTIONS.length)] + "." + (1 + r.nextInt(8));
  }

  private static String directive(SplittableRandom r) {
    return DIRECTIVES[r.nextInt(DIRECTIVES.length)];
  }

  /** The first {@code min..max} words of a sentence, capitalised, without a trailing punctuation mark. */
  private String fragment(SplittableRandom r, int min, int max) {
    String[] words = corpus.sentence(r.nextInt(corpus.size())).split(" ");
    int n = Math.min(words.length, min + r.nextInt(max - min + 1));
    String text = String.join(" ", java.util.Arrays.copyOf(words, n)).replaceAll("[,.;:!?]+$", "");
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private String sentences(SplittableRandom r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder text = new StringBuilder();
    int start = r.nextInt(corpus.size());
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        text.append(' ');
      }
      text.append(corpus.sentence(start + k));
    }
    return text.toString();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /** The SplitMix64 finaliser: neighbouring case numbers get unrelated random streams. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Values drawn with relative weights. */
  static final class Weighted {
    private final String[] values;
    private final double[] weights;

    Weighted(String[] values, double[] weights) {
      this.values = values;
      this.weights = weights;
    }

    String pick(SplittableRandom r) {
      return values[index(weights, r.nextDouble())];
    }

    static int index(double[] weights, double u) {
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double x = u * total;
      for (int k = 0; k < weights.length; k++) {
        x -= weights[k];
        if (x < 0) {
          return k;
        }
      }
      return weights.length - 1;
    }
  }
}
