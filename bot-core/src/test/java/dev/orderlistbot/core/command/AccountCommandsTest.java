package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedMissing;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.Command.AlertMode;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands besides order lists and keys, accepted and refused. */
class AccountCommandsTest {

  static Stream<Arguments> commands() {
    Symbol btcusdt = Symbol.of("BTCUSDT");
    return Stream.of(
        Arguments.of("/cancel 12345", new Command.CancelOrderList(12345)),
        Arguments.of("/cancel 0", new Command.CancelOrderList(0)),
        Arguments.of("/cancel 007", new Command.CancelOrderList(7)),
        Arguments.of("/cancel 9223372036854775807", new Command.CancelOrderList(Long.MAX_VALUE)),
        Arguments.of("/CANCEL ALL", new Command.CancelAll()),
        Arguments.of("/orders", new Command.ListOrders(Optional.empty())),
        Arguments.of("/orders btcusdt", new Command.ListOrders(Optional.of(btcusdt))),
        Arguments.of("/status 42", new Command.ShowStatus(42)),
        Arguments.of("/price btcUSDT", new Command.ShowPrice(btcusdt)),
        Arguments.of("/balance", new Command.ShowBalance(Optional.empty())),
        Arguments.of("/balance usdt", new Command.ShowBalance(Optional.of(Asset.of("USDT")))),
        Arguments.of("/alerts", new Command.ListAlerts()),
        Arguments.of("/alerts on", new Command.SetAlerts(AlertMode.ON)),
        Arguments.of("/alerts OFF", new Command.SetAlerts(AlertMode.OFF)),
        Arguments.of("/alerts Redacted", new Command.SetAlerts(AlertMode.REDACTED)),
        Arguments.of("/help", new Command.Help(Optional.empty())),
        Arguments.of("/help OCO", new Command.Help(Optional.of("oco"))),
        Arguments.of("/help /setkey", new Command.Help(Optional.of("setkey"))),
        Arguments.of("/start", new Command.Start()),
        Arguments.of("/start from-a-deep-link", new Command.Start()),
        Arguments.of("/keygen", new Command.GenerateKey()),
        Arguments.of("/delkey", new Command.DeleteKey()),
        Arguments.of("/keys", new Command.ListKeys()),
        Arguments.of("/paper price btcusdt 30000.5", new Command.SetPaperPrice(btcusdt, Price.of("30000.5"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void readsEveryCommand(String line, Command expected) {
    assertThat(parsed(line)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          /cancel x                        | x                     | is not an order-list id: write a whole number like 12345, or all
          /cancel -1                       | -1                    | is not an order-list id
          /cancel 1.5                      | 1.5                   | is not an order-list id
          /cancel 9223372036854775808      | 9223372036854775808   | too large
          /cancel 99999999999999999999     | 99999999999999999999  | too large
          /cancel 1 2                      | 2                     | not expected: the form is /cancel ID
          /cancel all now                  | now                   | not expected
          /status x                        | x                     | is not an order-list id: write a whole number like 12345
          /orders BTC/USDT                 | BTC/USDT              | like BTCUSDT
          /orders btcusdt ethusdt          | ethusdt               | not expected: the form is /orders [SYMBOL]
          /price 42                        | 42                    | not a symbol
          /price btcusdt now               | now                   | not expected
          /balance $$                      | $$                    | not an asset
          /alerts maybe                    | maybe                 | write on, off or redacted
          /alerts on off                   | off                   | not expected
          /help occo                       | occo                  | Did you mean /help oco?
          /help xyzzy                      | xyzzy                 | send /help to see the commands
          /help oco oto                    | oto                   | not expected
          /keygen now                      | now                   | not expected: the form is /keygen
          /delkey all                      | all                   | not expected
          /keys x                          | x                     | not expected
          /paper cost BTCUSDT 1            | cost                  | /paper only sets prices
          /paper price BTCUSDT +5%         | +5%                   | is not a price
          /paper price BTCUSDT 0           | 0                     | greater than 0
          /paper price BTCUSDT 1 2         | 2                     | not expected
          """)
  void namesTheWrongWord(String line, String token, String message) {
    assertThat(refusedNaming(line, token).message()).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/cancel", "/status", "/price", "/paper", "/paper price", "/paper price BTCUSDT"})
  void namesWhatIsMissing(String line) {
    refusedMissing(line);
  }
}
