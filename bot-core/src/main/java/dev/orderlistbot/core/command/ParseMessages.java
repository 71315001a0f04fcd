package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import java.util.Locale;
import java.util.Optional;

/**
 * Every sentence the parser says, in one place, so the wording stays consistent and can be
 * reviewed at once. A sentence about a token starts with it, quoted by {@link Quote#quoted}
 * (shortened, invisible characters shown); sentences about {@code /setkey} lines quote nothing.
 *
 * <p>Longer than the usual budget because it is a catalogue: one short method per sentence.
 */
final class ParseMessages {
  private static final String STOP_LIMIT = "write STOP/LIMIT, like 29000/28900";
  private static final String QUANTITY_FORMS = "0.01, 100usdt, $100 or 25%";
  private static final String SEE_HELP = ". Send /help to see the commands.";

  private ParseMessages() {}

  /** A problem about {@code raw}: the quoted token, then {@code rest}. */
  private static Problem about(String raw, String rest) {
    return Problem.about(raw, Quote.quoted(raw) + rest);
  }

  // ---- numbers

  static Problem zero(String token, Noun noun) {
    return about(token, " is zero: " + noun.withArticle() + " must be greater than 0");
  }

  static Problem tooManyDigits(String token, Noun noun) {
    return about(
        token,
        " is too long: " + noun.withArticle() + " has at most " + Numbers.MAX_DIGITS + " digits");
  }

  static Problem invisibleCharacter(String token, int codePoint) {
    String name = Quote.codePointName(codePoint);
    return about(token, " contains an invisible character (" + name + "): type it again");
  }

  static Problem foreignDigits(String token) {
    return about(token, " uses digits other than 0-9: type it with 0-9");
  }

  static Problem signed(String token, String fixed, Noun noun) {
    return about(token, " has a sign: write the " + noun.word() + " without one: " + fixed);
  }

  static Problem exponent(String token, Optional<String> plain) {
    return about(token, " uses an exponent: write " + plain.orElse("the number in full"));
  }

  static Problem ambiguousComma(String token, String thousands, String decimal) {
    return about(
        token,
        " is ambiguous: write " + thousands + " if ',' separates thousands, or " + decimal
            + " if it is a decimal point");
  }

  static Problem thousandsSeparator(String token, String fixed) {
    return about(token, " has thousands separators: write " + fixed);
  }

  static Problem decimalComma(String token, String fixed) {
    return about(token, " uses a decimal comma: write " + fixed);
  }

  static Problem notANumber(String token, Noun noun) {
    return about(
        token, " is not " + noun.withArticle() + ": write a plain number like " + noun.sample());
  }

  // ---- symbol, side, quantity

  static Problem missingSymbol(CommandSpec spec) {
    return Problem.of("Missing the symbol after " + spec.slashed() + ": write it like BTCUSDT");
  }

  static Problem sideBeforeSymbol(String word, CommandSpec spec) {
    return about(word, " is a side: the symbol comes first, as in " + spec.usage());
  }

  static Problem notASymbol(String word, Optional<String> joined) {
    String symbol = joined.orElse("BTCUSDT");
    return about(word, " is not a symbol: write the pair as one word, like " + symbol);
  }

  static Problem missingSide(CommandSpec spec) {
    return Problem.of(
        "Missing the side after the symbol: write buy or sell, as in " + spec.usage());
  }

  static Problem notASide(String word) {
    return about(word, " is not a side: write buy or sell (or b, s)");
  }

  static Problem payingListSells(String side, CommandSpec spec, CommandSpec instead) {
    return about(
        side,
        ": Binance only allows " + spec.word().toUpperCase(Locale.ROOT)
            + " with a BUY entry and SELL exits: write " + spec.slashed()
            + " SYMBOL buy ..., or use " + instead.slashed() + " to sell first");
  }

  static Problem missingQuantity() {
    return Problem.of("Missing the quantity after the side: write " + QUANTITY_FORMS);
  }

  static Problem notAQuantity(String word) {
    return about(word, " is not a quantity: write " + QUANTITY_FORMS);
  }

  static Problem baseAssetNamed(String word, Asset asset, String amount) {
    return about(word, ": an amount of " + asset + " is written without the asset: " + amount);
  }

  static Problem notAnAssetOf(String word, Asset asset, Symbol symbol) {
    return about(
        word,
        ": " + asset + " is not the quote asset of " + symbol + ": write the amount alone (like"
            + " 0.01) or in the quote asset (like 100usdt for a ...USDT pair)");
  }

