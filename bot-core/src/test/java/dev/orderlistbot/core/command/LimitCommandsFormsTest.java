package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.anyRefusal;
import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedMissing;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /limits} and {@code /resume}: every form read, every malformed one refused with the right form. */
class LimitCommandsFormsTest {

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("/limits", new Command.ShowLimits()),
        Arguments.of("/limits list 500", new Command.SetLimit(LimitKind.PER_LIST, Optional.of(new BigDecimal("500")))),
        Arguments.of("/limits LIST 500.5 usdt", new Command.SetLimit(LimitKind.PER_LIST, Optional.of(new BigDecimal("500.5")))),
        Arguments.of("/limits day 2000", new Command.SetLimit(LimitKind.PER_DAY, Optional.of(new BigDecimal("2000")))),
        Arguments.of("/limits loss 100", new Command.SetLimit(LimitKind.DAILY_LOSS, Optional.of(new BigDecimal("100")))),
        Arguments.of("/limits open 3", new Command.SetLimit(LimitKind.OPEN_LISTS, Optional.of(new BigDecimal("3")))),
        Arguments.of("/limits day off", new Command.SetLimit(LimitKind.PER_DAY, Optional.empty())),
        Arguments.of("/limits watch btcusdt ETHUSDT",
            new Command.SetWatchList(Set.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")))),
        Arguments.of("/limits watch off", new Command.SetWatchList(Set.of())),
        Arguments.of("/limits reset", new Command.ResetLimits()),
        Arguments.of("/resume telegram:1001", new Command.ResumeTrading(new UserRef("telegram", "1001"))),
        Arguments.of("/resume Discord:42", new Command.ResumeTrading(new UserRef("discord", "42"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void readsEveryForm(String line, Command expected) {
    assertThat(parsed(line)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/limits lst 500 | lst | is not a limit: write /limits list 500",
        "/limits list lots | lots | is not an amount in USDT: write /limits list 500 (USDT)",
        "/limits list -5 | -5 | is not an amount in USDT",
        "/limits open 2.5 | 2.5 | is not a whole number of lists: write /limits open 3",
        "/limits open many | many | is not a number of lists: write /limits open 3",
        "/limits watch BTC-USDT | BTC-USDT | is not a pair: write /limits watch BTCUSDT ETHUSDT",
        "/limits reset now | now | is not expected: the form is /limits",
        "/limits list 500 600 | 600 | is not expected",
        "/resume alice | alice | is not PLATFORM:USER: write /resume telegram:123456789",
        "/resume telegram:1 more | more | is not expected: the form is /resume PLATFORM:USER",
      })
  void refusesAMalformedFormNamingItAndTheRightForm(String line, String token, String expected) {
    assertThat(refusedNaming(line, token).message()).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/limits list | Missing the figure of your per-list limit: write /limits list 500 (USDT), or /limits list off",
        "/limits open | Missing the figure of your open-list limit: write /limits open 3",
        "/limits watch | Missing the pairs of your watch-list: write /limits watch BTCUSDT ETHUSDT",
        "/resume | Missing whose halt to lift: write /resume PLATFORM:USER",
      })
  void refusesAMissingPartSayingWhatToAdd(String line, String expected) {
    assertThat(refusedMissing(line).message()).contains(expected);
  }

  @Test
  void offAmongPairsIsRefusedWithBothRightForms() {
    assertThat(anyRefusal("/limits watch BTCUSDT off").message())
        .contains("/limits watch off").contains("/limits watch BTCUSDT");
  }
}
