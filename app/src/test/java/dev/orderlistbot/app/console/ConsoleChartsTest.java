package dev.orderlistbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleChartsTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'c', 'h', 'a', 'r', 't'};
  private static final Picture CHART = Picture.png(PNG, "chart-BTCUSDT.png");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:44:00.123Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;
  private final StringWriter printed = new StringWriter();

  private ConsoleChatPlatform console(Path charts) {
    return new ConsoleChatPlatform(new PrintWriter(printed), charts, CLOCK);
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aPictureIsWrittenAsAPngFileInTheChartsFolderAndItsPathPrintedUnderTheText() throws IOException {
    Path charts = dataDir.resolve("charts");

    console(charts).send(
        ConsoleChatPlatform.CHAT,
        OutboundMessage.withButtons("Preview: OCO BTCUSDT", new Button("Confirm", "c-1")).withPicture(CHART));

    Path file = files(charts).getFirst();
    assertThat(file.getFileName().toString()).isEqualTo("20261203T084400123Z-000001-chart-BTCUSDT.png");
    assertThat(Files.readAllBytes(file)).isEqualTo(PNG);
    String nl = System.lineSeparator();
    assertThat(printed.toString())
        .contains("bot #1> Preview: OCO BTCUSDT" + nl + "        chart: " + file.toAbsolutePath() + nl + "        [1] Confirm");
  }

  @Test
  void anEditWithAPictureSavesTheNewChartAndOneWithoutPrintsNoChart() throws IOException {
    Path charts = dataDir.resolve("charts");
    ConsoleChatPlatform console = console(charts);
    var sent = console.send(ConsoleChatPlatform.CHAT, OutboundMessage.text("Preview").withPicture(CHART));

    console.edit(sent, OutboundMessage.text("Filled").withPicture(CHART));
    console.edit(sent, OutboundMessage.text("Closed"));

    assertThat(files(charts)).hasSize(2);
    assertThat(printed.toString()).contains("bot #1 (edited)> Filled" + System.lineSeparator() + "                 chart: ");
    assertThat(printed.toString().lines().filter(l -> l.contains("chart: "))).hasSize(2);
  }

  @Test
  void onlyTheNewestFiftyChartsAreKeptAndOtherFilesAreLeftAlone() throws IOException {
    Path charts = Files.createDirectories(dataDir.resolve("charts"));
    Path mine = Files.writeString(charts.resolve("notes.txt"), "keep me");
    ConsoleChatPlatform console = console(charts);
    for (int i = 0; i < ChartFiles.KEEP; i++) {
      console.send(ConsoleChatPlatform.CHAT, OutboundMessage.text("chart " + i).withPicture(CHART));
    }
    Path oldest = charts.resolve("20261203T084400123Z-000001-chart-BTCUSDT.png");
    assertThat(oldest).exists();

    console.send(ConsoleChatPlatform.CHAT, OutboundMessage.text("chart 51").withPicture(CHART));

    assertThat(oldest).doesNotExist();
    assertThat(charts.resolve("20261203T084400123Z-000051-chart-BTCUSDT.png")).exists();
    assertThat(files(charts)).hasSize(ChartFiles.KEEP + 1).contains(mine);
  }

  @Test
  void aChartThatCannotBeWrittenLeavesTheTextAndSaysWhyWithoutAStackTrace() throws IOException {
    Path inTheWay = Files.writeString(dataDir.resolve("charts"), "a file, not a folder");

    console(inTheWay).send(
        ConsoleChatPlatform.CHAT,
        OutboundMessage.withButtons("Preview: OCO BTCUSDT", new Button("Confirm", "c-1")).withPicture(CHART));

    String out = printed.toString();
    assertThat(out).contains("bot #1> Preview: OCO BTCUSDT").contains("[1] Confirm");
    assertThat(out).contains("(the chart could not be saved: a file is in the way: " + inTheWay + ")");
    assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
