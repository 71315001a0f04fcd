package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One job per file: no main source file of any module is over 400 lines, but the sentence
 * catalogues, which are long because they hold every sentence of one kind in one place.
 */
class SourceFileSizeTest {
  private static final int MAX_LINES = 400;
  private static final Set<String> SENTENCE_CATALOGUES = Set.of("ParseMessages.java", "RuleMessages.java", "Replies.java", "TradeReplies.java");
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void noMainSourceFileIsOver400LinesButTheSentenceCatalogues() throws IOException {
    List<Path> sources = mainSources();
    assertThat(sources).as("main sources under %s", ROOT).hasSizeGreaterThan(100);

    List<String> tooLong =
        sources.stream()
            .filter(file -> !SENTENCE_CATALOGUES.contains(file.getFileName().toString()))
            .filter(file -> lines(file) > MAX_LINES)
            .map(file -> ROOT.relativize(file) + " (" + lines(file) + " lines)")
            .toList();

    assertThat(tooLong).as("main source files over %d lines: split them by job", MAX_LINES).isEmpty();
  }

  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      return modules
          .map(module -> module.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .flatMap(SourceFileSizeTest::javaFiles)
          .toList();
    }
  }

  private static Stream<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
