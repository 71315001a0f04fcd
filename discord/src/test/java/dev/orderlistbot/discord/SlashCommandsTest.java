package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.command.ParseResult;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {
  private final CommandParser parser = new CommandParser(Optional.empty());

  @Test
  void ocoOptionsBecomeTheLineATraderWouldType() {
    String line =
        SlashCommands.OCO.line(
            Map.of("symbol", "BTCUSDT", "side", "sell", "quantity", "0.01", "tp", "32000", "sl", "29000/28900"));

    assertThat(line).isEqualTo("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    assertThat(parser.parse(line)).isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void entryGoesAfterAnAtSignAndBeforeTheExits() {
    String line =
        SlashCommands.OTOCO.line(
            Map.of(
                "symbol", "BTCUSDT", "side", "buy", "quantity", "0.01", "entry", "30000",
                "tp", "32000", "sl", "29000/28900"));

    assertThat(line).isEqualTo("/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900");
    assertThat(parser.parse(line)).isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void otoLeavesOutTheExitThatWasNotGiven() {
    String line =
        SlashCommands.OTO.line(
            Map.of("symbol", "BTCUSDT", "side", "buy", "quantity", "0.01", "entry", "30000", "tp", "+4%"));

    assertThat(line).isEqualTo("/oto BTCUSDT buy 0.01 @ 30000 tp +4%");
    assertThat(parser.parse(line)).isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void payingListsAlwaysBuyWithoutASideOption() {
    String line =
        SlashCommands.OPOCO.line(
            Map.of(
                "symbol", "BTCUSDT", "quantity", "0.01", "entry", "maker 30000", "tp", "+5%", "sl", "-3%"));

    assertThat(line).isEqualTo("/opoco BTCUSDT buy 0.01 @ maker 30000 tp +5% sl -3%");
    assertThat(parser.parse(line)).isInstanceOf(ParseResult.Parsed.class);
    assertThat(SlashCommands.OPO.data().getOptions()).extracting(OptionData::getName).doesNotContain("side");
  }

  @Test
  void aMissingRequiredOptionIsLeftForCoreToName() {
    String line = SlashCommands.OCO.line(Map.of("symbol", "BTCUSDT", "side", "sell", "quantity", "0.01", "tp", "32000"));

    assertThat(line).isEqualTo("/oco BTCUSDT sell 0.01 tp 32000");
    assertThat(parser.parse(line)).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void valuesAreTrimmedAndKeptOnOneLine() {
    assertThat(SlashCommands.PRICE.line(Map.of("symbol", "  BTC\nUSDT "))).isEqualTo("/price BTC USDT");
  }

  @Test
  void accountCommandsMapOneToOne() {
    assertThat(SlashCommands.ORDERS.line(Map.of())).isEqualTo("/orders");
    assertThat(SlashCommands.ORDERS.line(Map.of("symbol", "ETHUSDT"))).isEqualTo("/orders ETHUSDT");
    assertThat(SlashCommands.STATUS.line(Map.of("id", "12345"))).isEqualTo("/status 12345");
    assertThat(SlashCommands.CANCEL.line(Map.of("id", "all"))).isEqualTo("/cancel all");
    assertThat(SlashCommands.BALANCE.line(Map.of("asset", "USDT"))).isEqualTo("/balance USDT");
    assertThat(SlashCommands.ALERTS.line(Map.of("mode", "redacted"))).isEqualTo("/alerts redacted");
    assertThat(SlashCommands.KEYS.line(Map.of())).isEqualTo("/keys");
    assertThat(SlashCommands.DELKEY.line(Map.of())).isEqualTo("/delkey");
    assertThat(SlashCommands.KEYGEN.line(Map.of())).isEqualTo("/keygen");
    assertThat(SlashCommands.HELP.line(Map.of("command", "oco"))).isEqualTo("/help oco");
    assertThat(SlashCommands.PAPER.line(Map.of("symbol", "BTCUSDT", "price", "30000")))
        .isEqualTo("/paper price BTCUSDT 30000");
  }

  @Test
  void everyExampleOfTheCommandTableCanBeTypedAsASlashCommand() {
    Map<SlashCommands, Map<String, String>> samples =
        Map.ofEntries(
            Map.entry(SlashCommands.OTO, Map.of("symbol", "BTCUSDT", "side", "buy", "quantity", "0.01", "entry", "30000", "tp", "+4%")),
            Map.entry(SlashCommands.OPO, Map.of("symbol", "BTCUSDT", "quantity", "100usdt", "entry", "30000", "tp", "+4%")),
            Map.entry(SlashCommands.CANCEL, Map.of("id", "12345")),
            Map.entry(SlashCommands.ORDERS, Map.of("symbol", "BTCUSDT")),
            Map.entry(SlashCommands.STATUS, Map.of("id", "12345")),
            Map.entry(SlashCommands.PRICE, Map.of("symbol", "BTCUSDT")),
            Map.entry(SlashCommands.BALANCE, Map.of("asset", "USDT")),
            Map.entry(SlashCommands.ALERTS, Map.of("mode", "redacted")),
            Map.entry(SlashCommands.HELP, Map.of("command", "oco")),
            Map.entry(SlashCommands.PAPER, Map.of("symbol", "BTCUSDT", "price", "30000")),
            Map.entry(SlashCommands.MOVESTOP, Map.of("id", "12345", "stop", "29500")),
            Map.entry(SlashCommands.REDUCE, Map.of("id", "12345", "quantity", "0.005")),
            Map.entry(SlashCommands.CLOSE, Map.of("id", "12345")),
            Map.entry(SlashCommands.AUDIT, Map.of("user", "telegram:123456789", "count", "50")));
    samples.forEach(
        (command, options) -> {
          assertThat(command.line(options)).isEqualTo(command.spec().example());
          assertThat(parser.parse(command.line(options))).isInstanceOf(ParseResult.Parsed.class);
        });
  }

  @Test
  void auditTakesAnOptionalUserThenAnOptionalCount() {
    assertThat(SlashCommands.AUDIT.line(Map.of())).isEqualTo("/audit");
    assertThat(SlashCommands.AUDIT.line(Map.of("count", "5"))).isEqualTo("/audit 5");
    assertThat(SlashCommands.AUDIT.line(Map.of("user", "discord:112233445566778899"))).isEqualTo("/audit discord:112233445566778899");
  }

  @Test
  void tradeManagementCommandsTakeTheIdThenTheirValue() {
    assertThat(SlashCommands.MOVESTOP.line(Map.of("id", "12345", "stop", "be"))).isEqualTo("/movestop 12345 be");
    assertThat(SlashCommands.REDUCE.line(Map.of("id", "12345", "quantity", " 0.005 "))).isEqualTo("/reduce 12345 0.005");
    assertThat(SlashCommands.CLOSE.line(Map.of("id", "7"))).isEqualTo("/close 7");
    assertThat(SlashCommands.MOVESTOP.data().getOptions())
        .extracting(OptionData::getName, OptionData::isRequired)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("id", true), org.assertj.core.groups.Tuple.tuple("stop", true));
    assertThat(parser.parse(SlashCommands.MOVESTOP.line(Map.of("id", "12345", "stop", "be"))))
        .isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void aLadderAndARiskTypedIntoTheirOptionsBecomeALineCoreReads() {
    String line =
        SlashCommands.OTOCO.line(
            Map.of("symbol", "BTCUSDT", "side", "buy", "quantity", "risk 50usdt", "entry", "30000",
                "tp", "32000 33000 split 60/40 be", "sl", "29000"));

    assertThat(line).isEqualTo("/otoco BTCUSDT buy risk 50usdt @ 30000 tp 32000 33000 split 60/40 be sl 29000");
    assertThat(parser.parse(line)).isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void everyCommandOfTheTableButStartIsASlashCommand() {
    assertThat(Arrays.stream(SlashCommands.values()).map(SlashCommands::spec))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(CommandSpec.values()).filter(spec -> spec != CommandSpec.START).toList());
  }

  @Test
  void commandsWorkInGuildsAndInDirectMessages() {
    for (SlashCommandData data : SlashCommands.all()) {
      assertThat(data.getContexts())
          .containsExactlyInAnyOrder(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
      assertThat(data.getDescription()).isNotBlank().hasSizeLessThanOrEqualTo(100);
    }
    assertThat(SlashCommands.all())
        .extracting(SlashCommandData::getName)
        .contains("oco", "oto", "otoco", "opo", "opoco", "orders", "status", "cancel", "price",
            "balance", "alerts", "keys", "setkey", "delkey", "keygen", "help");
  }

  @Test
  void symbolOptionsAutocompleteAndSidesAreChoices() {
    OptionData symbol = option(SlashCommands.OCO.data(), "symbol");
    OptionData side = option(SlashCommands.OCO.data(), "side");

    assertThat(symbol.isAutoComplete()).isTrue();
    assertThat(symbol.isRequired()).isTrue();
    assertThat(side.getChoices()).extracting(Command.Choice::getAsString).containsExactly("buy", "sell");
    assertThat(option(SlashCommands.ORDERS.data(), "symbol").isAutoComplete()).isTrue();
    assertThat(option(SlashCommands.ALERTS.data(), "mode").getChoices())
        .extracting(Command.Choice::getAsString)
        .containsExactly("on", "off", "redacted");
  }

  @Test
  void helpCompletesEveryCommandOfTheTableAsItIsTyped() {
    assertThat(option(SlashCommands.HELP.data(), "command").isAutoComplete()).isTrue();
    assertThat(option(SlashCommands.HELP.data(), "command").getChoices()).isEmpty();
    for (CommandSpec spec : CommandSpec.values()) {
      assertThat(SlashCommands.helpTopics(spec.word())).extracting(Command.Choice::getAsString).contains(spec.word());
    }
    assertThat(SlashCommands.helpTopics("")).hasSizeLessThanOrEqualTo(25);
    assertThat(SlashCommands.helpTopics("LI")).extracting(Command.Choice::getAsString).containsExactly("limits");
  }

  @Test
  void setkeyTakesNoOptionSoAKeyIsNeverAVisibleOption() {
    assertThat(SlashCommands.SETKEY.data().getOptions()).isEmpty();
  }

  private static OptionData option(SlashCommandData data, String name) {
    return data.getOptions().stream().filter(o -> o.getName().equals(name)).findFirst().orElseThrow();
  }
}
