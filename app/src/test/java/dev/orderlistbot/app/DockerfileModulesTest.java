package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * No Docker engine runs where the tests run, so nothing builds the image: this holds the Dockerfile's
 * build stage to the root pom instead. Every module the default build knows is copied into the build
 * stage (else {@code docker build} fails on a missing module), nothing else is, and {@code
 * .dockerignore} keeps none of them out.
 */
class DockerfileModulesTest {
  private static final Pattern COPY_MODULE = Pattern.compile("^COPY\\s+([a-z][a-z0-9-]*)\\s+\\./\\1\\s*$", Pattern.MULTILINE);
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theBuildStageCopiesExactlyTheModulesOfTheRootPom() throws Exception {
    List<String> modules = rootPomModules();
    assertThat(modules).as("modules of %s", ROOT.resolve("pom.xml")).contains("bot-core", "app");

    assertThat(copiedDirectories(buildStage()))
        .as("COPY <module> ./<module> lines in the Dockerfile's build stage")
        .containsExactlyInAnyOrderElementsOf(modules);
  }

  @Test
  void dockerignoreKeepsNoModuleOutOfTheBuildContext() throws Exception {
    List<String> ignored =
        Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();

    assertThat(ignored).doesNotContainAnyElementsOf(rootPomModules());
  }

  private static List<String> rootPomModules() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element project = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement();
    List<String> modules = new ArrayList<>();
    // only <project><modules>: the bench module sits in a profile and is never built into the image
    for (Element block : children(project, "modules")) {
      for (Element module : children(block, "module")) {
        modules.add(module.getTextContent().strip());
      }
    }
    return modules;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && name.equals(nodes.item(i).getNodeName())) {
        found.add((Element) nodes.item(i));
      }
    }
    return found;
  }

  /** The Dockerfile from its first FROM up to the second (the build stage). */
  private static String buildStage() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    int first = dockerfile.indexOf("\nFROM ");
    int second = dockerfile.indexOf("\nFROM ", first + 1);
    assertThat(first).as("a build stage").isNotNegative();
    assertThat(second).as("a runtime stage after the build stage").isGreaterThan(first);
    return dockerfile.substring(first, second);
  }

  private static List<String> copiedDirectories(String stage) {
    List<String> copied = new ArrayList<>();
    Matcher matcher = COPY_MODULE.matcher(stage);
    while (matcher.find()) {
      copied.add(matcher.group(1));
    }
    return copied;
  }
}
