package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.util.List;
import java.util.Optional;

/**
 * Users' step-up code settings ({@link StepUpState}), one row per user. Holds only a PIN's slow hash
 * and a sealed TOTP secret, never a PIN, a secret or a code in clear.
 *
 * <p>Contract: {@link #find} locks the row until the transaction ends (a conditional read), so two
 * codes of one user checked at once are counted one after the other; {@link #save} inserts or
 * replaces the user's row. Thread-safe as the {@link Stores} it comes from. Failure modes: {@link
 * StorageException}.
 */
public interface StepUpStore {
  Optional<StepUpState> find(UserRef user);

  void save(StepUpState state);

  /** Every row holding a TOTP secret, for a master key rotation. */
  List<StepUpState> listSealed();

  /**
   * Re-seals the user's TOTP data key if it is still under {@code expectedVersion}; false when the
   * row changed (or is gone).
   */
  boolean updateDataKey(UserRef user, int expectedVersion, SealedBox sealedDataKey, int newVersion);
}