  static Problem shareAboveHundred(String token) {
    return about(token, " is more than 100%: a share of your free balance is at most 100%");
  }

  // ---- prices

  static Problem tooManySlashes(String text) {
    return about(text, " has more than one '/': " + STOP_LIMIT);
  }

  static Problem missingStopBeforeSlash(String text) {
    return about(text, " is missing the stop price before '/': " + STOP_LIMIT);
  }

  static Problem missingLimitAfterSlash(String text) {
    return about(text, " is missing the limit price after '/': " + STOP_LIMIT);
  }

  static Problem typographicMinus(String text, String fixed) {
    return about(text, " starts with a dash, not a minus sign: write " + fixed);
  }

  static Problem percentWithoutSign(String text) {
    return about(text, " is a relative price without a sign: write +" + text + " or -" + text);
  }

  static Problem signWithoutPercent(String text) {
    String absolute = text.length() > 1 ? text.substring(1) : Noun.PRICE.sample();
    return about(
        text,
        " has a sign but no %: write a relative price as a percentage (" + text.charAt(0)
            + "5%) or an absolute price without a sign (" + absolute + ")");
  }

  static Problem relativeAtOrBelowMinusHundred(String text) {
    return about(text, " would be a price of zero or less: a relative price is above -100%");
  }

  // ---- parts of an order list

  static Problem missingAfterTakeProfit() {
    return Problem.of(
        "Missing the price after 'tp': write tp PRICE or tp STOP/LIMIT, like tp 32000");
  }

  static Problem missingAfterStopLoss() {
    return Problem.of("Missing the price after 'sl': write sl STOP, sl STOP/LIMIT or sl trail 1%");
  }

  static Problem missingEntryPrice(boolean maker) {
    String after = maker ? "'@ maker'" : "'@'";
    return Problem.of("Missing the entry price after " + after + ": write @ PRICE, like @ 30000");
  }

  static Problem missingTrailingPercent() {
    return Problem.of("Missing the distance after 'trail': write sl trail 1% (1% is 100 BIPS)");
  }

  static Problem trailingNeedsPlainPercent(String text) {
    return about(
        text, " is not a trailing distance: write a percentage without a sign, like trail 1%");
  }

  static Problem trailingTakeProfit(String word) {
    return about(word, " works only for the stop-loss: write sl trail 1%");
  }

  static Problem trailingAboveHundred(String text) {
    return about(text, " is too far: a trailing stop is at most 100% (10000 BIPS)");
  }

  static Problem trailingNotWholeBips(String text, String nearest) {
    return about(text, " is not a whole number of BIPS (0.01%): write " + nearest);
  }

  static Problem ocoHasNoEntry() {
    return about("@", ": an OCO has no entry price; to buy or sell at a price first, use /otoco");
  }

  static Problem duplicate(String word, String what) {
    return about(word, " appears twice: give only one " + what);
  }

  static Problem oneExitOnly(String word, CommandSpec spec, CommandSpec both) {
    return about(
        word,
        ": " + spec.slashed() + " places one exit, tp or sl; for both use " + both.slashed());
  }

  static Problem unexpectedInOrderList(
      String word, String previous, boolean entryMissing, CommandSpec spec) {
    String lower = Words.lower(word);
    if (lower.equals("at")) {
      return about(word, ": write @ before the entry price, like @ 30000");
    }
    if (lower.equals("trail")) {
      return about(word, " belongs to the stop-loss: write sl trail 1%");
    }
    if (Numbers.looksNumeric(word) && !previous.isEmpty()) {
      return about(word, " is not expected: join a stop and a limit with '/', like 29000/28900");
    }
    if (Numbers.looksNumeric(word) && entryMissing) {
      return about(word, " is not expected: write @ " + word + " for the entry price");
    }
    if (Numbers.looksNumeric(word)) {
      return about(word, " is not expected after the quantity: write numbers without spaces");
    }
    return unexpected(word, spec);
  }

  static Problem missingEntry() {
    return Problem.of("Missing the entry price: add @ PRICE after the quantity, like @ 30000");
  }

  static Problem missingExit() {
    return Problem.of("Missing the exit: add tp PRICE or sl STOP[/LIMIT]");
  }

  static Problem missingTakeProfit() {
    return Problem.of("Missing the take-profit: add `tp PRICE` or `tp STOP/LIMIT`");
  }

  static Problem missingStopLoss() {
    return Problem.of("Missing the stop-loss: add `sl STOP[/LIMIT]`");
  }

  static Problem takeProfitWrongSide(String text, Side exit, boolean fromEntry) {
    return wrongSide(text, "take-profit", exit, exit == Side.SELL, reference(fromEntry));
  }

