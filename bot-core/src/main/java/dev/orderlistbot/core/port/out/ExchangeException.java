package dev.orderlistbot.core.port.out;

import java.util.Objects;

/**
 * The one exception {@link ExchangeClient} methods other than {@code place} throw when the exchange
 * did not do what was asked; it carries a typed {@link ExchangeError}. Unchecked, because every
 * caller handles it at the same place (the engine's catch-all that replies to the user).
 *
 * <p>Its message is the error's code and plain-language reason. It never carries a cause from the
 * HTTP layer, whose messages contain signed URLs, and never a secret.
 */
public final class ExchangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ExchangeError error;

  public ExchangeException(ExchangeError error) {
    super(describe(error), null, false, false);
    this.error = error;
  }

  public ExchangeError error() {
    return error;
  }

  private static String describe(ExchangeError error) {
    Objects.requireNonNull(error, "error");
    String kind = error.getClass().getSimpleName();
    return error.code() == ExchangeError.NO_CODE
        ? kind + ": " + error.reason()
        : kind + " (" + error.code() + "): " + error.reason();
  }
}
