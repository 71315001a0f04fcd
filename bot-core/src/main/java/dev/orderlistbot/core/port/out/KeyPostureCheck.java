package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.TradingEnvironment;
import java.time.Instant;
import java.util.Objects;

/**
 * What was learnt about a stored key's posture when it was stored, so {@code /keys} can show it
 * without another call. Holds flags and times only, never anything secret.
 *
 * @param credential the stored key it describes
 * @param checkedAt when the exchange was asked (or, for a skipped check, when it was skipped)
 * @param environment where the key trades
 * @param answer the posture, or why it was not checked
 */
public record KeyPostureCheck(CredentialId credential, Instant checkedAt, TradingEnvironment environment, KeyPostureAnswer answer) {
  public KeyPostureCheck {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(checkedAt, "checkedAt");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(answer, "answer");
  }
}
