package dev.orderlistbot.core.port.out;

import java.util.Objects;

/**
 * A user's TOTP secret as the database sees it, sealed exactly like an API secret: the secret under
 * its own random data key, the data key under the master key of {@code keyVersion} (a master key
 * rotation re-seals only the data key).
 */
public record SealedStepUpSecret(SealedBox sealedSecret, SealedBox sealedDataKey, int keyVersion) {
  public SealedStepUpSecret {
    Objects.requireNonNull(sealedSecret, "sealedSecret");
    Objects.requireNonNull(sealedDataKey, "sealedDataKey");
    if (keyVersion < 1) {
      throw new IllegalArgumentException("key versions start at 1");
    }
  }

  /** The same secret with its data key re-sealed under another master key version. */
  public SealedStepUpSecret withDataKey(SealedBox resealed, int newKeyVersion) {
    return new SealedStepUpSecret(sealedSecret, resealed, newKeyVersion);
  }
}
