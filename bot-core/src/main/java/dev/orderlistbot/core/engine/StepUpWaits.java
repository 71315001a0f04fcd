package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the bot waits for from each user in private: a step-up code for an action, a new PIN, or an
 * authenticator's first code. One wait per user: a new one replaces the old, whose {@code onDrop}
 * runs (a held key secret is destroyed). Each has an id, carried by its "Enter code" button (Discord
 * answers it with a modal), so an old button does not answer a newer question. In memory only: after
 * a restart the trader simply asks again (a Confirm press still needs its code). Thread-safe.
 */
final class StepUpWaits {
  sealed interface Wait {
    String id();

    Instant expiresAt();

    /** A step-up code for {@code what}; {@code onRight} runs once the code is right. */
    record Code(String id, String what, Instant expiresAt, Runnable onRight, Runnable onDrop) implements Wait {
      public Code {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(onRight, "onRight");
        Objects.requireNonNull(onDrop, "onDrop");
      }
    }

    /** The PIN {@code /2fa pin} asked for. */
    record NewPin(String id, Instant expiresAt) implements Wait {}

    /**
     * The first code of the authenticator {@code /2fa totp} made; {@code link} is the message that
     * shows its {@code otpauth://} link (empty until it is sent, or when it could not be).
     */
    record FirstTotpCode(String id, Instant expiresAt, Optional<MessageRef> link) implements Wait {
      public FirstTotpCode {
        Objects.requireNonNull(link, "link");
      }
    }
  }

  private final Map<UserRef, Wait> waits = new ConcurrentHashMap<>();
  private final Clock clock;

  StepUpWaits(Clock clock) {
    this.clock = clock;
  }

  void await(UserRef user, Wait wait) {
    Wait old = waits.put(user, wait);
    if (old != null && old != wait) {
      dropped(old);
    }
  }

  /** Puts {@code next} in place of {@code wait} if it is still the user's (nothing is dropped); true when it was. */
  boolean replace(UserRef user, Wait wait, Wait next) {
    return waits.replace(user, wait, next);
  }

  /** The user's wait, if any (expired ones too: the answer is told so). */
  Optional<Wait> peek(UserRef user) {
    return Optional.ofNullable(waits.get(user));
  }

  /** Ends {@code wait} if it is still the user's; true when it was. */
  boolean end(UserRef user, Wait wait) {
    return waits.remove(user, wait);
  }

  /** Ends and drops {@code wait} (its held material is destroyed). */
  void drop(UserRef user, Wait wait) {
    if (waits.remove(user, wait)) {
      dropped(wait);
    }
  }

  boolean isOverdue(Wait wait) {
    return !clock.instant().isBefore(wait.expiresAt());
  }

  private static void dropped(Wait wait) {
    if (wait instanceof Wait.Code code) {
      code.onDrop().run();
    }
  }
}
