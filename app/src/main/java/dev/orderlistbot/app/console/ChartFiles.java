package dev.orderlistbot.app.console;

import dev.orderlistbot.core.chat.Picture;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the console puts the pictures (charts) of the bot's messages, since a terminal cannot show
 * them: each one a file {@code <time>-<seq>-<fileName>} in one folder (created when missing), e.g.
 * {@code 20261203T084400123Z-000007-chart-BTCUSDT.png}. Only the newest {@value #KEEP} are kept, so
 * a long session cannot fill the disk; other files in the folder are never touched. Names sort by
 * age: the time to the millisecond, then a sequence number. Not thread-safe (the console
 * serializes its calls).
 */
final class ChartFiles {
  static final int KEEP = 50;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern OURS = Pattern.compile("\\d{8}T\\d{9}Z-\\d{6,}-.+\\.png");

  private final Path folder;
  private final Clock clock;
  private long seq;

  ChartFiles(Path folder, Clock clock) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Writes the picture and removes the oldest charts beyond {@value #KEEP}; answers the file's
   * absolute path.
   *
   * @throws IOException when the folder or the file cannot be written
   */
  Path save(Picture picture) throws IOException {
    Files.createDirectories(folder);
    String name = TIME.format(clock.instant()) + "-" + String.format("%06d", ++seq) + "-" + picture.fileName();
    Path file = Files.write(folder.resolve(name), picture.bytes());
    try {
      prune();
    } catch (IOException | DirectoryIteratorException e) {
      // the chart is saved; the old ones go at the next save
    }
    return file.toAbsolutePath().normalize();
  }

  private void prune() throws IOException {
    List<Path> charts = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        if (OURS.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
          charts.add(file);
        }
      }
    }
    charts.sort(Comparator.comparing(file -> file.getFileName().toString()));
    for (Path old : charts.subList(0, Math.max(0, charts.size() - KEEP))) {
      Files.deleteIfExists(old);
    }
  }
}
