package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guided {@code /setkey} conversations in progress, one per user and chat: waiting for the API
 * key, then for the secret. Each step waits {@code timeout}; a step found past it is reported as
 * timed out (the answer is still deleted: it may be the secret). In memory only: after a restart
 * the trader simply starts again. Thread-safe.
 */
final class KeySetups {
  sealed interface Step {
    Instant expiresAt();

    record AwaitingApiKey(Instant expiresAt) implements Step {}

    /** The API key is public; the secret that follows is never kept here. */
    record AwaitingSecret(String apiKey, Instant expiresAt) implements Step {
      public AwaitingSecret {
        Objects.requireNonNull(apiKey, "apiKey");
      }
    }
  }

  private record Conversation(UserRef user, ChatRef chat) {}

  private final Map<Conversation, Step> steps = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration timeout;

  KeySetups(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  void awaitApiKey(UserRef user, ChatRef chat) {
    steps.put(new Conversation(user, chat), new Step.AwaitingApiKey(clock.instant().plus(timeout)));
  }

  void awaitSecret(UserRef user, ChatRef chat, String apiKey) {
    steps.put(new Conversation(user, chat), new Step.AwaitingSecret(apiKey, clock.instant().plus(timeout)));
  }

  /** Removes and answers the step this chat is in, if any. */
  Optional<Step> take(UserRef user, ChatRef chat) {
    return Optional.ofNullable(steps.remove(new Conversation(user, chat)));
  }

  boolean isWaiting(UserRef user, ChatRef chat) {
    return steps.containsKey(new Conversation(user, chat));
  }

  boolean isOverdue(Step step) {
    return !clock.instant().isBefore(step.expiresAt());
  }
}
