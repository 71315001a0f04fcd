package dev.orderlistbot.discord;

import dev.orderlistbot.core.command.CommandSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The slash commands: each mirrors one command of core's {@link CommandSpec} with typed options and
 * turns the options back into the line a trader would type, so one grammar and one set of checks
 * serve every platform. Example: {@code /oco symbol:BTCUSDT side:sell quantity:0.01 tp:32000
 * sl:29000/28900} becomes {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900}.
 *
 * <p>Every option is a string: the chat grammar reads {@code 100usdt}, {@code +4%} or {@code
 * 29000/28900}, and its refusals are clearer than Discord's number checks. {@code /setkey} has no
 * options: it opens {@link KeyModal}, so a key never travels in a command's visible options.
 */
enum SlashCommands {
  OCO(CommandSpec.OCO, Part.SYMBOL, Part.SIDE, Part.QUANTITY, Part.TP, Part.SL),
  OTO(CommandSpec.OTO, Part.SYMBOL, Part.SIDE, Part.QUANTITY, Part.ENTRY, Part.TP_OPTIONAL, Part.SL_OPTIONAL),
  OTOCO(CommandSpec.OTOCO, Part.SYMBOL, Part.SIDE, Part.QUANTITY, Part.ENTRY, Part.TP, Part.SL),
  // a paying list always buys: the side is part of the line, not an option to get wrong
  OPO(CommandSpec.OPO, Part.SYMBOL, Part.BUY, Part.QUANTITY, Part.ENTRY, Part.TP_OPTIONAL, Part.SL_OPTIONAL),
  OPOCO(CommandSpec.OPOCO, Part.SYMBOL, Part.BUY, Part.QUANTITY, Part.ENTRY, Part.TP, Part.SL),
  ORDERS(CommandSpec.ORDERS, Part.SYMBOL_OPTIONAL),
  STATUS(CommandSpec.STATUS, Part.ID),
  CANCEL(CommandSpec.CANCEL, Part.ID_OR_ALL),
  PRICE(CommandSpec.PRICE, Part.SYMBOL),
  BALANCE(CommandSpec.BALANCE, Part.ASSET),
  ALERTS(CommandSpec.ALERTS, Part.ALERT_MODE),
  KEYS(CommandSpec.KEYS),
  SETKEY(CommandSpec.SETKEY),
  DELKEY(CommandSpec.DELKEY),
  KEYGEN(CommandSpec.KEYGEN),
  HELP(CommandSpec.HELP, Part.HELP_TOPIC),
  PAPER(CommandSpec.PAPER, Part.PRICE_WORD, Part.SYMBOL, Part.PAPER_PRICE),
  MOVESTOP(CommandSpec.MOVESTOP, Part.ID, Part.NEW_STOP),
  REDUCE(CommandSpec.REDUCE, Part.ID, Part.NEW_SIZE),
  CLOSE(CommandSpec.CLOSE, Part.ID),
  PANIC(CommandSpec.PANIC, Part.PANIC_MODE),
  AUDIT(CommandSpec.AUDIT, Part.AUDIT_USER, Part.AUDIT_COUNT),
  LIMITS(CommandSpec.LIMITS, Part.LIMIT_SETTING, Part.LIMIT_VALUE),
  RESUME(CommandSpec.RESUME, Part.TRADER),
  TWOFA(CommandSpec.TWOFA, Part.TWOFA_MODE),
  CHART(CommandSpec.CHART, Part.SYMBOL, Part.INTERVAL),
  SETTINGS(CommandSpec.SETTINGS, Part.CHARTS);

  /** The option that has autocomplete from the exchange's symbols. */
  static final String SYMBOL_OPTION = "symbol";

  /**
   * The option of {@code /help} naming a command: completed as it is typed (there are more commands
   * than the 25 fixed choices Discord allows an option).
   */
  static final String HELP_TOPIC_OPTION = "command";

  /** The commands whose word starts with {@code typed}, at most 25 (Discord's limit), in the table's order. */
  static List<Command.Choice> helpTopics(String typed) {
    String start = typed.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(CommandSpec.values())
        .map(CommandSpec::word)
        .filter(word -> word.startsWith(start))
        .limit(25)
        .map(word -> new Command.Choice(word, word))
        .toList();
  }

  /** The option of {@code /alerts} that changes the setting (and so needs Manage Channels). */
  static final String ALERT_MODE_OPTION = "mode";

  private static final int MAX_DESCRIPTION = 100;

  private final CommandSpec spec;
  @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
  private final List<Part> parts;

  SlashCommands(CommandSpec spec, Part... parts) {
    this.spec = spec;
    this.parts = List.of(parts);
  }

  CommandSpec spec() {
    return spec;
  }

  /** The slash command's name, the chat command's word: {@code oco}. */
  String commandName() {
    return spec.word();
  }

  /** The command named {@code name}, if it is one of ours. */
  static Optional<SlashCommands> byName(String name) {
    return Arrays.stream(values()).filter(c -> c.commandName().equals(name)).findFirst();
  }

