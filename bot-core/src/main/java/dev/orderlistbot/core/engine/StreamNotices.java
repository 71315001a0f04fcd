package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.Objects;

/**
 * What a trader is told about their live event stream itself, through the durable outbox to their
 * private chat: that Binance refused their key for notifications (once per refusal), and that the
 * connection was interrupted and catching up over REST failed even after retries ({@link
 * CatchUpQueue}), so fills during the gap may not have been announced. Thread-safe.
 */
public final class StreamNotices {
  private final Transactor transactor;
  private final Runnable afterEnqueue;
  private final Clock clock;

  public StreamNotices(Transactor transactor, Runnable afterEnqueue, Clock clock) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.afterEnqueue = Objects.requireNonNull(afterEnqueue, "afterEnqueue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Binance refused {@code user}'s key when subscribing to their events; {@code reason} says why. */
  public void keyRefused(UserRef user, String reason) {
    enqueue(user, "stream-key-refused:" + user + ":" + clock.millis(), Replies.streamKeyRefused(reason));
  }

  /** Events of {@code user} may have been missed and could not be caught up. */
  public void connectionGap(UserRef user) {
    enqueue(user, "stream-gap:" + user + ":" + clock.millis(), Replies.streamGap());
  }

  private void enqueue(UserRef user, String dedupeKey, String text) {
    // a user's private chat has the user's own id on every platform (Discord reopens the DM by it)
    ChatRef privateChat = new ChatRef(user.platform(), user.userId());
    transactor.inTransaction(stores -> stores.outbox().enqueue(new OutboxMessage(dedupeKey, privateChat, text)));
    afterEnqueue.run();
  }
}
