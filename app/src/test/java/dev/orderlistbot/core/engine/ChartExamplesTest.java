package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.charts.CandleChartRenderer;
import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.rules.Preview;
import dev.orderlistbot.core.rules.PreviewLeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's example charts, one per list kind, under {@code docs/img/}: each is drawn again from
 * the same preview and candles and must still be an 800×450 picture. Run with {@code
 * -Dcharts.examples.write=true} to write them anew after the drawing changed.
 */
class ChartExamplesTest {
  private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs/img");

  @ParameterizedTest
  @EnumSource(ListKind.class)
  void eachListKindHasItsExampleChart(ListKind kind) throws Exception {
    byte[] png = new CandleChartRenderer().render(example(kind));
    Path file = DOCS.resolve("chart-" + kind.name().toLowerCase(java.util.Locale.ROOT) + ".png");
    if (Boolean.getBoolean("charts.examples.write")) {
      Files.createDirectories(DOCS);
      Files.write(file, png);
    }

    assertThat(file).as("run with -Dcharts.examples.write=true to draw it").exists();
    BufferedImage committed = ImageIO.read(file.toFile());
    BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(committed.getWidth()).isEqualTo(drawn.getWidth()).isEqualTo(800);
    assertThat(committed.getHeight()).isEqualTo(drawn.getHeight()).isEqualTo(450);
  }

  /** A buy of 0.01 BTC with the market at about 30,000 after a day of 15-minute candles. */
  static ChartSpec example(ListKind kind) {
    List<Candle> candles = candles();
    BigDecimal last = candles.get(candles.size() - 1).close();
    PreviewLeg entry = leg(LegRole.WORKING, Side.BUY, OrderType.LIMIT, "29700", null);
    PreviewLeg takeProfit = leg(LegRole.TAKE_PROFIT, Side.SELL, OrderType.LIMIT_MAKER, "31200", null);
    PreviewLeg stop = leg(LegRole.STOP_LOSS, Side.SELL, OrderType.STOP_LOSS_LIMIT, "29050", "29100");
    List<PreviewLeg> legs =
        switch (kind) {
          case OCO -> List.of(takeProfit, stop);
          case OTO, OPO -> List.of(entry, takeProfit);
          case OTOCO, OPOCO -> List.of(entry, takeProfit, stop);
        };
    Side side = kind == ListKind.OCO ? Side.SELL : Side.BUY;
    Preview preview =
        new Preview(kind, Symbol.of("BTCUSDT"), side, Quantity.of("0.01"), Asset.of("BTC"), Asset.of("USDT"), legs,
            new BigDecimal("297"), new Price(last), Optional.empty(), Optional.empty());
    return PreviewCharts.of(preview, TradingEnvironment.PAPER, CandleInterval.FIFTEEN_MINUTES, candles);
  }

  private static PreviewLeg leg(LegRole role, Side side, OrderType type, String price, String stop) {
    return new PreviewLeg(role, side, type, Optional.of(Price.of(price)), Optional.ofNullable(stop).map(Price::of),
        Optional.empty(), Optional.empty());
  }

  private static List<Candle> candles() {
    Random random = new Random(2026);
    List<Candle> candles = new ArrayList<>();
    BigDecimal price = new BigDecimal("30400");
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 96; i++) {
      BigDecimal open = price;
      BigDecimal close = open.add(BigDecimal.valueOf(random.nextInt(161) - 85));
      candles.add(new Candle(start.plusSeconds(900L * i), open, open.max(close).add(BigDecimal.valueOf(random.nextInt(45))),
          open.min(close).subtract(BigDecimal.valueOf(random.nextInt(45))), close));
      price = close;
    }
    return candles;
  }
}
