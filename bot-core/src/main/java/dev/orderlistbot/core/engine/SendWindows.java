package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a platform's {@link FloodLimits} as the platform counts them, whatever the sends' delays.
 *
 * <p>The platform counts a message at the instant it has it, somewhere between the instant the bot
 * starts the request and the instant the answer comes back. So a send counts here from its start,
 * while it is in flight, and for one window's span after its answer; a new send starts only while
 * fewer than the window's messages count. Then no span anywhere on the platform's clock can hold
 * more arrivals than the window allows: of any such arrivals, the send that started last saw all the
 * others in flight or answered less than a span before it started, and was let go only if they were
 * fewer than the limit. The price is the answer's half of a round trip per span: on loopback nothing.
 *
 * <p>A chat's sends start in the order they joined its line ({@link #join}), so a message never
 * overtakes an earlier one to the same chat while both wait. Thread-safe: short synchronized
 * sections, no I/O, no waiting inside; the caller waits ({@link Pause}) until the instant answered.
 */
final class SendWindows {
  /** How soon a send that is not yet first in its chat's line looks again. */
  private static final Duration NOT_FIRST_IN_LINE = Duration.ofMillis(5);

  private static final int PRUNE_ABOVE = 10_000;

  private final Counted overall = new Counted();
  private final Map<ChatRef, Counted> chats = new HashMap<>();
  private long tickets;

  /** Takes the next place in {@code chat}'s line; answers the ticket to start and to leave with. */
  synchronized long join(ChatRef chat) {
    long ticket = ++tickets;
    chats.computeIfAbsent(chat, c -> new Counted()).line.addLast(ticket);
    return ticket;
  }

  /** Gives up a place in the line that will not start (the sender stopped waiting). */
  synchronized void leave(ChatRef chat, long ticket) {
    Counted counted = chats.get(chat);
    if (counted != null) {
      counted.line.remove(ticket);
    }
  }

  /**
   * Starts the send holding {@code ticket} if it is first in its chat's line and both the chat's and
   * the overall window have room at {@code now}: answers empty, and the send counts as in flight
   * until {@link #answered}. Otherwise answers the earliest instant worth asking again.
   */
  synchronized Optional<Instant> tryStart(ChatRef chat, long ticket, FloodLimits limits, Instant now) {
    Counted counted = chats.computeIfAbsent(chat, c -> new Counted());
    if (counted.line.isEmpty() || counted.line.peekFirst() != ticket) {
      return Optional.of(now.plus(NOT_FIRST_IN_LINE));
    }
    Instant chatRoom = counted.roomAt(limits.windowFor(chat), now);
    Instant overallRoom = overall.roomAt(limits.overall(), now);
    Instant room = chatRoom.isAfter(overallRoom) ? chatRoom : overallRoom;
    if (room.isAfter(now)) {
      return Optional.of(room);
    }
    counted.line.removeFirst();
    counted.inFlight++;
    overall.inFlight++;
    return Optional.empty();
  }

  /** The send to {@code chat} started by {@link #tryStart} has its answer (or failed) at {@code now}. */
  synchronized void answered(ChatRef chat, FloodLimits limits, Instant now) {
    Counted counted = chats.get(chat);
    if (counted != null) {
      counted.answered(limits.windowFor(chat), now);
    }
    overall.answered(limits.overall(), now);
    if (chats.size() > PRUNE_ABOVE) {
      chats.values().removeIf(c -> c.isIdle(now));
    }
  }

  /** Sends in flight and answers still inside their span, for one window. */
  private static final class Counted {
    private final ArrayDeque<Long> line = new ArrayDeque<>();
    private final ArrayDeque<Instant> countedUntil = new ArrayDeque<>();
    private int inFlight;

    /** The earliest instant, {@code now} or later, at which one more send fits in {@code window}. */
    Instant roomAt(FloodLimits.Window window, Instant now) {
      if (window.isNone()) {
        return now;
      }
      while (!countedUntil.isEmpty() && !countedUntil.peekFirst().isAfter(now)) {
        countedUntil.removeFirst();
      }
      int over = inFlight + countedUntil.size() - window.messages() + 1;
      if (over <= 0) {
        return now;
      }
      if (over > countedUntil.size()) {
        // the room comes only once a send still in flight is answered: a span after that at least
        return now.plus(window.span());
      }
      Instant at = null;
      for (Instant until : countedUntil) {
        at = until;
        if (--over == 0) {
          break;
        }
      }
      return at;
    }

    void answered(FloodLimits.Window window, Instant now) {
      inFlight = Math.max(0, inFlight - 1);
      if (!window.isNone()) {
        countedUntil.addLast(now.plus(window.span()));
      }
    }

    boolean isIdle(Instant now) {
      return inFlight == 0 && line.isEmpty() && (countedUntil.isEmpty() || !countedUntil.peekLast().isAfter(now));
    }
  }
}
