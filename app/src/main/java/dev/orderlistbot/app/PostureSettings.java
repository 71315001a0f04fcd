package dev.orderlistbot.app;

import dev.orderlistbot.core.engine.KeyPosturePolicy;
import java.util.Objects;

/**
 * What the operator accepts of a trader's API key (issue 16, key posture).
 *
 * @param policy {@code BOT_ALLOW_WITHDRAWAL_KEYS}: {@code true} stores a key that can withdraw funds
 *     (with a warning); {@code false}, the default, refuses it at {@code /setkey}
 */
record PostureSettings(KeyPosturePolicy policy) {
  static final String ALLOW_WITHDRAWAL_KEYS = "BOT_ALLOW_WITHDRAWAL_KEYS";

  /** The values the variable takes. */
  private enum Allow {
    TRUE,
    FALSE
  }

  PostureSettings {
    Objects.requireNonNull(policy, "policy");
  }

  static PostureSettings from(Env env) {
    boolean allow = env.choice(ALLOW_WITHDRAWAL_KEYS, Allow.class, Allow.FALSE) == Allow.TRUE;
    return new PostureSettings(new KeyPosturePolicy(allow));
  }
}
