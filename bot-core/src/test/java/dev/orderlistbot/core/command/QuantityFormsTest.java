package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Asset;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The quantity forms: base amount, quote amount, dollars and a share of the free balance. */
class QuantityFormsTest {

  static Stream<Arguments> quantities() {
    var usdt = Asset.of("USDT");
    return Stream.of(
        Arguments.of("0.01", new QuantitySpec.BaseAmount(new BigDecimal("0.01"))),
        Arguments.of(".5", new QuantitySpec.BaseAmount(new BigDecimal("0.5"))),
        Arguments.of("5.", new QuantitySpec.BaseAmount(new BigDecimal("5"))),
        Arguments.of("0.0100", new QuantitySpec.BaseAmount(new BigDecimal("0.01"))),
        Arguments.of("100usdt", new QuantitySpec.QuoteAmount(new BigDecimal("100"), usdt)),
        Arguments.of("100 usdt", new QuantitySpec.QuoteAmount(new BigDecimal("100"), usdt)),
        Arguments.of("100.5 USDT", new QuantitySpec.QuoteAmount(new BigDecimal("100.5"), usdt)),
        Arguments.of("$100", new QuantitySpec.UsdAmount(new BigDecimal("100"))),
        Arguments.of("100$", new QuantitySpec.UsdAmount(new BigDecimal("100"))),
        Arguments.of("25%", new QuantitySpec.ShareOfFree(new BigDecimal("25"))),
        Arguments.of("100%", new QuantitySpec.ShareOfFree(new BigDecimal("100"))),
        Arguments.of("0.5%", new QuantitySpec.ShareOfFree(new BigDecimal("0.5"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantities")
  void readsEveryQuantityForm(String quantity, QuantitySpec expected) {
    PlaceOrderList list = (PlaceOrderList) parsed("/oco BTCUSDT sell " + quantity + " tp 32000 sl 29000");
    assertThat(list.quantity()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          0          | 0          | greater than 0
          0.000      | 0.000      | greater than 0
          $0         | $0         | greater than 0
          0%         | 0%         | greater than 0
          150%       | 150%       | at most 100%
          -0.01      | -0.01      | write the quantity without one: 0.01
          +0.01      | +0.01      | without one: 0.01
          0,01       | 0,01       | write 0.01
          0.01btc    | 0.01btc    | an amount of BTC is written without the asset: 0.01
          0.01 btc   | btc        | an amount of BTC is written without the asset: 0.01
          100eth     | 100eth     | ETH is not the quote asset of BTCUSDT
          100 eth    | eth        | ETH is not the quote asset of BTCUSDT
          100usd     | 100usd     | USD is not the quote asset
          100,5usdt  | 100,5usdt  | write 100.5usdt
          3e4        | 3e4        | write 30000
          abc        | abc        | is not a quantity
          $          | $          | is not an amount
          $1,5       | $1,5       | write $1.5
          25,5%      | 25,5%      | write 25.5%
          """)
  void refusesMalformedQuantitiesWithTheFix(String quantity, String token, String message) {
    String line = "/oco BTCUSDT sell " + quantity + " tp 32000 sl 29000";
    assertThat(refusedNaming(line, token).message()).contains(message);
  }
}
