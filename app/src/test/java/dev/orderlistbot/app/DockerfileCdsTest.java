package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The class data sharing archive only fits a JVM started like the one that wrote it: the
 * Dockerfile's training run ({@code warm-up}) and its ENTRYPOINT must pass the same JVM flags and the
 * same jar. Only the archive flags themselves, the training's {@code -XX:MaxRAM} and its quieter CDS
 * log may differ.
 */
class DockerfileCdsTest {
  private static final Path DOCKERFILE = Path.of("").toAbsolutePath().getParent().resolve("Dockerfile");
  private static final Pattern WARM_UP = Pattern.compile("^RUN\\s+\\[(.*\"warm-up\")]\\s*$", Pattern.MULTILINE);
  private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT\\s+\\[(.*)]\\s*$", Pattern.MULTILINE);
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final String ARCHIVE = "/app/orderlist-bot.jsa";

  @Test
  void theTrainingRunAndTheEntrypointStartTheSameJvmOnTheSameJar() throws Exception {
    String dockerfile = Files.readString(DOCKERFILE);
    List<String> training = words(WARM_UP, dockerfile);
    List<String> entrypoint = words(ENTRYPOINT, dockerfile);

    assertThat(training).contains("-XX:ArchiveClassesAtExit=" + ARCHIVE).endsWith("warm-up");
    assertThat(entrypoint).contains("-XX:SharedArchiveFile=" + ARCHIVE);
    assertThat(withoutArchiveFlags(training.subList(0, training.size() - 1)))
        .as("the warm-up RUN line's words, against the ENTRYPOINT's")
        .isEqualTo(withoutArchiveFlags(entrypoint));
  }

  @Test
  void theArchiveIsTrainedAfterTheJarIsCopiedAndBeforeTheBotUserTakesOver() throws Exception {
    String dockerfile = Files.readString(DOCKERFILE);
    int jar = dockerfile.indexOf("COPY --from=build /src/app/target/orderlist-bot.jar /app/orderlist-bot.jar");
    Matcher training = WARM_UP.matcher(dockerfile);
    assertThat(training.find()).isTrue();
    int user = dockerfile.indexOf("\nUSER bot");

    assertThat(jar).as("the jar copied into the runtime stage").isPositive();
    assertThat(training.start()).as("training after the jar is in place").isGreaterThan(jar);
    assertThat(user).as("training as root, so /app is writable, before USER bot").isGreaterThan(training.start());
  }

  private static List<String> withoutArchiveFlags(List<String> words) {
    return words.stream()
        .filter(word -> !word.startsWith("-XX:ArchiveClassesAtExit=") && !word.startsWith("-XX:SharedArchiveFile=")
            && !word.startsWith("-XX:MaxRAM=") && !word.startsWith("-Xlog:cds"))
        .toList();
  }

  private static List<String> words(Pattern line, String dockerfile) {
    Matcher m = line.matcher(dockerfile);
    assertThat(m.find()).as("%s in the Dockerfile", line.pattern()).isTrue();
    List<String> words = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(m.group(1));
    while (quoted.find()) {
      words.add(quoted.group(1));
    }
    return words;
  }
}
