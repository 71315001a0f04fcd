package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedMissing;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /movestop}, {@code /reduce} and {@code /close}: every form and every mistake. */
class TradeManagementCommandsTest {

  @Test
  void moveStopTakesTheIdAndTheNewStopPrice() {
    assertThat(parsed("/movestop 12345 29500"))
        .isEqualTo(new Command.MoveStop(12345, Optional.of(Price.of("29500"))));
    assertThat(parsed("/movestop 0 29500.50"))
        .isEqualTo(new Command.MoveStop(0, Optional.of(Price.of("29500.5"))));
  }

  @ParameterizedTest
  @CsvSource({"be", "BE", "breakeven", "Breakeven"})
  void moveStopToBreakevenHasNoPrice(String word) {
    Command.MoveStop move = (Command.MoveStop) parsed("/movestop 12345 " + word);
    assertThat(move.toBreakeven()).isTrue();
    assertThat(move.orderListId()).isEqualTo(12345);
  }

  @Test
  void reduceTakesTheIdAndTheNewSize() {
    assertThat(parsed("/reduce 12345 0.005")).isEqualTo(new Command.ReduceSize(12345, new BigDecimal("0.005")));
  }

  @Test
  void closeTakesTheIdAlone() {
    assertThat(parsed("/close 12345")).isEqualTo(new Command.CloseAtMarket(12345));
    assertThat(parsed("/CLOSE 12345")).isEqualTo(new Command.CloseAtMarket(12345));
  }

  @Test
  void panicTakesCloseOrForAdminsAll() {
    assertThat(parsed("/panic")).isEqualTo(new Command.Panic(false));
    assertThat(parsed("/panic close")).isEqualTo(new Command.Panic(true));
    assertThat(parsed("/panic all")).isEqualTo(new Command.PanicAll());
    assertThat(parsed("/PANIC ALL")).isEqualTo(new Command.PanicAll());
  }

  @Test
  void panicAllCloseIsRefusedSayingWhatToSend() {
    ParseError error = Lines.refused("/panic all close");
    assertThat(error.message()).contains("closes nothing at market").contains("/panic close");
  }

  @Test
  void aMissingIdIsNamedWithTheCommandsForm() {
    assertThat(refusedMissing("/movestop").message()).contains("/movestop ID PRICE");
    assertThat(refusedMissing("/reduce").message()).contains("/reduce ID QTY");
    assertThat(refusedMissing("/close").message()).contains("/close ID");
  }

  @Test
  void anIdThatIsNotANumberIsRefusedWithAnExampleId() {
    assertThat(refusedNaming("/close abc", "abc").message()).contains("like 12345");
    assertThat(refusedNaming("/reduce #12 0.005", "#12").message()).contains("like 12345");
    assertThat(refusedNaming("/movestop 99999999999999999999 29000", "99999999999999999999").message())
        .contains("too large");
  }

  @Test
  void breakevenBeforeTheIdIsAskedTheOtherWayRound() {
    assertThat(refusedNaming("/movestop be 12345", "be").message()).contains("/movestop 12345 be");
  }

  @Test
  void aMissingStopNamesBothForms() {
    assertThat(refusedMissing("/movestop 12345").message())
        .contains("/movestop 12345 29500")
        .contains("/movestop 12345 be");
  }

  @Test
  void aStopWithALimitOrARelativeStopIsRefused() {
    assertThat(refusedNaming("/movestop 12345 29500/29400", "29500/29400").message()).contains("stop price only");
    assertThat(refusedNaming("/movestop 12345 -2%", "-2%").message()).contains("like 29500");
    assertThat(refusedNaming("/movestop 12345 2%", "2%").message()).contains("like 29500");
  }

  @Test
  void aStopThatIsNotAPriceIsRefused() {
    assertThat(refusedNaming("/movestop 12345 low", "low").message()).contains("not a price");
    assertThat(refusedNaming("/movestop 12345 0", "0").message()).contains("greater than 0");
  }

  @Test
  void aMissingNewSizeSaysItIsTheSizeKept() {
    assertThat(refusedMissing("/reduce 12345").message()).contains("/reduce 12345 0.005").contains("keeps");
  }

  @ParameterizedTest
  @CsvSource({"50%", "$50", "100usdt", "0.005btc"})
  void aNewSizeInAnotherFormIsRefusedForABaseQuantity(String size) {
    assertThat(refusedNaming("/reduce 12345 " + size, size).message()).contains("base quantity, like 0.005");
  }

  @Test
  void aNewSizeFollowedByAnAssetIsRefusedForABaseQuantity() {
    assertThat(refusedNaming("/reduce 12345 0.005 btc", "0.005 btc").message()).contains("base quantity");
  }

  @Test
  void aSignedNewSizeIsRefusedAsAChange() {
    assertThat(refusedNaming("/reduce 12345 -0.005", "-0.005").message()).contains("not the change");
  }

  @Test
  void aZeroOrMalformedNewSizeIsRefused() {
    assertThat(refusedNaming("/reduce 12345 0", "0").message()).contains("greater than 0");
    assertThat(refusedNaming("/reduce 12345 0,005", "0,005").message()).contains("0.005");
  }

  @Test
  void extraWordsAreRefusedWithTheForm() {
    assertThat(refusedNaming("/close 12345 now", "now").message()).contains("/close ID");
    assertThat(refusedNaming("/movestop 12345 29500 29400", "29400").message()).contains("/movestop ID PRICE");
    assertThat(refusedNaming("/reduce 12345 0.005 0.004", "0.004").message()).contains("/reduce ID QTY");
  }
}
