package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.core.engine.StreamLeases;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.binance.BinanceExchangeClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /healthz} reports: the database answers a read, each chat platform is started, and
 * the exchange is paper or Binance is not making the bot back off. Healthy only when all are.
 */
final class Health {
  private static final Logger LOG = LoggerFactory.getLogger(Health.class);
  private static final UserRef PROBE = new UserRef("health", "probe");

  private final Transactor database;
  private final ExchangeClient exchange;
  private final List<String> platforms;
  private final InstanceLeases leases;

  Health(Transactor database, ExchangeClient exchange, List<String> platforms, InstanceLeases leases) {
    this.database = database;
    this.exchange = exchange;
    this.platforms = List.copyOf(platforms);
    this.leases = leases;
  }

  /** One check of every part, with this instance's id and the leases it holds. */
  Report check() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("database", databaseUp() ? "up" : "down");
    parts.put("exchange", exchangeState());
    Set<String> held = leases.held().keySet();
    List<String> named = held.stream()
        .filter(name -> !name.startsWith(StreamLeases.PREFIX) && !name.startsWith(InstanceLeases.PRESENCE_PREFIX))
        // a running action's lease names its confirmation: not shown
        .filter(name -> !name.startsWith(InstanceLeases.ACTION_PREFIX))
        .toList();
    int streams = (int) held.stream().filter(name -> name.startsWith(StreamLeases.PREFIX)).count();
    return new Report(parts, platforms, leases.instanceId(), named, streams);
  }

  private boolean databaseUp() {
    try {
      database.inTransaction(stores -> stores.users().find(PROBE));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Health check: the database did not answer ({})", e.getClass().getSimpleName());
      return false;
    }
  }

  private String exchangeState() {
    if (exchange instanceof BinanceExchangeClient binance) {
      return binance.usage().backingOffUntil().isPresent() ? "backing-off" : "up";
    }
    return "paper";
  }

  /**
   * The result: {@code parts} by name ({@code up}, {@code paper} are healthy), the platforms, this
   * instance's id, the leases it holds (names only: never anything secret) but for the accounts'
   * streams, which are counted ({@code streams}).
   */
  record Report(Map<String, String> parts, List<String> platforms, String instance, List<String> leases, int streams) {
    Report {
      parts = Map.copyOf(new LinkedHashMap<>(parts));
      platforms = List.copyOf(platforms);
      java.util.Objects.requireNonNull(instance, "instance");
      leases = List.copyOf(leases);
    }

    boolean healthy() {
      return parts.values().stream().allMatch(state -> state.equals("up") || state.equals("paper"));
    }

    /**
     * e.g. {@code {"status":"up","database":"up","exchange":"paper","platforms":{"telegram":"connected"},
     * "instance":"bot-a","leases":["sweeps"],"streams":120}}; ids and those lease names are letters, digits and
     * {@code . - _ :} only, so they need no escaping.
     */
    String json() {
      StringBuilder out = new StringBuilder("{\"status\":\"").append(healthy() ? "up" : "down").append('"');
      parts.keySet().stream().sorted().forEach(name -> out.append(",\"").append(name).append("\":\"").append(parts.get(name)).append('"'));
      out.append(",\"platforms\":{");
      for (int i = 0; i < platforms.size(); i++) {
        out.append(i == 0 ? "" : ",").append('"').append(platforms.get(i)).append("\":\"connected\"");
      }
      out.append("},\"instance\":\"").append(instance).append("\",\"leases\":[");
      for (int i = 0; i < leases.size(); i++) {
        out.append(i == 0 ? "" : ",").append('"').append(leases.get(i)).append('"');
      }
      return out.append("],\"streams\":").append(streams).append('}').toString();
    }
  }
}
