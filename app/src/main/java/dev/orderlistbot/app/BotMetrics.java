package dev.orderlistbot.app;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.OutboxBacklog;
import dev.orderlistbot.binance.BinanceExchangeClient;
import io.micrometer.core.instrument.Counter;
import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.core.engine.StreamLeases;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Prometheus metrics, collected from the app's side of the ports (bot-core knows nothing
 * of Micrometer; it reports through {@link EngineTelemetry}, which this implements): chat events by
 * type and outcome with their handling time, placements by outcome and Binance code, the
 * confirmation latency, notifications delivered, retried and waiting in the outbox, failed drains,
 * Binance's used request weight and user-data-stream connections, and the JVM's memory, threads,
 * CPU and uptime. Every tag has a small fixed range: no user, chat or symbol is ever a tag.
 * Thread-safe.
 */
final class BotMetrics implements EngineTelemetry {
  private static final Logger LOG = LoggerFactory.getLogger(BotMetrics.class);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter delivered;
  private final Counter drainFailures;
  private final Timer confirmations;
  // read by gauges that hold `this` (Micrometer keeps only a weak reference to a gauge's object)
  private volatile Supplier<BacklogReading> backlog = () -> BacklogReading.UNREAD;
  private volatile IntSupplier streamConnections = () -> 0;
  private volatile LongSupplier streamReconnects = () -> 0;
  private volatile BacklogReading lastBacklog = BacklogReading.UNREAD;

  /** The outbox's backlog as read for one scrape; NaN when the read failed. */
  private record BacklogReading(double pending, double oldestAgeSeconds) {
    static final BacklogReading UNREAD = new BacklogReading(Double.NaN, Double.NaN);
  }

  BotMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    delivered =
        Counter.builder("orderlist_notifications_delivered")
            .description("Notifications delivered from the outbox to a chat")
            .register(registry);
    drainFailures =
        Counter.builder("orderlist_notification_drain_failures")
            .description("Outbox drains that failed and are retried on the next tick")
            .register(registry);
    confirmations =
        Timer.builder("orderlist_confirmation")
            .description("Time from a Confirm press to the answer saying whether the order list was placed")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
    for (PlacementOutcome outcome : PlacementOutcome.values()) {
      placements(outcome, ExchangeError.NO_CODE);
    }
    for (RetryReason reason : RetryReason.values()) {
      retries(reason);
    }
  }

  @Override
  public void placement(PlacementOutcome outcome, int code) {
    placements(outcome, code).increment();
  }

  @Override
  public void confirmationTook(Duration elapsed) {
    confirmations.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  @Override
  public void notificationRetried(RetryReason reason) {
    retries(reason).increment();
  }

  @Override
  public void notificationDelivered() {
    delivered.increment();
  }

  private Counter placements(PlacementOutcome outcome, int code) {
    return Counter.builder("orderlist_placements")
        .description("Order lists the traders asked for, by outcome and the exchange's error code on refusals")
        .tag("outcome", tag(outcome))
        .tag("code", codeTag(code))
        .register(registry);
  }

  private Counter retries(RetryReason reason) {
    return Counter.builder("orderlist_notification_retries")
        .description("Notifications put back for later instead of sent, by reason")
        .tag("reason", tag(reason))
        .register(registry);
  }

  /**
   * The outbox's pending messages and the age of the oldest, read through {@code backlog} once per
   * scrape; a failed read shows as NaN and never fails the scrape.
   */
  void watchOutbox(Supplier<OutboxBacklog> source, Clock clock) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(clock, "clock");
    backlog =
        () -> {
          OutboxBacklog read = source.get();
          return new BacklogReading(read.pending(), read.oldestAge(clock.instant()).toMillis() / 1000.0);
        };
    Gauge.builder("orderlist_notification_outbox_pending", this, m -> m.lastBacklog.pending())
        .description("Notifications in the outbox neither delivered nor failed")
        .register(registry);
    Gauge.builder("orderlist_notification_outbox_oldest_age", this, m -> m.lastBacklog.oldestAgeSeconds())
        .description("How long the oldest pending notification has waited; 0 when none is pending")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Binance user-data-stream WebSocket connections open now, and reconnects so far. */
  void watchUserStream(IntSupplier openConnections, LongSupplier reconnects) {
    streamConnections = Objects.requireNonNull(openConnections, "openConnections");
    streamReconnects = Objects.requireNonNull(reconnects, "reconnects");
    Gauge.builder("binance_user_stream_connections", this, m -> m.streamConnections.getAsInt())
        .description("Open WebSocket connections of Binance's user data stream")
        .register(registry);
    FunctionCounter.builder("binance_user_stream_reconnects", this, m -> m.streamReconnects.getAsLong())
        .description("User-data-stream connections that opened again after a drop, shutdown or age limit")
        .register(registry);
  }

  /**
   * Wraps {@code handler} so every chat event is counted by type ({@code text}, {@code button}) and
   * outcome ({@code ok}, {@code error}) and timed. The confirmation latency proper is {@code
   * orderlist_confirmation_seconds}, reported by the engine.
   */
  ChatEventHandler counting(ChatEventHandler handler) {
    return event -> {
      String type =
          switch (event) {
            case ChatEvent.TextMessage text -> "text";
            case ChatEvent.ButtonPressed button -> "button";
            case ChatEvent.CodeEntered code -> "code";
          };
      Timer.Sample sample = Timer.start(registry);
      String outcome = "error";
      try {
        handler.handle(event);
        outcome = "ok";
      } finally {
        sample.stop(
            Timer.builder("orderlist_chat_events")
                .description("Chat events handled, by type and outcome")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry));
      }
    };
  }

  /** The leases this instance holds, and how many it took, took over from a dead instance, and lost. */
  void watchLeases(InstanceLeases leases) {
    Gauge.builder("orderlist_leases_held", leases, l -> l.held().size())
        .description("Leases this instance holds now (its presence, sweeps, paper, accounts' streams)")
        .register(registry);
    FunctionCounter.builder("orderlist_leases_taken", leases, InstanceLeases::takenCount)
        .description("Leases this instance took")
        .register(registry);
    FunctionCounter.builder("orderlist_leases_taken_over", leases, InstanceLeases::takenOverCount)
        .description("Leases this instance took over from an instance that stopped renewing them")
        .register(registry);
    FunctionCounter.builder("orderlist_leases_lost", leases, InstanceLeases::lostCount)
        .description("Leases another instance took from this one")
        .register(registry);
  }

  /** How many Binance accounts' order events this instance streams (with several instances, its share). */
  void watchStreams(StreamLeases streams) {
    Gauge.builder("orderlist_streamed_accounts", streams, StreamLeases::streamedCount)
        .description("Binance accounts whose user data stream this instance holds")
        .register(registry);
  }

  /** Binance's used request weight (1-minute window) and whether a 429/418 back-off is in force. */
  void watch(ExchangeClient exchange) {
    if (exchange instanceof BinanceExchangeClient binance) {
      Gauge.builder("binance_used_weight", binance, b -> usedWeight(b.usage().usedWeight()))
          .description("Request weight Binance last reported for this IP, 1-minute window")
          .tag("interval", "1m")
          .register(registry);
      Gauge.builder("binance_backing_off", binance, b -> b.usage().backingOffUntil().isPresent() ? 1 : 0)
          .description("1 while Binance asked the bot to back off (HTTP 429/418)")
          .register(registry);
    }
  }

  void drainFailed() {
    drainFailures.increment();
  }

  /** Everything in the Prometheus text format; reads the outbox's backlog once for it. */
  String scrape() {
    try {
      lastBacklog = backlog.get();
    } catch (RuntimeException e) {
      lastBacklog = BacklogReading.UNREAD;
      LOG.debug("reading the outbox backlog for /metrics failed", e);
    }
    return registry.scrape();
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** Binance's codes are negative and few; anything else is not worth a series of its own. */
  static String codeTag(int code) {
    if (code == ExchangeError.NO_CODE) {
      return "none";
    }
    return code < 0 && code > -100_000 ? Integer.toString(code) : "other";
  }

  private static double usedWeight(Map<String, Long> weights) {
    return weights.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("1m"))
        .mapToDouble(Map.Entry::getValue)
        .findFirst()
        .orElse(0);
  }
}