  static Problem stopLossWrongSide(String text, Side exit, boolean fromEntry) {
    return wrongSide(text, "stop-loss", exit, exit == Side.BUY, reference(fromEntry));
  }

  static Problem takeProfitBeyondStop(String takeProfit, String stopLoss, Side exit) {
    String reference = "the stop-loss " + Quote.quoted(stopLoss);
    return wrongSide(takeProfit, "take-profit", exit, exit == Side.SELL, reference);
  }

  private static String reference(boolean fromEntry) {
    return fromEntry ? "the entry price" : "the last price";
  }

  private static Problem wrongSide(
      String text, String leg, Side exit, boolean above, String reference) {
    String hint = text.startsWith("+") || text.startsWith("-") ? ", like " + flipSign(text) : "";
    return about(
        text,
        ": a " + leg + " that " + (exit == Side.SELL ? "sells" : "buys") + " must be "
            + (above ? "above " : "below ") + reference + hint);
  }

  private static String flipSign(String text) {
    return (text.charAt(0) == '+' ? "-" : "+") + text.substring(1);
  }

  // ---- other commands

  static Problem unexpected(String word, CommandSpec spec) {
    return about(word, " is not expected: the form is " + spec.usage());
  }

  static Problem notAnAsset(String word) {
    return about(word, " is not an asset: write a coin code like USDT");
  }

  static Problem notAnAlertMode(String word) {
    return about(word, " is not an alerts setting: write on, off or redacted");
  }

  static Problem notATwoFactorChoice(String word) {
    return about(word, " is not a /2fa choice: write /2fa alone to see your setting, or /2fa pin, /2fa totp or /2fa off");
  }

  static Problem codeOnTwoFactorLine() {
    return Problem.of(
        "Never write a PIN or a code on the /2fa line (I deleted it if I could): send /2fa pin, /2fa totp or /2fa off"
            + " alone, and I ask for the PIN or the code in the next private message");
  }

  static Problem unknownHelpTopic(String word, Optional<CommandSpec> suggestion) {
    return Problem.about(
        word,
        "There is no help on " + Quote.quoted(word)
            + suggestion
                .map(s -> ". Did you mean /help " + s.word() + "?")
                .orElse(": send /help to see the commands"));
  }

  static Problem missingPaperAction() {
    return Problem.of("Missing what to set: write /paper price SYMBOL PRICE");
  }

  static Problem unknownPaperAction(String word) {
    return about(word, ": /paper only sets prices: write /paper price SYMBOL PRICE");
  }

  static Problem missingPaperPrice(Symbol symbol) {
    return Problem.of(
        "Missing the price after " + symbol + ": write /paper price " + symbol + " PRICE");
  }

  static Problem missingId(CommandSpec spec) {
    return Problem.of(
        "Missing the order-list id: write " + spec.usage() + " with an id from /orders");
  }

  static Problem notAnId(String word, CommandSpec spec) {
    String all = spec == CommandSpec.CANCEL ? ", or all" : "";
    return about(word, " is not an order-list id: write a whole number like 12345" + all);
  }

  static Problem idTooLarge(String word) {
    return about(word, " is too large for an order-list id");
  }

  // ---- managing a placed list

  static Problem idBeforeStop(String word) {
    return about(word, ": the id comes first: write /movestop 12345 " + word);
  }

  static Problem missingNewStop(long id) {
    return Problem.of(
        "Missing the new stop after the id: write /movestop " + id + " 29500, or /movestop " + id
            + " be for breakeven");
  }

  static Problem panicAllClose() {
    return Problem.of(
        "/panic all cancels every user's lists but closes nothing at market: selling what someone holds stays"
            + " their own decision (they can send /panic close). Send /panic all.");
  }

  static Problem newStopWithLimit(String word) {
    return about(
        word, ": /movestop takes the new stop price only, like 29500 (a stop-limit keeps its gap)");
  }

  static Problem newStopRelative(String word) {
    return about(word, " is relative: write the new stop as a price, like 29500, or be for breakeven");
  }

  static Problem missingNewSize(long id) {
    return Problem.of(
        "Missing the new size after the id: write /reduce " + id
            + " 0.005 (the quantity the list keeps, in the base asset)");
  }

  static Problem newSizeNotBase(String word) {
    return about(
        word, ": write the new size as a base quantity, like 0.005 (the quantity the list keeps)");
  }

  static Problem newSizeSigned(String word) {
    return about(
        word, " has a sign: write the new size itself, like 0.005, not the change");
  }

