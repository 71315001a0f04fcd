package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's step-up code setting and its guard, one row per user: what proves it is them (a PIN's
 * slow hash, or a sealed TOTP secret that counts once its first code was right), the last TOTP step
 * taken (a code is never taken twice within one step), the wrong codes in a row and the lock they
 * led to. Kept in the database so a restart forgets no failure and no lock.
 *
 * @param pinHash the PIN's Argon2id PHC string, never the PIN
 * @param totp the sealed TOTP secret, active or waiting for its first right code
 * @param totpActive whether {@code totp} is in force (false while it waits for its first code)
 * @param lastTotpStep the 30-second step of the last accepted TOTP code, or -1
 * @param failures wrong codes since the last right one (PIN and TOTP count together)
 * @param lockedUntil until when the user's guarded actions are locked, if they were
 */
public record StepUpState(
    UserRef user,
    Optional<String> pinHash,
    Optional<SealedStepUpSecret> totp,
    boolean totpActive,
    long lastTotpStep,
    int failures,
    Optional<Instant> lockedUntil,
    Instant updatedAt) {
  public StepUpState {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(pinHash, "pinHash");
    Objects.requireNonNull(totp, "totp");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (totpActive && totp.isEmpty()) {
      throw new IllegalArgumentException("an active TOTP needs its secret");
    }
    if (pinHash.isPresent() && totpActive) {
      throw new IllegalArgumentException("a user has a PIN or an authenticator, not both");
    }
    if (failures < 0) {
      throw new IllegalArgumentException("failures are not negative");
    }
  }

  /** A user without any step-up setting yet. */
  public static StepUpState none(UserRef user, Instant now) {
    return new StepUpState(user, Optional.empty(), Optional.empty(), false, -1, 0, Optional.empty(), now);
  }

  /** Whether a PIN or an active authenticator is set. */
  public boolean isSet() {
    return pinHash.isPresent() || totpActive;
  }

  public StepUpState withPin(String hash, Instant now) {
    return new StepUpState(user, Optional.of(hash), Optional.empty(), false, -1, failures, lockedUntil, now);
  }

  /** A TOTP secret waiting for its first right code (a PIN in force stays until then). */
  public StepUpState withPendingTotp(SealedStepUpSecret secret, Instant now) {
    return new StepUpState(user, pinHash, Optional.of(secret), false, -1, failures, lockedUntil, now);
  }

  /** The waiting TOTP in force from step {@code step} on; a PIN it replaces is gone. */
  public StepUpState withTotpActive(long step, Instant now) {
    return new StepUpState(user, Optional.empty(), totp, true, step, 0, lockedUntil, now);
  }

  /** No PIN and no authenticator; the failures and the lock stay. */
  public StepUpState cleared(Instant now) {
    return new StepUpState(user, Optional.empty(), Optional.empty(), false, -1, failures, lockedUntil, now);
  }

  /** A right code: the count starts again; {@code step} is the TOTP step taken, or -1 for a PIN. */
  public StepUpState afterRightCode(long step, Instant now) {
    return new StepUpState(user, pinHash, totp, totpActive, step < 0 ? lastTotpStep : step, 0, Optional.empty(), now);
  }

  public StepUpState afterWrongCode(Optional<Instant> lock, Instant now) {
    return new StepUpState(user, pinHash, totp, totpActive, lastTotpStep, lock.isPresent() ? 0 : failures + 1, lock, now);
  }

  public StepUpState withTotp(SealedStepUpSecret resealed) {
    return new StepUpState(user, pinHash, Optional.of(resealed), totpActive, lastTotpStep, failures, lockedUntil, updatedAt);
  }
}
