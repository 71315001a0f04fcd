package dev.orderlistbot.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A named piece of work held by one bot instance until {@code expiresAt}, e.g. {@code sweeps} held
 * by {@code bot-a-3f9c1e}.
 *
 * @param takenAt when {@code holder} took it (renewals keep it)
 */
public record Lease(String name, String holder, Instant takenAt, Instant expiresAt) {
  public Lease {
    LeaseNames.requireName(name);
    LeaseNames.requireHolder(holder);
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether it still holds at {@code now}. */
  public boolean liveAt(Instant now) {
    return expiresAt.isAfter(now);
  }
}
