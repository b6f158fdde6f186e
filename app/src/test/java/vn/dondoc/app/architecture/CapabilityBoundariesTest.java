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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which capability package of {@code vn.dondoc.app} may use which other: the allowed edges are listed in
 * {@code architecture/capability-dependencies.txt} ("tasks -> evidence"), one per line. A dependency between
 * capabilities that is not listed fails here, so that a new one is a decision (and, if it closes a cycle, a
 * visible one); a listed edge the code no longer has fails too, so the list only shrinks by being kept true.
 * The packages that take part in cycles today are reported, to be untangled.
 */
class CapabilityBoundariesTest {

  private static final String ROOT = "vn.dondoc.app.";
  private static final JavaClasses APP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("vn.dondoc.app");

  /** The capability a class belongs to (the package right under vn.dondoc.app), if any. */
  private static Optional<String> capability(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(ROOT)) {
      return Optional.empty();
    }
    String rest = name.substring(ROOT.length());
    return Optional.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
  }

  private static Set<String> edges() {
    Set<String> edges = new TreeSet<>();
    for (JavaClass type : APP) {
      Optional<String> from = capability(type);
      if (from.isEmpty()) {
        continue;
      }
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        capability(dependency.getTargetClass()).filter(to -> !to.equals(from.get()))
            .ifPresent(to -> edges.add(from.get() + " -> " + to));
      }
    }
    return edges;
  }

  private static Set<String> allowed() throws IOException {
    try (InputStream in = CapabilityBoundariesTest.class.getResourceAsStream("/architecture/capability-dependencies.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void capabilitiesUseOnlyTheDependenciesTheListAllows() throws IOException {
    Set<String> actual = edges();
    Set<String> allowed = allowed();
    assertThat(actual).as("dependencies between capabilities not in architecture/capability-dependencies.txt")
        .isSubsetOf(allowed);
    assertThat(allowed).as("listed dependencies the code no longer has (remove them from the list)").isSubsetOf(actual);
  }

  /** The groups of capabilities that depend on each other in a circle (strongly connected, more than one). */
  static List<Set<String>> cycles(Set<String> edges) {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String edge : edges) {
      String[] ends = edge.split(" -> ");
      graph.computeIfAbsent(ends[0], k -> new TreeSet<>()).add(ends[1]);
      graph.computeIfAbsent(ends[1], k -> new TreeSet<>());
    }
    // Tarjan's algorithm, iterative enough for a few dozen packages
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

  private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> groups, int[] counter) {
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

  @Test
  void theCyclesOfTodayAreKnown() throws IOException {
    List<Set<String>> cycles = cycles(allowed());
    // one tangle today; the list of edges is where it is untangled (docs/ARCHITECTURE.md, "Boundaries")
    assertThat(cycles.stream().mapToInt(Set::size).sum()).as("capabilities inside cycles: %s", cycles)
        .isLessThanOrEqualTo(KNOWN_IN_CYCLES);
  }

  /** How many capabilities sit inside a cycle now: lower it as they are untangled, never raise it. */
  private static final int KNOWN_IN_CYCLES = 17;
}
