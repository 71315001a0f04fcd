package dev.orderlistbot.bench;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Telegram's flood limits as its Bots FAQ states them, for the fake Bot API: per bot, at most 30
 * new messages in any second overall, one a second in a private chat and 20 a minute in a group (a
 * negative chat id). Counted in sliding windows over the instants the requests arrived. Only new
 * messages count ({@code sendMessage}, {@code sendPhoto}, {@code sendDocument}): edits, button
 * answers and deletions do not, as the FAQ speaks of messages sent. A message over a limit is not
 * delivered; {@link #admit} says how long the bot must wait, which the fake answers as a 429 with
 * {@code retry_after}. Thread-safe.
 */
final class TelegramLimits {
  /** Which limit a message broke ({@code PLANNED}: none, the test refused it on purpose). */
  enum Broken {
    OVERALL, PRIVATE_CHAT, GROUP, PLANNED
  }

  /** A refusal: the limit broken and the whole seconds to wait (at least 1, as Telegram says). */
  record Refusal(Broken limit, int retryAfterSeconds) {}

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
  private static final int OVERALL_PER_SECOND = 30;
  private static final int PRIVATE_PER_SECOND = 1;
  private static final int GROUP_PER_MINUTE = 20;

  private final Window overall = new Window(OVERALL_PER_SECOND, SECOND);
  private final Map<Long, Window> chats = new HashMap<>();

  /** Books a new message to {@code chatId} arriving at {@code nowNanos}, or says why it may not go. */
  synchronized Optional<Refusal> admit(long chatId, long nowNanos) {
    boolean group = chatId < 0;
    Window chat = chats.computeIfAbsent(chatId, id -> group ? new Window(GROUP_PER_MINUTE, MINUTE) : new Window(PRIVATE_PER_SECOND, SECOND));
    long overallWait = overall.waitNanos(nowNanos);
    long chatWait = chat.waitNanos(nowNanos);
    if (chatWait > 0) {
      return Optional.of(new Refusal(group ? Broken.GROUP : Broken.PRIVATE_CHAT, seconds(chatWait)));
    }
    if (overallWait > 0) {
      return Optional.of(new Refusal(Broken.OVERALL, seconds(overallWait)));
    }
    overall.book(nowNanos);
    chat.book(nowNanos);
    return Optional.empty();
  }

  private static int seconds(long nanos) {
    return (int) Math.max(1, (nanos + SECOND - 1) / SECOND);
  }

  /** The arrivals of the last {@code span}: at most {@code limit} of them. */
  private static final class Window {
    private final int limit;
    private final long span;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

    Window(int limit, long span) {
      this.limit = limit;
      this.span = span;
    }

    /** How long until one more fits; 0 when it fits now. */
    long waitNanos(long now) {
      while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= span) {
        arrivals.removeFirst();
      }
      return arrivals.size() < limit ? 0 : arrivals.peekFirst() + span - now;
    }

    void book(long now) {
      arrivals.addLast(now);
    }
  }
}
