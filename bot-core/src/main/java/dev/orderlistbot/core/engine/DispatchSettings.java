package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.EngineTelemetry;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How a {@link NotificationDispatcher} sends, beyond what it sends to and when it runs: each part
 * has a default that works alone, and the app sets them all.
 *
 * @param policies rate limits by platform id; a platform not named gets {@link DeliveryPolicy#defaultFor}
 * @param telemetry told of every message rescheduled or postponed, and why
 * @param pictures the picture each message goes out with, drawn as it is sent (an order card's chart)
 * @param waker asked for a drain at the slot of a notice its chat's limit held back
 * @param fanOut how a drain sends its batch: chats one at a time, or side by side
 * @param othersLive whether other instances share the database now: the messages of a platform not
 *     running here are then left pending for the instance that runs it, not postponed by a minute
 */
public record DispatchSettings(
    Map<String, DeliveryPolicy> policies,
    EngineTelemetry telemetry,
    OutboxPictures pictures,
    DrainWaker waker,
    ChatFanOut fanOut,
    BooleanSupplier othersLive) {

  public DispatchSettings {
    policies = Map.copyOf(policies);
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(pictures, "pictures");
    Objects.requireNonNull(waker, "waker");
    Objects.requireNonNull(fanOut, "fanOut");
    Objects.requireNonNull(othersLive, "othersLive");
  }

  /** With no other instance. */
  public DispatchSettings(
      Map<String, DeliveryPolicy> policies, EngineTelemetry telemetry, OutboxPictures pictures, DrainWaker waker, ChatFanOut fanOut) {
    this(policies, telemetry, pictures, waker, fanOut, () -> false);
  }

  /** Each platform's default policy, no telemetry, no pictures, no wake-ups, one message at a time. */
  public static DispatchSettings defaults() {
    return new DispatchSettings(Map.of(), EngineTelemetry.NOOP, OutboxPictures.NONE, DrainWaker.NEVER, ChatFanOut.oneAtATime());
  }

  public DispatchSettings withPolicies(Map<String, DeliveryPolicy> newPolicies) {
    return new DispatchSettings(newPolicies, telemetry, pictures, waker, fanOut, othersLive);
  }

  public DispatchSettings withTelemetry(EngineTelemetry newTelemetry) {
    return new DispatchSettings(policies, newTelemetry, pictures, waker, fanOut, othersLive);
  }

  public DispatchSettings withPictures(OutboxPictures newPictures) {
    return new DispatchSettings(policies, telemetry, newPictures, waker, fanOut, othersLive);
  }

  public DispatchSettings withWaker(DrainWaker newWaker) {
    return new DispatchSettings(policies, telemetry, pictures, newWaker, fanOut, othersLive);
  }

  public DispatchSettings withFanOut(ChatFanOut newFanOut) {
    return new DispatchSettings(policies, telemetry, pictures, waker, newFanOut, othersLive);
  }

  public DispatchSettings withOthersLive(BooleanSupplier newOthersLive) {
    return new DispatchSettings(policies, telemetry, pictures, waker, fanOut, newOthersLive);
  }
}
