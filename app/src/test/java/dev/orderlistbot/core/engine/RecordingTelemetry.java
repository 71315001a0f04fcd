package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.EngineTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps everything the engine reports, in order. */
final class RecordingTelemetry implements EngineTelemetry {
  record Placement(PlacementOutcome outcome, int code) {}

  final List<Placement> placements = new CopyOnWriteArrayList<>();
  final List<Duration> confirmations = new CopyOnWriteArrayList<>();
  final List<RetryReason> retries = new CopyOnWriteArrayList<>();
  final AtomicInteger delivered = new AtomicInteger();

  @Override
  public void placement(PlacementOutcome outcome, int code) {
    placements.add(new Placement(outcome, code));
  }

  @Override
  public void confirmationTook(Duration elapsed) {
    confirmations.add(elapsed);
  }

  @Override
  public void notificationRetried(RetryReason reason) {
    retries.add(reason);
  }

  @Override
  public void notificationDelivered() {
    delivered.incrementAndGet();
  }
}
