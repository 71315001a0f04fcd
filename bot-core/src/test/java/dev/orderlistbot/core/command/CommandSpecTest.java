package dev.orderlistbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.order.ListKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The command table that /help and the parser's examples come from. */
class CommandSpecTest {

  @ParameterizedTest
  @EnumSource(CommandSpec.class)
  void everyExampleParsesToItsOwnCommand(CommandSpec spec) {
    Command command = Lines.parsed(spec.example());
    Class<?> expected =
        switch (spec) {
          case OCO, OTO, OTOCO, OPO, OPOCO -> PlaceOrderList.class;
          case CANCEL -> Command.CancelOrderList.class;
          case ORDERS -> Command.ListOrders.class;
          case STATUS -> Command.ShowStatus.class;
          case PRICE -> Command.ShowPrice.class;
          case BALANCE -> Command.ShowBalance.class;
          case SETKEY -> Command.StartKeySetup.class;
          case KEYGEN -> Command.GenerateKey.class;
          case DELKEY -> Command.DeleteKey.class;
          case KEYS -> Command.ListKeys.class;
          case ALERTS -> Command.SetAlerts.class;
          case HELP -> Command.Help.class;
          case START -> Command.Start.class;
          case PAPER -> Command.SetPaperPrice.class;
          case MOVESTOP -> Command.MoveStop.class;
          case REDUCE -> Command.ReduceSize.class;
          case CLOSE -> Command.CloseAtMarket.class;
          case PANIC -> Command.Panic.class;
          case AUDIT -> Command.ShowAudit.class;
          case LIMITS -> Command.SetLimit.class;
          case RESUME -> Command.ResumeTrading.class;
          case TWOFA -> Command.TwoFactor.class;
          case CHART -> Command.ShowChart.class;
          case SETTINGS -> Command.SetCharts.class;
        };
    assertThat(command).isInstanceOf(expected);
    if (command instanceof PlaceOrderList list) {
      assertThat(list.kind()).isEqualTo(ListKind.valueOf(spec.name()));
    }
  }

  @ParameterizedTest
  @EnumSource(CommandSpec.class)
  void usageAndExampleStartWithTheCommand(CommandSpec spec) {
    assertThat(spec.usage()).startsWith(spec.slashed());
    assertThat(spec.example()).startsWith(spec.slashed());
    assertThat(spec.summary()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void wordsAreUniqueLowerCaseAndFoundInAnyCase() {
    assertThat(Arrays.stream(CommandSpec.values()).map(CommandSpec::word).distinct()).hasSize(CommandSpec.values().length);
    for (CommandSpec spec : CommandSpec.values()) {
      // Telegram's menu and Discord's slash commands take lower-case letters and digits (/2fa)
      assertThat(spec.word()).matches("[a-z0-9]+");
      assertThat(CommandSpec.byWord(spec.word().toUpperCase(java.util.Locale.ROOT))).contains(spec);
    }
    assertThat(CommandSpec.byWord("occo")).isEmpty();
  }
}
