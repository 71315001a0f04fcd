package dev.orderlistbot.core.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientListIdTest {

  @Test
  void derivesTheListIdAndEveryLegIdFromAnIdempotencyKey() {
    ClientListId id = ClientListId.forKey("7f3a9c");

    assertThat(id.value()).isEqualTo("ob-7f3a9c");
    assertThat(id.legId(LegRole.WORKING).value()).isEqualTo("ob-7f3a9c-w");
    assertThat(id.legId(LegRole.TAKE_PROFIT).value()).isEqualTo("ob-7f3a9c-tp");
    assertThat(id.legId(LegRole.STOP_LOSS).value()).isEqualTo("ob-7f3a9c-sl");
  }

  @Test
  void theLongestKeyStillGivesLegIdsBinanceAccepts() {
    ClientListId id = ClientListId.forKey("k".repeat(ClientListId.MAX_KEY_LENGTH));

    assertThat(id.legId(LegRole.TAKE_PROFIT).value()).hasSize(36);
    assertThatThrownBy(() -> ClientListId.forKey("k".repeat(ClientListId.MAX_KEY_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "semi;colon", "ünïcode", "a/b", "a+b", "0123456789012345678901234567890123456"})
  void refusesWhatBinanceWouldRefuseOrWhatPercentEncodingWouldChange(String value) {
    assertThatThrownBy(() -> new ClientListId(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsIdsBinanceGenerated() {
    assertThat(new ClientListId("lH1YDkuQKWiXVXHPSKYEIp").value()).isEqualTo("lH1YDkuQKWiXVXHPSKYEIp");
    assertThat(new ClientOrderId("tg42-oco-0001_sl").value()).isEqualTo("tg42-oco-0001_sl");
  }

  @Test
  void theFormCheckAgreesWithTheDocumentedPatternForEveryCharacterAndLength() {
    for (char c = 0; c < 0x250; c++) {
      String text = "id" + c;
      assertThat(ClientListId.hasForm(text)).as("U+%04X", (int) c).isEqualTo(ClientListId.FORM.matcher(text).matches());
    }
    for (int length = 0; length <= 40; length++) {
      String text = "a".repeat(length);
      assertThat(ClientListId.hasForm(text)).as("length %d", length).isEqualTo(ClientListId.FORM.matcher(text).matches());
    }
  }
}
