package dev.orderlistbot.app;

import dev.orderlistbot.charts.CandleChartRenderer;
import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartLine;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.port.out.ChartRenderer.ChartException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;

/**
 * {@code charts check}: draws one chart as the bot would (headless, with the bundled font) and
 * writes it to {@code ${BOT_DATA_DIR}/charts/chart-check.png}, so an operator (and the container
 * smoke test, with the image's JVM flags) sees that this host can draw charts. Exit 0 when the
 * picture is an 800×450 PNG with more than a few colours; 1 with the reason otherwise.
 */
@Command(name = "check", description = "Draw one example chart into ${BOT_DATA_DIR}/charts/chart-check.png and say whether charts work here.")
final class ChartCheckCommand implements Callable<Integer> {
  private static final int LEAST_COLOURS = 8;

  private final Main.Context context;

  ChartCheckCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    AppConfig config = AppConfig.from(context.env());
    context.logging().toStream(config.logLevel(), context.err());
    byte[] png;
    try {
      png = new CandleChartRenderer().render(example());
    } catch (ChartException | LinkageError e) {
      context.err().println("error: charts cannot be drawn here: " + e.getMessage()
          + " (the bot runs on and sends text alone; the eclipse-temurin JRE images have what charts need)");
      return 1;
    }
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      int colours = colours(image);
      if (image.getWidth() != CandleChartRenderer.WIDTH || image.getHeight() != CandleChartRenderer.HEIGHT || colours < LEAST_COLOURS) {
        context.err().printf("error: the chart came out wrong: %d×%d with %d colour(s)%n", image.getWidth(), image.getHeight(), colours);
        return 1;
      }
      Path file = Files.createDirectories(config.dataDir().resolve("charts")).resolve("chart-check.png");
      Files.write(file, png);
      context.out().printf("Charts work: drew a %d×%d PNG (%d bytes, %d colours, headless %s) into %s%n",
          image.getWidth(), image.getHeight(), png.length, colours, GraphicsEnvironment.isHeadless(), file.toAbsolutePath());
      return 0;
    } catch (IOException e) {
      context.err().println("error: the chart was drawn but could not be read back or saved: " + e.getMessage());
      return 1;
    }
  }

  /** A day of 15-minute candles rising and falling around 30,000, with an OTOCO's lines on it. */
  static ChartSpec example() {
    List<Candle> candles = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    BigDecimal previous = new BigDecimal("30000");
    for (int i = 0; i < 96; i++) {
      BigDecimal close = new BigDecimal(30000 + ((i * 37) % 23 - 11) * 25 + (i % 48 - 24) * 10);
      BigDecimal high = previous.max(close).add(new BigDecimal("60"));
      BigDecimal low = previous.min(close).subtract(new BigDecimal("60"));
      candles.add(new Candle(start.plus(CandleInterval.FIFTEEN_MINUTES.length().multipliedBy(i)), previous, high, low, close));
      previous = close;
    }
    List<ChartLine> lines = List.of(
        new ChartLine(ChartLine.Kind.ENTRY, new BigDecimal("29700"), "entry 29,700"),
        new ChartLine(ChartLine.Kind.TAKE_PROFIT, new BigDecimal("31200"), "TP 31,200"),
        new ChartLine(ChartLine.Kind.STOP_TRIGGER, new BigDecimal("29100"), "SL 29,100"),
        new ChartLine(ChartLine.Kind.STOP_LIMIT, new BigDecimal("29050"), "SL limit 29,050"),
        new ChartLine(ChartLine.Kind.LAST_PRICE, previous, "last " + previous.toPlainString()));
    return new ChartSpec("BTCUSDT · OTOCO BUY · 15m · CHECK", CandleInterval.FIFTEEN_MINUTES, candles, lines, List.of());
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
