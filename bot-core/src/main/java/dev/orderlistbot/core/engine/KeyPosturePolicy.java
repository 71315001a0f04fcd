package dev.orderlistbot.core.engine;

/**
 * What the operator accepts of a key's posture when a trader stores it with {@code /setkey}.
 *
 * @param allowWithdrawals whether a key that can withdraw funds may be stored (with a warning);
 *     off by default, so such a key is refused ({@code BOT_ALLOW_WITHDRAWAL_KEYS})
 */
public record KeyPosturePolicy(boolean allowWithdrawals) {
  /** A key that can withdraw is refused; the other findings are warnings. */
  public static final KeyPosturePolicy DEFAULT = new KeyPosturePolicy(false);
}
