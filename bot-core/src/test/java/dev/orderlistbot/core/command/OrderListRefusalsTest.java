package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.refusedMissing;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Malformed order-list commands: one error that names the wrong or missing piece. */
class OrderListRefusalsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          /oco                                              | Missing the symbol
          /oco BTCUSDT                                      | Missing the side
          /oco BTCUSDT sell                                 | Missing the quantity
          /oco BTCUSDT sell tp 32000 sl 29000               | Missing the quantity
          /oco BTCUSDT sell 0.01                            | Missing the take-profit
          /oco BTCUSDT sell 0.01 sl 29000                   | Missing the take-profit
          /oco BTCUSDT sell 0.01 tp 32000                   | Missing the stop-loss: add `sl STOP[/LIMIT]`
          /oco BTCUSDT sell 0.01 tp                         | Missing the price after 'tp'
          /oco BTCUSDT sell 0.01 tp sl 29000                | Missing the price after 'tp'
          /oco BTCUSDT sell 0.01 tp 32000 sl                | Missing the price after 'sl'
          /oco BTCUSDT sell 0.01 tp 32000 sl trail          | Missing the distance after 'trail'
          /oto BTCUSDT buy 0.01 tp 32000                    | Missing the entry price
          /oto BTCUSDT buy 0.01 @ 30000                     | Missing the exit
          /oto BTCUSDT buy 0.01 @ tp 32000                  | Missing the entry price after '@'
          /oto BTCUSDT buy 0.01 @ maker tp 32000            | Missing the entry price after '@ maker'
          /otoco BTCUSDT buy 0.01 @ 30000 sl 29000          | Missing the take-profit
          /opoco BTCUSDT buy 0.01 @ 30000 tp 32000          | Missing the stop-loss
          """)
  void namesWhatIsMissing(String line, String message) {
    assertThat(refusedMissing(line).message()).startsWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          /oco BTC-USDT sell 0.01 tp 32000 sl 29000                   | BTC-USDT | like BTCUSDT
          /oco 12345 sell 0.01 tp 32000 sl 29000                      | 12345    | not a symbol
          /oco sell BTCUSDT 0.01 tp 32000 sl 29000                    | sell     | the symbol comes first
          /oco BTCUSDT sel 0.01 tp 32000 sl 29000                     | sel      | write buy or sell
          /oco BTCUSDT sell 0.01 tp 32000 sl 29000 foo                | foo      | not expected
          /oco BTCUSDT sell 0.01 tp 32000 sl 29000 28900              | 28900    | join a stop and a limit with '/'
          /oto BTCUSDT buy 0.01 30000 tp 32000                        | 30000    | write @ 30000
          /oto BTCUSDT buy 0.01 at 30000 tp 32000                     | at       | write @ before the entry price
          /oco BTCUSDT sell 0.01 tp 32000 trail 1%                    | trail    | belongs to the stop-loss
          /oco BTCUSDT sell 0.01 tp 32000 tp 33000 sl 29000           | tp       | appears twice
          /oco BTCUSDT sell 0.01 tp 32000 sl 29000 SL 28000           | SL       | appears twice
          /oto BTCUSDT buy 0.01 @ 30000 @ 30100 tp 32000              | @        | appears twice
          /oco BTCUSDT sell 0.01 @ 30000 tp 32000 sl 29000            | @        | use /otoco
          /oto BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000             | sl       | for both use /otoco
          /opo BTCUSDT buy 0.01 @ 30000 sl 29000 tp 32000             | tp       | for both use /opoco
          /oco BTCUSDT sell 0.01 tp trail 1% sl 29000                 | trail    | only for the stop-loss
          """)
  void namesTheWrongWord(String line, String token, String message) {
    assertThat(refusedNaming(line, token).message()).contains(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          /oco BTCUSDT sell 0.01 tp 5% sl 29000              | 5%           | write +5% or -5%
          /oco BTCUSDT sell 0.01 tp +5% sl -100%             | -100%        | above -100%
          /oco BTCUSDT sell 0.01 tp +5% sl -250%             | -250%        | above -100%
          /oco BTCUSDT sell 0.01 tp +500 sl 29000            | +500         | has a sign but no %
          /oco BTCUSDT sell 0.01 tp + sl 29000               | +            | without a sign (32000.5)
          /oco BTCUSDT sell 0.01 tp 32000 sl −2%             | −2%          | write -2%
          /oco BTCUSDT sell 0.01 tp 32000 sl 29000/          | 29000/       | missing the limit price
          /oco BTCUSDT sell 0.01 tp 32000 sl /28900          | /28900       | missing the stop price
          /oco BTCUSDT sell 0.01 tp 32000 sl 1/2/3           | 1/2/3        | more than one '/'
          /oco BTCUSDT sell 0.01 tp 0 sl 29000               | 0            | greater than 0
          /oco BTCUSDT sell 0.01 tp 32000 sl 29000/0         | 0            | greater than 0
          /oco BTCUSDT sell 0.01 tp +0,5% sl 29000           | +0,5%        | write +0.5%
          /oco BTCUSDT sell 0.01 tp 32000 sl trail 1.255%    | 1.255%       | write 1.25% or 1.26%
          /oco BTCUSDT sell 0.01 tp 32000 sl trail 0.001%    | 0.001%       | write 0.01%
          /oco BTCUSDT sell 0.01 tp 32000 sl trail 150%      | 150%         | at most 100%
          /oco BTCUSDT sell 0.01 tp 32000 sl trail 0%        | 0%           | greater than 0
          /oco BTCUSDT sell 0.01 tp 32000 sl trail -1%       | -1%          | without a sign
          /oco BTCUSDT sell 0.01 tp 32000 sl trail 1         | 1            | like trail 1%
          """)
  void refusesMalformedPricesWithTheFix(String line, String token, String message) {
    assertThat(refusedNaming(line, token).message()).contains(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          /oco BTCUSDT sell 0.01 tp 28000 sl 29000             | 28000 | a take-profit that sells must be above the stop-loss '29000'
          /oco BTCUSDT buy 0.01 tp 32000 sl 31000              | 32000 | a take-profit that buys must be below the stop-loss '31000'
          /oco BTCUSDT sell 0.01 tp 29000 sl 29000/28900       | 29000 | must be above the stop-loss
          /oco BTCUSDT sell 0.01 tp -5% sl -2%                 | -5%   | must be above the last price, like +5%
          /oco BTCUSDT sell 0.01 tp +5% sl +1%                 | +1%   | a stop-loss that sells must be below the last price, like -1%
          /oto BTCUSDT buy 0.01 @ 30000 tp 29000               | 29000 | a take-profit that sells must be above the entry price
          /oto BTCUSDT buy 0.01 @ 30000 tp -4%                 | -4%   | above the entry price, like +4%
          /oto BTCUSDT buy 0.01 @ 30000 sl 31000               | 31000 | a stop-loss that sells must be below the entry price
          /oto BTCUSDT sell 0.01 @ 30000 tp +4%                | +4%   | a take-profit that buys must be below the entry price, like -4%
          /otoco BTCUSDT sell 0.01 @ 30000 tp 28000 sl 29000   | 29000 | a stop-loss that buys must be above the entry price
          /opoco BTCUSDT buy 0.01 @ -1% tp +2% sl +1%          | +1%   | a stop-loss that sells must be below the entry price
          """)
  void refusesExitsOnTheWrongSide(String line, String token, String message) {
    assertThat(refusedNaming(line, token).message()).contains(message);
  }

  @Test
  void rejectsSellOcoWhoseTakeProfitIsBelowTheStop() {
    refusedNaming("/oco BTCUSDT sell 0.01 tp 28000 sl 29000", "28000");
  }

  @Test
  void leavesExitsItCannotCompareToThePreTradeChecks() {
    Lines.parsed("/otoco BTCUSDT buy 0.01 @ -1% tp 32000 sl 29000");
    Lines.parsed("/oco BTCUSDT sell 0.01 tp +5% sl 29000");
    Lines.parsed("/otoco BTCUSDT buy 0.01 @ 30000 tp +5% sl trail 1%");
  }
}
