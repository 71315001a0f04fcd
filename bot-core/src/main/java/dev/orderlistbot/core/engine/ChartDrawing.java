package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.ChartRenderer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Whether the bot draws charts, and with what: off (the simulation, a deployment that turned {@code
 * BOT_CHARTS} off), or a renderer with the executor that fetches candles beside a preview's checks
 * and how long a preview waits for them before it goes out as text alone.
 */
public sealed interface ChartDrawing permits ChartDrawing.Off, ChartDrawing.On {
  /** No charts: every message is text. */
  ChartDrawing OFF = new Off();

  /** No charts. */
  record Off() implements ChartDrawing {}

  /**
   * Charts drawn by {@code renderer}.
   *
   * @param executor fetches a preview's candles while its checks run (off the chat event's thread)
   * @param candleWait how long a preview waits, after its checks, for candles still on their way;
   *     past it the preview goes out as text, never later
   */
  record On(ChartRenderer renderer, Executor executor, Duration candleWait) implements ChartDrawing {
    /** A preview waits at most this long for its candles once its checks are done. */
    public static final Duration DEFAULT_CANDLE_WAIT = Duration.ofSeconds(2);

    public On {
      Objects.requireNonNull(renderer, "renderer");
      Objects.requireNonNull(executor, "executor");
      Objects.requireNonNull(candleWait, "candleWait");
      if (candleWait.isNegative()) {
        throw new IllegalArgumentException("candleWait must not be negative");
      }
    }
  }
}
