package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.engine.StepUpPolicy;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepUpSettingsTest {

  @Test
  void withNothingSetNoActionNeedsACode() {
    assertThat(AppConfig.from(Map.of()).stepUp().policy()).isEqualTo(StepUpPolicy.OFF);
  }

  @Test
  void theThresholdAndTheGuardedActionsAreRead() {
    StepUpPolicy policy =
        AppConfig.from(
                Map.of(
                    "BOT_STEP_UP_NOTIONAL_USDT", "1000.50",
                    "BOT_STEP_UP_PANIC_CLOSE", "true",
                    "BOT_STEP_UP_KEY_CHANGES", "yes",
                    "BOT_STEP_UP_LIMIT_RAISES", "off"))
            .stepUp()
            .policy();

    assertThat(policy.placementsAboveUsdt()).contains(new BigDecimal("1000.50"));
    assertThat(policy.panicClose()).isTrue();
    assertThat(policy.keyChanges()).isTrue();
    assertThat(policy.limitRaises()).isFalse();
    assertThat(policy.placementsAboveUsdt().map(BigDecimal::toPlainString)).isEqualTo(Optional.of("1000.50"));
  }

  @Test
  void everyBadSettingIsNamedWithTheRightForm() {
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("BOT_STEP_UP_NOTIONAL_USDT", "1k", "BOT_STEP_UP_PANIC_CLOSE", "maybe")))
        .hasMessageContaining("BOT_STEP_UP_NOTIONAL_USDT")
        .hasMessageContaining("e.g. 1000")
        .hasMessageContaining("BOT_STEP_UP_PANIC_CLOSE")
        .hasMessageContaining("true or false");
  }
}
