package dev.orderlistbot.app;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.exchange.binance.BinanceExchangeClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/**
 * The bot's Prometheus metrics, collected from the app's side of the ports (bot-core knows nothing
 * of Micrometer): chat events by type and outcome with their handling time, notifications delivered
 * and failed drains, Binance's used request weight, and the JVM's memory, threads, CPU and uptime.
 * Thread-safe.
 */
final class BotMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter delivered;
  private final Counter drainFailures;

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
  }

  /**
   * Wraps {@code handler} so every chat event is counted by type ({@code text}, {@code button}) and
   * outcome ({@code ok}, {@code error}) and timed; a button press that confirms an order list is
   * timed through its placement, so {@code type="button"} is the confirmation latency.
   */
  ChatEventHandler counting(ChatEventHandler handler) {
    return event -> {
      String type =
          switch (event) {
            case ChatEvent.TextMessage text -> "text";
            case ChatEvent.ButtonPressed button -> "button";
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

  void delivered(int count) {
    delivered.increment(count);
  }

  void drainFailed() {
    drainFailures.increment();
  }

  /** Everything in the Prometheus text format. */
  String scrape() {
    return registry.scrape();
  }

  private static double usedWeight(Map<String, Long> weights) {
    return weights.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("1m"))
        .mapToDouble(Map.Entry::getValue)
        .findFirst()
        .orElse(0);
  }
}
