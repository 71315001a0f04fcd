package dev.orderlistbot.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartLine;
import dev.orderlistbot.core.chart.ChartLine.Kind;
import dev.orderlistbot.core.chart.ChartMark;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.port.out.ChartRenderer.ChartException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Renders read back as pictures: their size, that something is drawn, and where each line sits. */
class CandleChartRendererTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private final CandleChartRenderer renderer = new CandleChartRenderer();

  @Test
  void drawsHeadlessAnEightHundredByFourHundredFiftyPicture() throws IOException {
    BufferedImage image = read(renderer.render(otoco("31000", "29000")));

    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(450);
  }

  @Test
  void thePngDecodesToExactlyThePictureDrawn() throws IOException {
    ChartSpec spec = otoco("31000", "29000");

    BufferedImage decoded = read(renderer.render(spec));

    assertThat(PngEncoderTest.pixels(decoded)).isEqualTo(PngEncoderTest.pixels(renderer.draw(spec)));
  }

  @Test
  void aChartDrawnOnACanvasReusedFromAnotherChartShowsNothingOfThatOne() throws IOException {
    ChartSpec spec = otoco("31000", "29000");
    int[] alone = PngEncoderTest.pixels(read(new CandleChartRenderer().render(spec)));

    renderer.render(otoco("310000", "25000"));
    renderer.render(withMark(otoco("33000", "28000")));
    int[] afterOthers = PngEncoderTest.pixels(read(renderer.render(spec)));

    assertThat(afterOthers).isEqualTo(alone);
  }

  @Test
  void chartsDrawnAtOnceOnSeveralThreadsAreEachExactlyTheirOwn() throws Exception {
    List<ChartSpec> specs = List.of(otoco("31000", "29000"), otoco("310000", "25000"), withMark(otoco("33000", "28000")));
    List<int[]> expected = new ArrayList<>();
    for (ChartSpec spec : specs) {
      expected.add(PngEncoderTest.pixels(read(new CandleChartRenderer().render(spec))));
    }

    try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
      List<Future<byte[]>> pngs = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        ChartSpec spec = specs.get(i % specs.size());
        pngs.add(threads.submit(() -> renderer.render(spec)));
      }
      for (int i = 0; i < pngs.size(); i++) {
        assertThat(PngEncoderTest.pixels(read(pngs.get(i).get(60, TimeUnit.SECONDS)))).as("render " + i).isEqualTo(expected.get(i % specs.size()));
      }
    }
  }

  private static ChartSpec withMark(ChartSpec plain) {
    return new ChartSpec(
        plain.title(), plain.interval(), plain.candles(), plain.lines(),
        List.of(new ChartMark(START.plusSeconds(3600 * 20), new BigDecimal("29500"), "entry filled")));
  }

  @Test
  void thePictureIsNotBlankItHoldsRisingAndFallingCandles() throws IOException {
    BufferedImage image = read(renderer.render(otoco("31000", "29000")));

    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    assertThat(colours).hasSizeGreaterThan(30);
    assertThat(count(image, ChartPalette.CANDLE_UP.getRGB())).isGreaterThan(200);
    assertThat(count(image, ChartPalette.CANDLE_DOWN.getRGB())).isGreaterThan(200);
  }

  @Test
  void eachLineSitsAtTheRowItsPriceMapsTo() throws IOException {
    ChartSpec spec = otoco("31000", "29000");
    BufferedImage image = read(renderer.render(spec));

    Map<Kind, Integer> rows = new EnumMap<>(Kind.class);
    for (ChartLine line : spec.lines()) {
      rows.put(line.kind(), rowOf(image, ChartPalette.of(line.kind()).getRGB()));
    }
    // two lines fix the price-to-row map; every other line must fall on it, to two pixels
    double perUnit = (rows.get(Kind.STOP_TRIGGER) - rows.get(Kind.TAKE_PROFIT)) / (31000.0 - 29000.0);
    for (ChartLine line : spec.lines()) {
      double expected = rows.get(Kind.TAKE_PROFIT) + (31000.0 - line.price().doubleValue()) * perUnit;
      assertThat((double) rows.get(line.kind())).as(line.label()).isCloseTo(expected, org.assertj.core.data.Offset.offset(2.0));
    }
    assertThat(rows.get(Kind.TAKE_PROFIT)).isLessThan(rows.get(Kind.LAST_PRICE));
    assertThat(rows.get(Kind.LAST_PRICE)).isLessThan(rows.get(Kind.ENTRY));
    assertThat(rows.get(Kind.ENTRY)).isLessThan(rows.get(Kind.STOP_TRIGGER));
    assertThat(rows.get(Kind.STOP_TRIGGER)).isLessThan(rows.get(Kind.STOP_LIMIT));
  }

  @Test
  void aPriceFarFromTheMarketIsStillOnThePicture() throws IOException {
    ChartSpec fatFinger = otoco("310000", "29000");
    BufferedImage image = read(renderer.render(fatFinger));

    // the axis stretches to 310,000: the take-profit runs near the top, the market squeezed to the bottom
    assertThat(rowOf(image, ChartPalette.of(Kind.TAKE_PROFIT).getRGB())).isBetween(20, 100);
    assertThat(count(image.getSubimage(0, 0, 800, 300), ChartPalette.of(Kind.STOP_TRIGGER).getRGB())).isZero();
    assertThat(count(image.getSubimage(0, 300, 800, 150), ChartPalette.of(Kind.STOP_TRIGGER).getRGB())).isPositive();
  }

  @Test
  void fillsAreMarked() throws IOException {
    ChartSpec plain = otoco("31000", "29000");
    ChartSpec filled =
        new ChartSpec(
            plain.title(), plain.interval(), plain.candles(), plain.lines(),
            List.of(new ChartMark(START.plusSeconds(3600 * 20), new BigDecimal("29500"), "entry filled")));

    int white = ChartPalette.FILL_MARK.getRGB();
    assertThat(count(read(renderer.render(filled)), white)).isGreaterThan(count(read(renderer.render(plain)), white) + 20);
  }

  @Test
  void aChartWithoutCandlesIsRefusedWithWhy() {
    ChartSpec empty = new ChartSpec("BTCUSDT · 15m · PAPER", CandleInterval.FIFTEEN_MINUTES, List.of(), List.of(), List.of());

    assertThatThrownBy(() -> renderer.render(empty)).isInstanceOf(ChartException.class).hasMessageContaining("no candles");
  }

  /** A day of 15-minute candles walking around 30,000, and an OTOCO's lines with the last price. */
  static ChartSpec otoco(String takeProfit, String stop) {
    Random random = new Random(7);
    List<Candle> candles = new ArrayList<>();
    BigDecimal price = new BigDecimal("30000");
    for (int i = 0; i < 96; i++) {
      BigDecimal open = price;
      BigDecimal close = open.add(BigDecimal.valueOf(random.nextInt(201) - 100));
      BigDecimal high = open.max(close).add(BigDecimal.valueOf(random.nextInt(40)));
      BigDecimal low = open.min(close).subtract(BigDecimal.valueOf(random.nextInt(40)));
      candles.add(new Candle(START.plusSeconds(900L * i), open, high, low, close));
      price = close;
    }
    BigDecimal last = price;
    BigDecimal tp = new BigDecimal(takeProfit);
    BigDecimal sl = new BigDecimal(stop);
    return new ChartSpec(
        "BTCUSDT · 15m · PAPER",
        CandleInterval.FIFTEEN_MINUTES,
        candles,
        List.of(
            new ChartLine(Kind.TAKE_PROFIT, tp, "TP " + tp.toPlainString() + " (" + pct(tp, last) + ")"),
            new ChartLine(Kind.ENTRY, new BigDecimal("29500"), "entry 29500"),
            new ChartLine(Kind.STOP_TRIGGER, sl, "SL " + sl.toPlainString()),
            new ChartLine(Kind.STOP_LIMIT, sl.subtract(new BigDecimal("100")), "SL limit"),
            new ChartLine(Kind.LAST_PRICE, last.max(new BigDecimal("29700")), "last")),
        List.of());
  }

  private static String pct(BigDecimal price, BigDecimal last) {
    return price.subtract(last).multiply(BigDecimal.valueOf(100)).divide(last, 2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  private static BufferedImage read(byte[] png) throws IOException {
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /** The row holding the most pixels of exactly {@code rgb}: where a horizontal line of that colour runs. */
  private static int rowOf(BufferedImage image, int rgb) {
    int best = -1;
    int bestCount = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      int n = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
          n++;
        }
      }
      if (n > bestCount) {
        bestCount = n;
        best = y;
      }
    }
    assertThat(bestCount).as("pixels of the line's colour on its row").isGreaterThan(image.getWidth() / 3);
    return best;
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
          n++;
        }
      }
    }
    return n;
  }
}
