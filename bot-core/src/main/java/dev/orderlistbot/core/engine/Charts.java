package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's charts: whether a user wants them ({@code /settings charts on|off}, on unless turned
 * off), the candles of a pair fetched beside a preview's checks, and the drawing of a {@link
 * ChartSpec} into a {@link Picture}. Every failure (no candles, the exchange down, a drawing error,
 * candles later than the wait) is logged and answers no picture: the text goes out alone. Thread-safe.
 */
final class Charts {
  private static final Logger LOG = LoggerFactory.getLogger(Charts.class);

  /** The user setting, {@code on} or {@code off}. */
  static final String SETTING = "charts";

  /** A preview's chart: the last 24 hours in 15-minute candles. */
  static final CandleInterval PREVIEW_INTERVAL = CandleInterval.FIFTEEN_MINUTES;

  private final ChartDrawing drawing;
  private final ExchangeClient exchange;
  private final Transactor transactor;

  Charts(ChartDrawing drawing, ExchangeClient exchange, Transactor transactor) {
    this.drawing = drawing;
    this.exchange = exchange;
    this.transactor = transactor;
  }

  /** Whether the bot draws charts at all. */
  boolean enabled() {
    return drawing instanceof ChartDrawing.On;
  }

  /** Whether {@code user} gets charts on previews and cards: drawing is on and they did not turn it off. */
  boolean wanted(UserRef user) {
    return enabled() && chartsOn(transactor, user);
  }

  /** The user's own setting, on unless they turned it off. */
  static boolean chartsOn(Transactor transactor, UserRef user) {
    return transactor.inTransaction(stores -> stores.users().find(user))
        .map(u -> u.settings().getOrDefault(SETTING, "on"))
        .map(value -> !value.toLowerCase(Locale.ROOT).equals("off"))
        .orElse(true);
  }

  /** How many candles a chart of {@code interval} shows: a day of 15m, three days of 1h, 15 days of 4h, three months of 1d. */
  static int window(CandleInterval interval) {
    return switch (interval) {
      case ONE_MINUTE -> interval.candlesIn(Duration.ofHours(2));
      case FIFTEEN_MINUTES -> interval.candlesIn(Duration.ofDays(1));
      case ONE_HOUR -> interval.candlesIn(Duration.ofDays(3));
      case FOUR_HOURS -> interval.candlesIn(Duration.ofDays(15));
      case ONE_DAY -> interval.candlesIn(Duration.ofDays(90));
    };
  }

  /**
   * Starts fetching {@code symbol}'s candles on the drawing's executor, so they arrive while the
   * caller does other work; empty when {@code user} gets no charts.
   */
  Optional<CompletableFuture<List<Candle>>> startCandles(UserRef user, Symbol symbol, CandleInterval interval) {
    if (!(drawing instanceof ChartDrawing.On on) || !wanted(user)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CompletableFuture.supplyAsync(() -> exchange.candles(symbol, interval, window(interval)), on.executor()));
    } catch (RuntimeException e) {
      LOG.info("no chart for {}: the candle fetch could not start: {}", symbol, e.toString());
      return Optional.empty();
    }
  }

  /**
   * The picture of the spec {@code draw} makes of the candles {@code pending} brings, waiting for
   * them at most the drawing's wait; empty when they are late or missing, or drawing fails.
   */
  Optional<Picture> await(
      Optional<CompletableFuture<List<Candle>>> pending, Symbol symbol, Function<List<Candle>, ChartSpec> draw) {
    if (pending.isEmpty() || !(drawing instanceof ChartDrawing.On on)) {
      return Optional.empty();
    }
    try {
      List<Candle> candles = pending.get().get(on.candleWait().toMillis(), TimeUnit.MILLISECONDS);
      return draw(symbol, draw.apply(candles));
    } catch (TimeoutException e) {
      pending.get().cancel(false);
      LOG.info("no chart for {}: its candles took longer than {}", symbol, on.candleWait());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      LOG.info("no chart for {}: {}", symbol, String.valueOf(e.getCause()));
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      // a renderer whose classes or native libraries cannot load is a chart not drawn, never a lost text
      LOG.warn("no chart for {}: it could not be drawn", symbol, e);
      return Optional.empty();
    }
  }

  /**
   * The picture of {@code symbol}'s candles drawn by {@code draw}: the candles fetched on the drawing's
   * executor and waited for at most its wait (a slow exchange never holds the caller longer), drawn on
   * the calling thread; empty on any failure.
   */
  Optional<Picture> now(Symbol symbol, CandleInterval interval, Function<List<Candle>, ChartSpec> draw) {
    if (!(drawing instanceof ChartDrawing.On on)) {
      return Optional.empty();
    }
    Optional<CompletableFuture<List<Candle>>> candles;
    try {
      candles = Optional.of(CompletableFuture.supplyAsync(() -> exchange.candles(symbol, interval, window(interval)), on.executor()));
    } catch (RuntimeException e) {
      LOG.info("no chart for {}: the candle fetch could not start: {}", symbol, e.toString());
      return Optional.empty();
    }
    return await(candles, symbol, draw);
  }

  private Optional<Picture> draw(Symbol symbol, ChartSpec spec) {
    if (!(drawing instanceof ChartDrawing.On on)) {
      return Optional.empty();
    }
    if (spec.candles().isEmpty()) {
      LOG.info("no chart for {}: the exchange has no candles for it", symbol);
      return Optional.empty();
    }
    return Optional.of(Picture.png(on.renderer().render(spec), "chart-" + symbol.value() + ".png"));
  }
}
