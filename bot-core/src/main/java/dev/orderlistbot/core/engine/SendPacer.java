package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatcher's rate limits, per chat and per platform: token buckets kept as one instant each
 * (the generic cell rate algorithm: the "theoretical arrival time" of the next message), on the
 * injected clock's instants. It never waits: {@link #reserve} either books a send now or answers
 * the instant to try again. A platform's "retry after" is honoured with {@link #holdOff}.
 *
 * <p>Why not resilience4j's RateLimiter: it reads {@code System.nanoTime} (tests could not move
 * time), hands out permissions by blocking or failing rather than answering "when", and would be
 * bot-core's first extra runtime dependency. This is a map of instants and twenty lines of logic.
 *
 * <p>Thread-safe (short synchronized sections, no I/O inside). Entries in the past are dropped when
 * the map grows, so idle chats cost nothing.
 */
final class SendPacer {
  private static final int PRUNE_ABOVE = 10_000;

  private final Map<ChatRef, Instant> chats = new HashMap<>();
  private final Map<String, Instant> platforms = new HashMap<>();
  private final Map<String, Instant> platformHolds = new HashMap<>();

  /** Books a send to {@code chat} at {@code now}, or answers the earliest instant it may go. */
  synchronized Optional<Instant> reserve(ChatRef chat, DeliveryPolicy policy, Instant now) {
    DeliveryPolicy.Limit chatLimit = policy.limitFor(chat);
    Instant chatAt = allowedAt(chats.get(chat), chatLimit);
    Instant platformAt = allowedAt(platforms.get(chat.platform()), policy.global());
    Instant earliest = chatAt.isAfter(platformAt) ? chatAt : platformAt;
    if (earliest.isAfter(now)) {
      return Optional.of(earliest);
    }
    if (!chatLimit.isNone()) {
      chats.put(chat, next(chats.get(chat), chatLimit, now));
    }
    if (!policy.global().isNone()) {
      platforms.put(chat.platform(), next(platforms.get(chat.platform()), policy.global(), now));
    }
    if (chats.size() > PRUNE_ABOVE) {
      chats.values().removeIf(at -> !at.isAfter(now));
    }
    return Optional.empty();
  }

  /** Nothing more goes to {@code chat} before {@code until} (the platform asked to wait). */
  synchronized void holdOff(ChatRef chat, DeliveryPolicy policy, Instant until) {
    DeliveryPolicy.Limit limit = policy.limitFor(chat);
    Instant arrival = until.plus(limit.interval().multipliedBy(limit.burst() - 1L));
    chats.merge(chat, arrival, (old, asked) -> old.isAfter(asked) ? old : asked);
  }

  /**
   * Books the earliest instant, {@code now} or later, at which a send to {@code chat} keeps to the
   * chat's and the platform's limits and to any hold-off, and answers it: senders that wait are
   * served in the order they booked, each at its own instant.
   */
  synchronized Instant book(ChatRef chat, DeliveryPolicy policy, Instant now) {
    DeliveryPolicy.Limit chatLimit = policy.limitFor(chat);
    Instant at = latest(now, allowedAt(chats.get(chat), chatLimit), allowedAt(platforms.get(chat.platform()), policy.global()));
    at = latest(at, platformHolds.getOrDefault(chat.platform(), Instant.MIN), Instant.MIN);
    if (!chatLimit.isNone()) {
      chats.put(chat, next(chats.get(chat), chatLimit, at));
    }
    if (!policy.global().isNone()) {
      platforms.put(chat.platform(), next(platforms.get(chat.platform()), policy.global(), at));
    }
    if (chats.size() > PRUNE_ABOVE) {
      chats.values().removeIf(arrival -> !arrival.isAfter(now));
    }
    return at;
  }

  /** Until when the platform asked for every send to wait ({@link Instant#MIN}: it did not). */
  synchronized Instant heldUntil(String platform) {
    return platformHolds.getOrDefault(platform, Instant.MIN);
  }

  /**
   * Nothing more goes on {@code platform}, to any chat, before {@code until} (the platform asked to
   * wait, and its limits are the bot's as a whole).
   */
  synchronized void holdOffPlatform(String platform, DeliveryPolicy policy, Instant until) {
    DeliveryPolicy.Limit limit = policy.global();
    Instant arrival = until.plus(limit.interval().multipliedBy(limit.burst() - 1L));
    platforms.merge(platform, arrival, (old, asked) -> old.isAfter(asked) ? old : asked);
    platformHolds.merge(platform, until, (old, asked) -> old.isAfter(asked) ? old : asked);
  }

  private static Instant latest(Instant a, Instant b, Instant c) {
    Instant ab = a.isAfter(b) ? a : b;
    return ab.isAfter(c) ? ab : c;
  }

  /** When the bucket has a token again: the arrival time less the burst's tolerance. */
  private static Instant allowedAt(Instant arrival, DeliveryPolicy.Limit limit) {
    if (arrival == null) {
      return Instant.MIN;
    }
    return arrival.minus(limit.interval().multipliedBy(limit.burst() - 1L));
  }

  private static Instant next(Instant arrival, DeliveryPolicy.Limit limit, Instant now) {
    Instant from = arrival == null || arrival.isBefore(now) ? now : arrival;
    return from.plus(limit.interval());
  }
}
