package dev.orderlistbot.app;

import dev.orderlistbot.core.engine.InstanceLeases;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection a chat platform allows once per bot token (Discord's gateway, Telegram's long
 * polling): among the instances sharing the database, the holder of its lease connects; the others
 * stand by (they still send) and one connects within the lease's time to live after the holder
 * stops. A single instance takes the lease at once. Thread-safe.
 */
final class LeasedConnection {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedConnection.class);

  /** The lease of the Discord gateway connection. */
  static final String DISCORD = "discord";

  /** The lease of Telegram's long polling (webhooks need none: any instance may receive). */
  static final String TELEGRAM_POLLING = "telegram-polling";

  private final String what;
  private final String lease;
  private final InstanceLeases leases;
  private final Runnable connector;
  private final Runnable disconnector;
  private final boolean reconnects;
  private boolean connected;
  private boolean retired;

  /**
   * @param what names the connection in the log, e.g. {@code Discord gateway}
   * @param connect connects; may throw (a refused token)
   * @param disconnect disconnects; afterwards {@code connect} may run again if {@code reconnects}
   * @param reconnects whether the connection can be made again in this process; one that cannot
   *     is retired when its lease is lost (the log asks for a restart)
   */
  LeasedConnection(String what, String lease, InstanceLeases leases, Runnable connect, Runnable disconnect, boolean reconnects) {
    this.what = Objects.requireNonNull(what, "what");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.connector = Objects.requireNonNull(connect, "connect");
    this.disconnector = Objects.requireNonNull(disconnect, "disconnect");
    this.reconnects = reconnects;
  }

  /** Connects now if no other instance holds the lease; a failure to connect is thrown, as it stops a start. */
  synchronized void start() {
    if (holds()) {
      connect();
    } else {
      LOG.info("{}: another instance holds it (one per bot token); this instance stands by", what);
    }
  }

  /** After each lease renewal: connects on taking the lease, disconnects on losing it. */
  synchronized void tick() {
    if (retired) {
      return;
    }
    boolean holds;
    try {
      holds = holds();
    } catch (RuntimeException e) {
      LOG.warn("{}: could not ask for its lease; the next renewal tries again", what, e);
      holds = leases.holds(lease);
    }
    if (holds && !connected) {
      try {
        connect();
      } catch (RuntimeException e) {
        LOG.warn("{}: could not connect on taking its lease; trying again after the next renewal", what, e);
      }
    } else if (!holds && connected) {
      disconnect();
      if (reconnects) {
        LOG.warn("{}: another instance holds it now; this instance stands by", what);
      } else {
        retired = true;
        leases.release(lease);
        LOG.error("{}: another instance took it over while this one stalled; this instance stopped it and cannot "
            + "start it again: restart this instance to make it a standby", what);
      }
    }
  }

  /** A clean stop: disconnects before the lease is given up, so the next holder is the only one. */
  synchronized void stop() {
    if (connected) {
      disconnect();
    }
  }

  private void connect() {
    connector.run();
    connected = true;
    LOG.info("{}: this instance holds it", what);
  }

  private void disconnect() {
    connected = false;
    disconnector.run();
  }

  private boolean holds() {
    return leases.holds(lease) || leases.acquire(lease).held();
  }
}
