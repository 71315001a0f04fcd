package dev.orderlistbot.core.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The command table: every command the bot understands, with its usage, a one-line summary and a
 * correct example line. {@code /help} is generated from it, and the parser takes its examples and
 * "did you mean" suggestions from it. Every {@link #example()} parses.
 *
 * <p>Example: {@code CommandSpec.OCO.usage()} is {@code /oco SYMBOL SIDE QTY tp TP sl SL}.
 */
public enum CommandSpec {
  OCO(
      "oco",
      "/oco SYMBOL SIDE QTY tp TP sl SL",
      "Take-profit and stop-loss together: when one fills, the other is cancelled.",
      "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900"),
  OTO(
      "oto",
      "/oto SYMBOL SIDE QTY @ PRICE (tp TP | sl SL)",
      "An entry order that places one exit once it fills.",
      "/oto BTCUSDT buy 0.01 @ 30000 tp +4%"),
  OTOCO(
      "otoco",
      "/otoco SYMBOL SIDE QTY @ PRICE tp TP sl SL",
      "An entry order that places a take-profit and a stop-loss (an OCO) once it fills.",
      "/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900"),
  OPO(
      "opo",
      "/opo SYMBOL buy QTY @ PRICE (tp TP | sl SL)",
      "Like /oto, but the exit sells exactly what the buy filled.",
      "/opo BTCUSDT buy 100usdt @ 30000 tp +4%"),
  OPOCO(
      "opoco",
      "/opoco SYMBOL buy QTY @ PRICE tp TP sl SL",
      "Like /otoco, but the exits sell exactly what the buy filled.",
      "/opoco BTCUSDT buy 0.01 @ maker 30000 tp +5% sl -3%"),
  CANCEL(
      "cancel",
      "/cancel ID | /cancel all",
      "Cancel one order list by its id, or all of yours.",
      "/cancel 12345"),
  ORDERS("orders", "/orders [SYMBOL]", "List your open order lists.", "/orders BTCUSDT"),
  STATUS("status", "/status ID", "Show the state of one order list.", "/status 12345"),
  PRICE("price", "/price SYMBOL", "Show the last price of a symbol.", "/price BTCUSDT"),
  BALANCE("balance", "/balance [ASSET]", "Show your free and locked balances.", "/balance USDT"),
  SETKEY(
      "setkey",
      "/setkey [API_KEY [SECRET]]",
      "Store your Binance API key; send it in a private chat.",
      "/setkey"),
  KEYGEN(
      "keygen",
      "/keygen",
      "Create an Ed25519 key pair whose public key you register on Binance.",
      "/keygen"),
  DELKEY("delkey", "/delkey", "Delete your stored API key.", "/delkey"),
  KEYS("keys", "/keys", "Show which API key is stored (never the secret).", "/keys"),
  ALERTS(
      "alerts",
      "/alerts [on|off|redacted]",
      "Your order notices in this group: on, redacted (no quantities) or off; alone, lists them.",
      "/alerts redacted"),
  HELP("help", "/help [COMMAND]", "List the commands, or explain one.", "/help oco"),
  START("start", "/start", "Welcome and first steps.", "/start"),
  PAPER(
      "paper",
      "/paper price SYMBOL PRICE",
      "Set a price on the paper exchange (paper mode only).",
      "/paper price BTCUSDT 30000"),
  MOVESTOP(
      "movestop",
      "/movestop ID PRICE | /movestop ID be",
      "Move a list's stop-loss to a new price, or to breakeven (be): the list is cancelled and placed again.",
      "/movestop 12345 29500"),
  REDUCE(
      "reduce",
      "/reduce ID QTY",
      "Lower a list's open quantity to QTY (the new size), keeping its place in the queue.",
      "/reduce 12345 0.005"),
  CLOSE(
      "close",
      "/close ID",
      "Cancel a list, then sell (or buy back) what it still holds at market.",
      "/close 12345"),
  PANIC(
      "panic",
      "/panic [close|all]",
      "Cancel every open list of yours at once; with close, also close what they hold at market; admins: all"
          + " cancels every user's lists.",
      "/panic"),
  AUDIT(
      "audit",
      "/audit [USER] [N]",
      "Admins only, in private: the latest N audit entries (20 unless given, at most 100), of USER if given.",
      "/audit telegram:123456789 50"),
  LIMITS(
      "limits",
      "/limits [list|day|loss USDT | open N | watch SYMBOL... | reset]",
      "Show your limits and today's use, or set your own: lower than the operator's, never higher.",
      "/limits list 500"),
  RESUME(
      "resume",
      "/resume PLATFORM:USER",
      "Admins: lift a trader's daily loss halt for the rest of the UTC day.",
      "/resume telegram:123456789"),
  TWOFA(
      "2fa",
      "/2fa [pin|totp|off]",
      "Your step-up code for guarded live actions: a 6-digit PIN or an authenticator app; alone, shows it.",
      "/2fa totp"),
  CHART(
      "chart",
      "/chart SYMBOL [15m|1h|4h|1d]",
      "A chart of the pair's candles (15m unless given) with your open lists' prices on it.",
      "/chart BTCUSDT 1h"),
  SETTINGS(
      "settings",
      "/settings [charts on|off]",
      "Your own settings: whether previews and order cards carry a chart (on unless turned off).",
      "/settings charts off");

  private final String word;
  private final String usage;
  private final String summary;
  private final String example;

  CommandSpec(String word, String usage, String summary, String example) {
    this.word = word;
    this.usage = usage;
    this.summary = summary;
    this.example = example;
  }

  /** The command name without the slash, lower case: {@code oco}. */
  public String word() {
    return word;
  }

  /** The command as typed, with the slash: {@code /oco}. */
  public String slashed() {
    return "/" + word;
  }

  /** The syntax, with placeholders in capitals and optional parts in brackets. */
  public String usage() {
    return usage;
  }

  /** One line saying what the command does. */
  public String summary() {
    return summary;
  }

  /** A complete, correct line of this command. */
  public String example() {
    return example;
  }

  /** The command named {@code word} (no slash, any case), if there is one. */
  public static Optional<CommandSpec> byWord(String word) {
    Objects.requireNonNull(word, "word");
    String wanted = word.toLowerCase(Locale.ROOT);
    for (CommandSpec spec : values()) {
      if (spec.word.equals(wanted)) {
        return Optional.of(spec);
      }
    }
    return Optional.empty();
  }
}
