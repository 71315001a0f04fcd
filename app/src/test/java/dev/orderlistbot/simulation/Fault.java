package dev.orderlistbot.simulation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One kind of trouble the simulation can make, each its own switch ({@code -Dsimulation.faults=}).
 * The default set is the kinds under which today's code keeps every invariant (since 2026-12-02,
 * every kind); a kind that finds a defect leaves it until the defect is fixed, and its comment
 * names what it found.
 */
enum Fault {
  /** The user data stream delivers late (in order). */
  STREAM_DELAY(true),
  /** The stream delivers an event again, later. */
  STREAM_DUPLICATE(true),
  /** The stream reconnects: events in flight arrive later, racing the REST catch-up the reconnect asks for. */
  STREAM_RECONNECT(true),
  /**
   * The connection drops: events in flight are lost; the reconnect asks for a REST catch-up. Found a
   * defect outside the known list: a fill lost in the gap was never told when a later live event
   * closed the list before the catch-up ran (an exit's fill now ends a list only after its entry).
   */
  STREAM_GAP(true),
  /** A fill reaches the stream as a partial fill first (the REST catch-up sees only the fill). Found defect 2. */
  PARTIAL_FILLS(true),
  /**
   * Order and list queries fail (the exchange is unreachable). With placements whose answer is lost,
   * found a defect outside the known list: a placement whose look-up failed stayed UNKNOWN for good,
   * though the REST catch-up found it working (now settled by the placement settlement).
   */
  LOOKUP_FAILURE(true),
  /** A placement executes, and its answer is lost (Unknown, or a connection reset). */
  PLACE_UNKNOWN_AFTER_EXECUTING(true),
  /**
   * A placement never reaches the exchange, and the bot hears "unknown". Found a defect outside the
   * known list: the look-up found nothing, and the list stayed UNKNOWN (pending) for good.
   */
  PLACE_LOST(true),
  /**
   * A cancel executes, and its answer is lost. Found a defect outside the known list: the cancel's
   * own events closed the list while the bot held it ALL_DONE, then the lost answer gave the list
   * its old state back (EXECUTING), and the catch-up's ALL_DONE was the already-processed event.
   * Fixed with defect 5 (conditional state changes); on since.
   */
  CANCEL_UNKNOWN_AFTER_EXECUTING(true),
  /** A cancel fails without executing (unreachable, rate limited). Found defect 5; on since its fix. */
  CANCEL_FAILURE(true),
  /** Notices: the platform takes a while; sometimes longer than the dispatcher's lease. Found defect 3. */
  CHAT_SLOW(true),
  /** Notices: the platform answers 429 with a retry-after. */
  CHAT_RATE_LIMIT(true),
  /** Notices: the platform fails transiently. */
  CHAT_TRANSIENT(true),
  /** Notices: the platform is down for a few minutes. */
  CHAT_OUTAGE(true),
  /** Notices: the group chat refuses for good (the bot was removed). */
  CHAT_GONE(true),
  /** The engine's own answers (previews, "Placing…", results) hit 429s and transient failures. Found defect 7. */
  REPLY_FAILURE(true),
  /** A button is tapped twice, at once or a little later. */
  PRESS_TWICE(true),
  /** A button is tapped after its confirmation expired. */
  PRESS_LATE(true),
  /** Someone else taps the requester's button first. */
  PRESS_WRONG_USER(true),
  /** Alice and Bob trade on one exchange account. */
  SHARED_ACCOUNT(true),
  /** The bot dies at an exchange or chat call, or between tasks, and starts again on the same database. Found defect 6. */
  CRASH(true);

  private final boolean byDefault;

  Fault(boolean byDefault) {
    this.byDefault = byDefault;
  }

  /** {@code stream-delay} for {@link #STREAM_DELAY}. */
  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Set<Fault> defaults() {
    EnumSet<Fault> on = EnumSet.noneOf(Fault.class);
    Arrays.stream(values()).filter(f -> f.byDefault).forEach(on::add);
    return on;
  }

  /**
   * {@code default}, {@code all}, {@code none}, or a comma-separated list of ids, each optionally
   * {@code +id} (add to the defaults) or {@code -id} (take away from them).
   */
  static Set<Fault> parse(String spec) {
    String trimmed = spec.strip();
    if (trimmed.isEmpty() || trimmed.equals("default")) {
      return defaults();
    }
    if (trimmed.equals("all")) {
      return EnumSet.allOf(Fault.class);
    }
    if (trimmed.equals("none")) {
      return EnumSet.noneOf(Fault.class);
    }
    String[] parts = trimmed.split(",");
    boolean relative = Arrays.stream(parts).map(String::strip).allMatch(p -> p.startsWith("+") || p.startsWith("-"));
    EnumSet<Fault> on = relative ? EnumSet.copyOf(defaults()) : EnumSet.noneOf(Fault.class);
    for (String raw : parts) {
      String part = raw.strip();
      if (part.startsWith("-")) {
        on.remove(byId(part.substring(1)));
      } else {
        on.add(byId(part.startsWith("+") ? part.substring(1) : part));
      }
    }
    return on;
  }

  static Fault byId(String id) {
    return Arrays.stream(values())
        .filter(f -> f.id().equals(id.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fault '" + id + "'; known: " + ids(EnumSet.allOf(Fault.class))));
  }

  static String ids(Set<Fault> faults) {
    return faults.stream().map(Fault::id).sorted().collect(Collectors.joining(","));
  }
}
