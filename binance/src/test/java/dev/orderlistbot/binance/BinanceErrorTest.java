package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinanceErrorTest {

  /** Section 6.3 of the reference, code by code. */
  static final int[] REFERENCE_CODES = {
    -1003, -1007, -1013, -1014, -1015, -1021, -1022, -1100, -1101, -1102, -1103, -1104, -1105, -1106, -1111,
    -1115, -1116, -1117, -1121, -1128, -1134, -1158, -1160, -1165, -1166, -1168, -1196, -1197, -1198, -1199,
    -1222, -1223, -1224, -1225, -2010, -2011, -2013, -2014, -2015, -2026, -2035, -2036, -2039, -2042, -2043
  };

  /** Codes of Binance's errors.md for the calls added since the reference: -2038 ORDER_AMEND_REJECTED. */
  static final int[] LATER_CODES = {-2038};

  /** The codes of Binance's errors.md that leave the execution status unknown, beyond the reference's -1007. */
  static final int[] EXECUTION_STATUS_UNKNOWN = {-1000, -1001, -1006};

  @Test
  void everyCodeOfTheReferenceHasAnEntryAndASentence() {
    assertThat(IntStream.of(REFERENCE_CODES))
        .allSatisfy(
            code -> {
              assertThat(BinanceError.byCode(code)).as("code %d", code).isPresent();
              assertThat(BinanceError.explain(code, "")).doesNotContain("error code");
            });
    assertThat(BinanceError.byCode(-2038)).isPresent();
    assertThat(BinanceError.values())
        .hasSize(REFERENCE_CODES.length + EXECUTION_STATUS_UNKNOWN.length + LATER_CODES.length);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1000, -1001, -1006, -1007})
  void codesWhoseExecutionStatusIsUnknownAreNeverRefusals(int code) {
    assertThat(BinanceError.kindOf(code)).isEqualTo(BinanceError.Kind.OUTCOME_UNKNOWN);
    assertThat(BinanceError.explain(code, "")).contains("unknown").doesNotContain("error code");
  }

  @Test
  void anUnknownCodeGetsAGenericSentenceNamingIt() {
    assertThat(BinanceError.explain(-9999, "something new")).isEqualTo("Binance refused the request (error code -9999).");
    assertThat(BinanceError.kindOf(-9999)).isEqualTo(BinanceError.Kind.REFUSED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRICE_FILTER", "PERCENT_PRICE", "PERCENT_PRICE_BY_SIDE", "LOT_SIZE", "MIN_NOTIONAL", "NOTIONAL",
        "MARKET_LOT_SIZE", "ICEBERG_PARTS", "MAX_POSITION", "MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS",
        "MAX_NUM_ICEBERG_ORDERS", "MAX_NUM_ORDER_LISTS", "MAX_NUM_ORDER_AMENDS", "TRAILING_DELTA",
        "EXCHANGE_MAX_NUM_ORDERS", "EXCHANGE_MAX_NUM_ALGO_ORDERS", "EXCHANGE_MAX_NUM_ICEBERG_ORDERS",
        "EXCHANGE_MAX_NUM_ORDER_LISTS"
      })
  void everyDocumentedFilterFailureIsASentenceOfItsOwn(String filter) {
    String sentence = BinanceError.explain(-1013, "Filter failure: " + filter);

    assertThat(sentence).doesNotContain(filter).doesNotContain("rule.").endsWith(".");
  }

  @Test
  void anUndocumentedFilterIsNamedInWords() {
    assertThat(BinanceError.explain(-1013, "Filter failure: NEW_THING")).isEqualTo("The order breaks the pair's new thing rule.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Account has insufficient balance for requested action.          | Not enough free balance
          Duplicate order sent.                                           | already placed
          Market is closed.                                               | market is closed
          Order would trigger immediately.                                | trigger at once
          Order would immediately match and take.                         | maker-only
          The relationship of the prices for the orders is not correct.   | wrong sides
          OCO orders are not supported for this symbol                    | does not allow OCO
          OPO orders are not supported for this symbol.                   | does not allow OPO
          Stop loss (limit) orders are not supported for this symbol.     | stop-loss orders
          Take profit (limit) orders are not supported for this symbol.   | take-profit orders
          Trailing stop orders are not supported for this symbol.         | trailing stops
          Iceberg orders are not supported for this symbol.               | iceberg orders
          IcebergQty exceeds QTY.                                         | larger than
          Price * QTY is zero or less.                                    | value is zero
          Unsupported order combination                                   | isn't supported
          This symbol is not permitted for this account.                  | may not trade this pair
          This symbol is restricted for this account.                     | may not trade this pair
          This action is disabled on this account.                        | may not place or cancel
          This account may not place or cancel orders.                    | may not place or cancel
          Rest API trading is not enabled.                                | enable Spot trading
          Pegged orders are not supported for this symbol.                | pegged orders
          Order amend (pending OPO order) is not supported.               | can't be amended
          """)
  void mapsTheEngineReasonsBehindMinus2010(String message, String words) {
    assertThat(BinanceError.explain(-2010, message)).contains(words);
  }

  @Test
  void aNewEngineMessageFallsBackToTheCodesSentence() {
    assertThat(BinanceError.explain(-2010, "Something unexpected.")).isEqualTo("Binance's matching engine rejected the order.");
  }
}
