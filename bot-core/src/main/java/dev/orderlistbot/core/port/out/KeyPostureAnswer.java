package dev.orderlistbot.core.port.out;

import java.util.Objects;

/**
 * What {@link ExchangeClient#keyPosture} could learn about a key: its {@link KeyPosture}, or why
 * this environment cannot say. A failed call (network, rate limit, a refusal) is not an answer: it
 * throws {@link ExchangeException}, like every account call.
 *
 * <p>Example: on Binance Spot Testnet, which has no {@code /sapi} endpoints, {@code
 * NotChecked(Why.NO_ENDPOINT_ON_TESTNET)} without any request.
 */
public sealed interface KeyPostureAnswer {

  /** The exchange told what the key may do. */
  record Known(KeyPosture posture) implements KeyPostureAnswer {
    public Known {
      Objects.requireNonNull(posture, "posture");
    }
  }

  /** The key's posture was not checked, and why. */
  record NotChecked(Why why) implements KeyPostureAnswer {
    public NotChecked {
      Objects.requireNonNull(why, "why");
    }
  }

  /** Why a key's posture was not checked. */
  enum Why {
    /** The paper exchange (or a simulated one) has no real keys to read. */
    SIMULATED_EXCHANGE,
    /** Binance Spot Testnet serves only {@code /api} endpoints, not the {@code /sapi} one. */
    NO_ENDPOINT_ON_TESTNET,
    /** The environment answered that it does not serve the endpoint (Binance Demo Mode: HTTP 404). */
    NOT_SERVED_HERE,
    /** The environment did not answer when the key was stored (a demo key is stored anyway). */
    NO_ANSWER
  }
}
