package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one wire form the bot sends and signs: RFC 3986 percent-encoding, parameters in order. */
class WireParamsTest {

  @Test
  void percentEncodesEveryCharacterOutsideTheUnreservedSetAsUpperCaseHexOfItsUtf8Bytes() {
    for (char c = 0; c < 0x300; c++) {
      String text = "a" + c + "b";
      assertThat(WireParams.encode(text)).as("U+%04X", (int) c).isEqualTo(reference(text));
    }
    assertThat(WireParams.encode("１２３４５６")).isEqualTo(reference("１２３４５６"));
  }

  @Test
  void theFormIsEveryEncodedPairInOrder() {
    WireParams params = new WireParams().add("symbol", "BTCUSDT").add("note", "a b*c").add("price", "0.01");

    assertThat(params.encoded()).isEqualTo("symbol=BTCUSDT&note=a%20b%2Ac&price=0.01");
    assertThat(new WireParams().encoded()).isEmpty();
  }

  /** Byte by byte, the way RFC 3986 states it. */
  private static String reference(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
