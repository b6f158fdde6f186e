package vn.dondoc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs true to the code: every repository path, link, image and Java class named in README.md,
 * CONTRIBUTING.md and docs/*.md exists. Paths with placeholders ({@code <key>}, {@code {code}}, {@code *})
 * and build output ({@code target/}) are not checked. A path may be named from the repository root, from the document's folder (links) or
 * from a module's source folders (classpath paths such as {@code db/seed/agencies.csv}). A class-like name
 * counts when the repository declares that type, a model has an element of that id, a script defines
 * that global, or it is one of the library classes in {@link #LIBRARY_NAMES}.
 */
class DocsReferencesTest {

  private static final Path REPOSITORY =
      Path.of(System.getProperty("dondoc.repository", "..")).toAbsolutePath().normalize();
  private static final List<String> MODULES =
      List.of("app", "processes", "forms", "search", "bench");

  /** Classes of the libraries the docs name, which the repository uses but does not declare. */
  private static final Set<String> LIBRARY_NAMES = Set.of(
      "ClockUtil",
      "JavaDelegate",
      "MultipartHttpServletRequest",
      "UserProfileProvider",
      "BinaryData",
      "ElasticsearchClient",
      "RuntimeService");

  /** A Markdown link's or an HTML image's target. */
  private static final Pattern LINK =
      Pattern.compile("\\]\\(([^)\\s#]+)(?:#[^)]*)?\\)|(?<![:\\w-])src=\"([^\"#]+)\"");

  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern PATH = Pattern.compile("\\.?[\\w.-]+(?:/[\\w.-]+)+/?");
  private static final Pattern QUALIFIED =
      Pattern.compile("\\bvn\\.dondoc((?:\\.[a-z]\\w*)+)\\.([A-Z]\\w*)");
  private static final Pattern CLASS_LIKE =
      Pattern.compile("(?:[a-z]\\w*\\.)*([A-Z][a-z0-9]+[A-Z]\\w*)(?:[.#]\\w+(?:\\(.*\\))?)*");
  private static final Pattern DECLARED =
      Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");
  private static final Pattern ELEMENT_ID = Pattern.compile("\\bid=\"([A-Za-z]\\w*)\"");
  private static final Pattern SCRIPT_GLOBAL =
      Pattern.compile("window\\.([A-Z]\\w*)\\s*=|global: '([A-Z]\\w*)'");

  private static final Set<String> knownNames = new HashSet<>(LIBRARY_NAMES);
  private static final List<Path> sourceRoots = new ArrayList<>();

  @BeforeAll
  static void readTheRepository() throws IOException {
    sourceRoots.add(REPOSITORY);
    for (String module : MODULES) {
      for (String root : List.of("src/main/resources", "src/main", "src/test")) {
        sourceRoots.add(REPOSITORY.resolve(module).resolve(root));
      }
    }
    for (String module : MODULES) {
      collect(REPOSITORY.resolve(module).resolve("src"), ".java", DECLARED);
      collect(REPOSITORY.resolve(module).resolve("src"), ".bpmn", ELEMENT_ID);
      collect(REPOSITORY.resolve(module).resolve("src/main"), ".js", SCRIPT_GLOBAL);
      collect(REPOSITORY.resolve(module).resolve("src/main"), ".mjs", SCRIPT_GLOBAL);
    }
  }

  @Test
  void everyPathLinkAndClassNamedInTheDocsExists() throws IOException {
    Set<String> missing = new TreeSet<>();
    for (Path doc : docs()) {
      String text = Files.readString(doc);
      String name = REPOSITORY.relativize(doc).toString();
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1) != null ? link.group(1) : link.group(2);
        if (!target.contains(":")
            && !target.matches(".*[<{*].*")
            && !Files.exists(doc.getParent().resolve(target).normalize())) {
          missing.add(name + ": link " + target);
        }
      }
      Matcher code = CODE.matcher(text);
      while (code.find()) {
        String token = code.group(1).strip();
        if (PATH.matcher(token).matches()
            && !token.contains("target/")
            && isRepositoryFolder(token.substring(0, token.indexOf('/')))
            && sourceRoots.stream().noneMatch(root -> Files.exists(root.resolve(token)))) {
          missing.add(name + ": path " + token);
        }
        Matcher qualified = QUALIFIED.matcher(token);
        while (qualified.find()) {
          String file = "java/vn/dondoc" + qualified.group(1).replace('.', '/') + "/"
              + qualified.group(2) + ".java";
          if (MODULES.stream()
              .noneMatch(
                  m -> Files.exists(REPOSITORY.resolve(m).resolve("src/main").resolve(file))
                      || Files.exists(REPOSITORY.resolve(m).resolve("src/test").resolve(file)))) {
            missing.add(name + ": class " + qualified.group());
          }
        }
        Matcher classLike = CLASS_LIKE.matcher(token);
        if (classLike.matches() && !knownNames.contains(classLike.group(1))) {
          missing.add(name + ": name " + token);
        }
      }
    }
    assertThat(missing).as("named in the docs but not in the repository").isEmpty();
  }

  @Test
  void theCheckReadsTheDocsAndTheCode() throws IOException {
    // a wrong repository path would make the test above pass on nothing
    assertThat(docs())
        .contains(REPOSITORY.resolve("README.md"), REPOSITORY.resolve("docs/ARCHITECTURE.md"));
    assertThat(knownNames).contains("DondocApplication", "DeadlinePassed", "DondocCharts");
    assertThat(isRepositoryFolder("app")).isTrue();
  }

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(
        List.of(REPOSITORY.resolve("README.md"), REPOSITORY.resolve("CONTRIBUTING.md")));
    try (Stream<Path> files = Files.list(REPOSITORY.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static boolean isRepositoryFolder(String name) {
    return !name.isEmpty() && Files.isDirectory(REPOSITORY.resolve(name));
  }

  private static void collect(Path dir, String suffix, Pattern names) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files
          .filter(p -> p.toString().endsWith(suffix)
              && Files.isRegularFile(p)
              && !p.toString().contains("node_modules"))
          .toList()) {
        Matcher m = names.matcher(Files.readString(file));
        while (m.find()) {
          knownNames.add(m.group(1) != null ? m.group(1) : m.group(m.groupCount()));
        }
      }
    }
  }
}