  // ---- sizing by risk and take-profit ladders

  static Problem missingRiskAmount() {
    return Problem.of("Missing the amount after 'risk': write risk 50usdt, risk $50, risk 50 or risk 1%");
  }

  static Problem notARiskAmount(String word) {
    return about(word, " is not a risk: write risk 50usdt, risk $50, risk 50 or risk 1%");
  }

  static Problem riskShareAboveHundred(String token) {
    return about(token, " is more than 100%: risk at most all of your equity, like risk 1%");
  }

  static Problem riskWithoutStop(CommandSpec spec) {
    return Problem.of(
        "Sizing by risk needs a stop-loss to measure the risk: add sl STOP, like " + spec.slashed()
            + " BTCUSDT buy risk 50usdt @ 30000 sl 29000");
  }

  static Problem splitWithoutLadder(String word) {
    return about(word, " splits a ladder: give several targets first, like tp 32000 33000 34000 split 50/30/20");
  }

  static Problem missingSplit() {
    return Problem.of("Missing the shares after 'split': write split 50/30/20, one percentage per target");
  }

  static Problem notASplit(String text) {
    return about(text, " is not a split: write whole percentages joined by '/', like split 50/30/20");
  }

  static Problem splitNotHundred(String text, int total) {
    return about(text, " adds up to " + total + "%: the shares must add up to 100, like split 50/30/20");
  }

  static Problem splitCountMismatch(String text, int shares, int targets) {
    return about(
        text,
        " has " + shares + " share" + (shares == 1 ? "" : "s") + " for " + targets + " target"
            + (targets == 1 ? "" : "s") + ": give one share per target, like split 50/30/20 for 3 targets");
  }

  static Problem breakevenWithOneTarget(String word) {
    return about(
        word, " moves the other stops when the first target fills: give several targets, like tp 32000 33000 sl 29000 be");
  }

  static Problem breakevenWithoutEntry(String word) {
    return about(
        word,
        " moves the stops to the entry's average fill, and an OCO has no entry the bot sees fill: place the ladder"
            + " with /otoco or /opoco, like /otoco BTCUSDT buy 0.02 @ 30000 tp 32000 33000 sl 29000 be");
  }

  static Problem breakevenWithoutStop(String word) {
    return about(word, " moves the stop to breakeven: add sl STOP, like tp 32000 33000 sl 29000 be");
  }

  static Problem ladderNeedsBothExits(String word, CommandSpec spec, CommandSpec both) {
    return about(
        word,
        ": a ladder of targets shares one stop-loss, which " + spec.slashed() + " does not place: use "
            + both.slashed() + " with tp and sl");
  }

  static Problem targetsOutOfOrder(String later, String earlier, boolean ascending) {
    return about(
        later,
        (ascending ? " is not above " : " is not below ") + Quote.quoted(earlier)
            + ": list the targets from the nearest to the farthest, like tp 32000 33000 34000");
  }

  static Problem duplicateWord(String word) {
    return about(word, " appears twice: give it once");
  }

  static Problem malformedApiKey() {
    return Problem.of(
        "That is not a Binance API key (letters and digits only): send /setkey API_KEY SECRET,"
            + " or /setkey alone to be guided");
  }

  static Problem lineTooLong(CommandSpec spec, int max) {
    return Problem.of(
        "That message is too long for " + spec.slashed() + ": at most " + max + " characters");
  }

  static Problem unknownCommand(String typed, Optional<CommandSpec> suggestion) {
    if (typed.equals("/")) {
      return Problem.about(typed, "A command name goes right after '/', like /oco" + SEE_HELP);
    }
    return Problem.about(typed, "Unknown command " + Quote.shown(typed) + didYouMean(suggestion));
  }

  /** For lines that may hold a secret: names nothing the trader typed. */
  static Problem unknownCommandUnquoted(Optional<CommandSpec> suggestion) {
    return Problem.of("Unknown command" + didYouMean(suggestion));
  }

  static Problem notAnAuditUser(String word) {
    return about(
        word,
        " is not a user: write platform:id as in BOT_ADMINS, like /audit telegram:123456789 (the bot tells each"
            + " user their id)");
  }

  static Problem notAnAuditCount(String word, int max) {
    return about(
        word,
        " is not a number of entries: write a whole number from 1 to " + max + ", like /audit 50 or"
            + " /audit telegram:123456789 50");
  }

  private static String didYouMean(Optional<CommandSpec> suggestion) {
    return suggestion.map(s -> ". Did you mean " + s.slashed() + "?").orElse(SEE_HELP);
  }
}
