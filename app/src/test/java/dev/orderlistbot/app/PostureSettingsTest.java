package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.engine.KeyPosturePolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostureSettingsTest {

  @Test
  void withNothingSetAKeyThatCanWithdrawIsRefused() {
    assertThat(AppConfig.from(Map.of()).posture().policy()).isEqualTo(KeyPosturePolicy.DEFAULT);
    assertThat(KeyPosturePolicy.DEFAULT.allowWithdrawals()).isFalse();
  }

  @Test
  void theOperatorMayAllowKeysThatCanWithdrawInAnyCase() {
    assertThat(AppConfig.from(Map.of("BOT_ALLOW_WITHDRAWAL_KEYS", "TRUE")).posture().policy().allowWithdrawals()).isTrue();
    assertThat(AppConfig.from(Map.of("BOT_ALLOW_WITHDRAWAL_KEYS", "false")).posture().policy().allowWithdrawals()).isFalse();
  }

  @Test
  void aValueOtherThanTrueOrFalseIsNamedWithTheChoices() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("BOT_ALLOW_WITHDRAWAL_KEYS", "yes please")))
        .isInstanceOfSatisfying(
            AppException.class,
            e -> assertThat(e.problems())
                .contains("BOT_ALLOW_WITHDRAWAL_KEYS: must be one of true, false, was 'yes please'"));
  }
}
