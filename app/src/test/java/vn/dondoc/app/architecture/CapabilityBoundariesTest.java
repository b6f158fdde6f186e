package vn.dondoc.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which capability package of {@code vn.dondoc.app} may use which other: the allowed edges are listed in
 * {@code architecture/capability-dependencies.txt} ("tasks -> evidence"), one per line, and no capability reaches
 * itself through others (no cycles: the layers of docs/ARCHITECTURE.md, "Boundaries"). A dependency between
 * capabilities that is not listed fails here, so that a new one is a decision; a listed edge the code no longer
 * has fails too, so the list is kept true. Each capability's package-info.java says what it owns and repeats what it
 * may use, which is checked against the list.
 */
class CapabilityBoundariesTest {

  private static final String ROOT = "vn.dondoc.app.";
  private static final JavaClasses APP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("vn.dondoc.app");

  private static final String WHAT_TO_DO = """

      What to do (docs/ARCHITECTURE.md, "Boundaries"): a dependency may only point down the layers.
      - If the target is below the source, add the line "from -> to" to app/src/test/resources/architecture/capability-dependencies.txt.
      - If it points up (it closes a cycle), do not list it; instead
        * move a value type both sides need down, into the lower package (or `time`, `web`);
        * let the lower package own a small interface that the higher one implements (Spring injects it),
          as staff.InboxCount, tasks.CompletionEvidence, search.DailyReprojection do;
        * publish a Spring application event when one capability only tells another that something happened;
        * move a page that composes several capabilities up, into `workspace` or the package whose page it is.
      """;

  /** The capability a class belongs to (the package right under vn.dondoc.app), if any. */
  private static Optional<String> capability(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(ROOT)) {
      return Optional.empty();
    }
    String rest = name.substring(ROOT.length());
    return Optional.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
  }

  /** Each edge between capabilities with the class dependencies that make it ("A -> B" in the code). */
  private static Map<String, Set<String>> edges() {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (JavaClass type : APP) {
      Optional<String> from = capability(type);
      if (from.isEmpty()) {
        continue;
      }
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        capability(target)
            .filter(to -> !to.equals(from.get()))
            .ifPresent(to -> edges
                .computeIfAbsent(from.get() + " -> " + to, k -> new TreeSet<>())
                .add(topLevel(type) + " -> " + to + "." + topLevel(target)));
      }
    }
    return edges;
  }

  /** The name of the file a class is in: its top-level class, without the package. */
  private static String topLevel(JavaClass type) {
    String name = type.getName().substring(type.getPackageName().length() + 1);
    return name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
  }

  private static Set<String> allowed() throws IOException {
    try (InputStream in = CapabilityBoundariesTest.class.getResourceAsStream(
        "/architecture/capability-dependencies.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static String explained(Set<String> edges, Map<String, Set<String>> code) {
    return edges.stream()
        .map(edge -> edge
            + code.getOrDefault(edge, Set.of()).stream()
                .map(use -> "\n      " + use)
                .collect(Collectors.joining()))
        .collect(Collectors.joining("\n  ", "\n  ", "\n"));
  }

  @Test
  void capabilitiesUseOnlyTheDependenciesTheListAllows() throws IOException {
    Map<String, Set<String>> actual = edges();
    Set<String> allowed = allowed();
    Set<String> unlisted = new TreeSet<>(actual.keySet());
    unlisted.removeAll(allowed);
    assertThat(unlisted)
        .as(
            "dependencies between capabilities not in architecture/capability-dependencies.txt:%s%s",
            explained(unlisted, actual), WHAT_TO_DO)
        .isEmpty();
    Set<String> stale = new TreeSet<>(allowed);
    stale.removeAll(actual.keySet());
    assertThat(stale)
        .as("listed dependencies the code no longer has: remove these lines from"
            + " app/src/test/resources/architecture/capability-dependencies.txt")
        .isEmpty();
  }

  @Test
  void noCapabilityReachesItselfThroughOthers() throws IOException {
    Map<String, Set<String>> actual = edges();
    for (Set<String> edges : List.of(actual.keySet(), allowed())) {
      List<Set<String>> cycles = cycles(edges);
      Set<String> inside = edges.stream()
          .filter(edge ->
              cycles.stream().anyMatch(group -> group.containsAll(List.of(edge.split(" -> ")))))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(cycles)
          .as(
              "capabilities that depend on each other in a circle: %s; the edges inside them:%s%s",
              cycles, explained(inside, actual), WHAT_TO_DO)
          .isEmpty();
    }
  }

  private static final Path SOURCES = Path.of(System.getProperty("dondoc.repository", ".."))
      .resolve("app/src/main/java/vn/dondoc/app");
  private static final Pattern MAY_USE = Pattern.compile("May use \\([^)]*\\): ([a-z, ]+)\\.");

  @Test
  void eachCapabilitySaysWhatItOwnsAndMayUse() throws IOException {
    Map<String, Set<String>> listed = new TreeMap<>();
    for (String edge : allowed()) {
      String[] ends = edge.split(" -> ");
      listed.computeIfAbsent(ends[0], k -> new TreeSet<>()).add(ends[1]);
    }
    List<String> packages;
    try (Stream<Path> children = Files.list(SOURCES)) {
      packages = children
          .filter(Files::isDirectory)
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList();
    }
    assertThat(packages)
        .as("capability packages under %s", SOURCES)
        .contains("tasks", "time", "workspace");
    Map<String, String> wrong = new TreeMap<>();
    for (String name : packages) {
      Path info = SOURCES.resolve(name).resolve("package-info.java");
      if (!Files.exists(info)) {
        wrong.put(
            name,
            "no package-info.java: write two or three lines on what the package owns, and its 'May use'");
        continue;
      }
      String text = Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
      Matcher may = MAY_USE.matcher(text);
      Set<String> said =
          may.find() ? new TreeSet<>(List.of(may.group(1).split(",\\s*"))) : Set.of();
      Set<String> uses = listed.getOrDefault(name, Set.of());
      if (!said.equals(uses)
          && !(uses.isEmpty() && text.contains("Uses no other capability package."))) {
        wrong.put(
            name,
            "package-info.java says it may use " + said + ", capability-dependencies.txt lists "
                + uses
                + ": make its sentence 'May use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): a, b.'"
                + " name the list's packages (or 'Uses no other capability package.')");
      }
    }
    assertThat(wrong).as("package-info.java of the capabilities").isEmpty();
  }

  @Test
  void theCycleCheckFindsACycle() {
    assertThat(cycles(Set.of("a -> b", "b -> c", "c -> a", "c -> d", "d -> e")))
        .containsExactly(Set.of("a", "b", "c"));
    assertThat(cycles(Set.of("a -> b", "b -> c", "a -> c"))).isEmpty();
  }

  /** The groups of capabilities that depend on each other in a circle (strongly connected, more than one). */
  static List<Set<String>> cycles(Set<String> edges) {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String edge : edges) {
      String[] ends = edge.split(" -> ");
      graph.computeIfAbsent(ends[0], k -> new TreeSet<>()).add(ends[1]);
      graph.computeIfAbsent(ends[1], k -> new TreeSet<>());
    }
    // Tarjan's algorithm, recursive: a few dozen packages
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> groups = new ArrayList<>();
    int[] counter = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, groups, counter);
      }
    }
    return groups.stream().filter(group -> group.size() > 1).toList();
  }

  private static void connect(
      String node,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> groups,
      int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.push(node);
    onStack.add(node);
    for (String next : graph.get(node)) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, groups, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> group = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        group.add(member);
      } while (!member.equals(node));
      groups.add(group);
    }
  }
}