  /**
   * The chat line for these option values (name to value as the user typed it). Missing options are
   * left out, so core's parser names what is missing; values are trimmed and kept on one line.
   */
  String line(Map<String, String> values) {
    StringJoiner line = new StringJoiner(" ");
    line.add(spec.slashed());
    for (Part part : parts) {
      if (part.option == null) {
        line.add(part.prefix);
        continue;
      }
      String value = values.get(part.option);
      if (value == null || value.isBlank()) {
        continue;
      }
      String oneLine = value.strip().replaceAll("\\s+", " ");
      line.add(part.prefix.isEmpty() ? oneLine : part.prefix + " " + oneLine);
    }
    return line.toString();
  }

  /** What Discord registers: name, description, options; usable in guilds and in DMs with the bot. */
  SlashCommandData data() {
    SlashCommandData data =
        Commands.slash(commandName(), shorten(spec.summary()))
            .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    parts.stream().filter(part -> part.option != null).map(Part::optionData).forEach(data::addOptions);
    return data;
  }

  /** Every command, as registered globally with {@code updateCommands()}. */
  static List<SlashCommandData> all() {
    return Arrays.stream(values()).map(SlashCommands::data).toList();
  }

  private static String shorten(String text) {
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
  }

  /**
   * One piece of the chat line: an option (its value, after {@code prefix} if there is one) or a
   * fixed word ({@code option} null).
   */
  enum Part {
    SYMBOL(SYMBOL_OPTION, "", true, "Trading pair, e.g. BTCUSDT"),
    SYMBOL_OPTIONAL(SYMBOL_OPTION, "", false, "Only this trading pair, e.g. BTCUSDT"),
    SIDE("side", "", true, "buy or sell", "buy", "sell"),
    BUY(null, "buy", false, ""),
    QUANTITY("quantity", "", true, "Amount: 0.01, 100usdt, $100 or 50%; or by risk: risk 50usdt, risk 1%"),
    ENTRY("entry", "@", true, "Entry price: 30000, -1% or maker 30000"),
    TP("tp", "tp", true, "Take-profit: 32000, +4% or 32000/31900; a ladder: 32000 33000 split 60/40 be"),
    TP_OPTIONAL("tp", "tp", false, "Take-profit: 32000, +4% or 32000/31900 (give tp or sl)"),
    SL("sl", "sl", true, "Stop-loss: 29000, 29000/28900, -3% or trail 1%"),
    SL_OPTIONAL("sl", "sl", false, "Stop-loss: 29000, 29000/28900, -3% or trail 1% (give tp or sl)"),
    ID("id", "", true, "Order-list id, e.g. 12345"),
    ID_OR_ALL("id", "", true, "Order-list id, or all"),
    ASSET("asset", "", false, "Only this asset, e.g. USDT"),
    ALERT_MODE(ALERT_MODE_OPTION, "", false, "on, off or redacted; leave out to see the setting", "on", "off", "redacted"),
    HELP_TOPIC(HELP_TOPIC_OPTION, "", false, "A command to explain, e.g. oco"),
    PRICE_WORD(null, "price", false, ""),
    PAPER_PRICE("price", "", true, "The paper price to set, e.g. 30000"),
    NEW_STOP("stop", "", true, "New stop price, e.g. 29500, or be for breakeven"),
    NEW_SIZE("quantity", "", true, "The size the list keeps, in the base asset, e.g. 0.005"),
    PANIC_MODE(
        "mode", "", false, "close: also sell (or buy back) at market what the lists hold; all (admins): every user's lists",
        "close", "all"),
    AUDIT_USER("user", "", false, "Only this user's entries, as platform:id, e.g. discord:112233445566778899"),
    AUDIT_COUNT("count", "", false, "How many entries, 1 to 100 (20 if left out)"),
    LIMIT_SETTING("setting", "", false, "Leave out to see your limits; or list, day, loss, open, watch, reset",
        "list", "day", "loss", "open", "watch", "reset"),
    LIMIT_VALUE("value", "", false, "USDT (list, day, loss), lists (open), pairs (watch), or off; e.g. 500"),
    TRADER("trader", "", true, "PLATFORM:USER whose loss halt to lift, e.g. telegram:123456789"),
    TWOFA_MODE("mode", "", false, "pin, totp (an authenticator app) or off; leave empty to see your setting", "pin", "totp", "off"),
    INTERVAL("interval", "", false, "Candle width: 15m (the last day, if left out), 1h, 4h or 1d", "15m", "1h", "4h", "1d"),
    CHARTS("charts", "charts", false, "on or off: whether previews and order cards carry a chart; leave out to see your settings",
        "on", "off");

    private final String option;
    private final String prefix;
    private final boolean required;
    private final String description;
    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<String> choices;

    Part(String option, String prefix, boolean required, String description, String... choices) {
      this.option = option;
      this.prefix = prefix;
      this.required = required;
      this.description = description;
      this.choices = List.of(choices);
    }

    private OptionData optionData() {
      OptionData data =
          new OptionData(OptionType.STRING, option, description, required)
              .setAutoComplete(option.equals(SYMBOL_OPTION) || option.equals(HELP_TOPIC_OPTION));
      choices.forEach(choice -> data.addChoice(choice, choice));
      return data;
    }
  }
}
