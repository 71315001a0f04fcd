package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.port.out.OutboxMessage;
import java.util.Optional;

/**
 * The picture a message of the outbox goes out with, drawn when it is sent (on the dispatcher's
 * lane, never in the transaction that enqueued it): an order card's chart with its fills. Empty for
 * a message that has none, or whose picture cannot be drawn now. Never throws.
 */
@FunctionalInterface
public interface OutboxPictures {
  /** Text alone, always. */
  OutboxPictures NONE = message -> Optional.empty();

  Optional<Picture> pictureFor(OutboxMessage message);
}
