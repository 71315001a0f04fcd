package dev.orderlistbot.app;

import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.engine.OutboxPictures;
import dev.orderlistbot.core.port.out.OutboxMessage;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox's pictures, set once the exchange they are drawn from exists (the dispatcher is built
 * before it: the paper exchange reports to a router that triggers the dispatcher). Until then, and
 * if it is never set, messages go out as text. Thread-safe.
 */
final class LatePictures implements OutboxPictures {
  private final AtomicReference<OutboxPictures> delegate = new AtomicReference<>(OutboxPictures.NONE);

  /** Draws with {@code pictures} from now on; set once. */
  void set(OutboxPictures pictures) {
    Objects.requireNonNull(pictures, "pictures");
    if (!delegate.compareAndSet(OutboxPictures.NONE, pictures)) {
      throw new IllegalStateException("the outbox's pictures are set once");
    }
  }

  @Override
  public Optional<Picture> pictureFor(OutboxMessage message) {
    return delegate.get().pictureFor(message);
  }
}
