package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every sentence of the safety rails (issue 16): the refusals of a preview or a Confirm that a limit
 * stops, {@code /limits} and {@code /resume}. A refusal names the limit, the figure and what would
 * pass. USDT figures are shown to the cent, rounded away from zero, so a list a fraction over a limit never reads as equal to it (the comparisons are exact).
 */
final class LimitTexts {
  private LimitTexts() {}

  static String usdt(BigDecimal amount) {
    return Figures.number(amount.setScale(2, RoundingMode.UP)) + " USDT";
  }

  static String amount(LimitKind kind, BigDecimal amount) {
    return kind.counts() ? Figures.number(amount) + (amount.compareTo(BigDecimal.ONE) == 0 ? " list" : " lists") : usdt(amount);
  }

  private static String setBy(boolean yours) {
    return yours ? "(set by you)" : "(set by the operator)";
  }

  private static String symbols(Collection<Symbol> symbols) {
    return symbols.stream().map(Symbol::value).sorted().collect(Collectors.joining(" "));
  }

  // refusals

  static String notAllowedPair(Symbol symbol, Collection<Symbol> allowed) {
    return symbol.value() + " is not on this bot's list of pairs (" + symbols(allowed) + "): pick one of those.";
  }

  static String notOnWatchList(Symbol symbol, Collection<Symbol> watch) {
    return symbol.value() + " is not on your watch-list (" + symbols(watch) + "): add it with /limits watch "
        + symbols(watch) + " " + symbol.value() + ", or allow every pair again with /limits watch off.";
  }

  static String halted(BigDecimal loss, BigDecimal limit, boolean yours, UserRef user) {
    return "New lists are halted until 00:00 UTC: your realised loss today is " + usdt(loss) + ", over your daily loss limit of "
        + usdt(limit) + " " + setBy(yours) + ". Cancels, /close and /panic still work; an admin can lift the halt with /resume "
        + user.platform() + ":" + user.userId() + ".";
  }

  static String overPerList(String what, BigDecimal notional, BigDecimal limit, boolean yours, Optional<String> wouldPass) {
    return "This " + what + " is " + usdt(notional) + "; your per-list limit is " + usdt(limit) + " " + setBy(yours)
        + wouldPass.map(p -> ": " + p + " would pass.").orElse(".");
  }

  static String overPerDay(String what, BigDecimal notional, BigDecimal used, BigDecimal limit, boolean yours, Optional<String> wouldPass) {
    return "This " + what + " is " + usdt(notional) + " and you placed " + usdt(used) + " today; your daily notional limit is "
        + usdt(limit) + " " + setBy(yours) + wouldPass.map(p -> ": " + p + " would pass.").orElse(": nothing more passes until 00:00 UTC.");
  }

  static String wouldPass(BigDecimal quantity, Asset base, BigDecimal price, Asset quote) {
    return "at most " + Figures.number(quantity) + " " + base.code() + " at " + Figures.number(price) + " " + quote.code();
  }

  static String tooManyOpen(int open, int adding, BigDecimal limit, boolean yours) {
    return "You have " + open + " open list" + (open == 1 ? "" : "s") + " and this adds " + adding + "; your open-list limit is "
        + Figures.number(limit) + " " + setBy(yours) + ": cancel one, or wait until one ends.";
  }

  static String thinPair(Symbol symbol, BigDecimal volumeUsdt, BigDecimal minimum) {
    return symbol.value() + " traded " + usdt(volumeUsdt) + " in the last 24 hours, under this bot's least volume of "
        + usdt(minimum) + " (set by the operator): pick a busier pair.";
  }

  static String noUsdtRate(Asset quote, LimitKind kind) {
    return "Your " + kind.title() + " is in USDT, and no price converts " + quote.code() + " to USDT right now (neither "
        + quote.code() + "USDT nor USDT" + quote.code() + " answered): nothing is placed until it can be checked.";
  }

  static String noVolume(Symbol symbol) {
    return "The exchange did not say how much " + symbol.value() + " traded in the last 24 hours, so this bot's liquidity guard "
        + "cannot pass it: try again in a minute.";
  }

  static String noVolumeRate(Symbol symbol, Asset quote) {
    return "No price converts " + quote.code() + " to USDT right now, so the 24-hour volume of " + symbol.value()
        + " cannot be checked against this bot's least volume: try again in a minute.";
  }

  static String ledgerUnreadable() {
    return "Your figures for today could not be read, so your daily limits cannot be checked: nothing is placed. Try again in "
        + "a minute.";
  }

  static String liquiditySkipped() {
    return "Liquidity guard skipped: the paper exchange has no 24-hour volume.";
  }

  static String refusedAtConfirm(List<String> reasons) {
    return "Not placed: a limit stops it now (another list may have used today's budget meanwhile):\n"
        + reasons.stream().map(r -> "• " + r).collect(Collectors.joining("\n"));
  }

  static String limitsChangedMeanwhile() {
    return "Your limits changed while this preview waited, so it was not checked against them: send the command again.";
  }

  static String previewWithdrawn() {
    return "This preview is withdrawn; send the command again once it passes.";
  }

  // /limits and /resume

  static String privateOnly() {
    return "Your limits and today's profit or loss are private: use /limits in a private chat.";
  }

  static String show(List<String> limitLines, List<String> pairLines, String today) {
    return "Your limits (the lower of the operator's and yours binds; exactly at a limit passes):\n"
        + limitLines.stream().map(l -> "• " + l).collect(Collectors.joining("\n"))
        + (pairLines.isEmpty() ? "" : "\n" + pairLines.stream().map(l -> "• " + l).collect(Collectors.joining("\n")))
        + "\n" + today
        + "\nChange yours with /limits list 500, day 2000, open 3, loss 100, watch BTCUSDT, or reset.";
  }

  static String limitLine(LimitKind kind, Optional<BigDecimal> operator, Optional<BigDecimal> own, Optional<LimitCheck.Bound> bound) {
    String title = Character.toUpperCase(kind.title().charAt(0)) + kind.title().substring(1);
    if (bound.isEmpty()) {
      return title + ": none";
    }
    return title + ": " + amount(kind, bound.get().amount()) + " " + setBy(bound.get().yours())
        + " (operator " + operator.map(a -> amount(kind, a)).orElse("none") + ", yours " + own.map(a -> amount(kind, a)).orElse("none") + ")";
  }

  static String allowedPairs(Collection<Symbol> symbols) {
    return "Pairs this bot trades: " + symbols(symbols);
  }

  static String watchList(Collection<Symbol> symbols) {
    return "Your watch-list: " + symbols(symbols);
  }

  static String leastVolume(BigDecimal minimum) {
    return "Least 24-hour volume of a pair: " + usdt(minimum);
  }

  static String today(BigDecimal placed, int open, BigDecimal pnl, boolean halted, boolean resumed) {
    return "Today (UTC): placed " + usdt(placed) + ", " + open + " open list" + (open == 1 ? "" : "s") + ", realised "
        + (pnl.signum() > 0 ? "+" : "") + usdt(pnl)
        + (halted ? ". New lists are halted until 00:00 UTC." : resumed ? ". An admin lifted today's loss halt." : ".");
  }

  static String todayUnreadable() {
    return "Today's figures could not be read just now.";
  }

  static String limitSet(LimitKind kind, BigDecimal amount, Optional<BigDecimal> operator) {
    return "Your " + kind.title() + " is now " + amount(kind, amount)
        + operator.map(c -> " (the operator's ceiling is " + amount(kind, c) + ").").orElse(".");
  }

  static String limitOff(LimitKind kind, Optional<BigDecimal> operator) {
    return "Your own " + kind.title() + " is off: "
        + operator.map(c -> "the operator's " + amount(kind, c) + " applies.").orElse("no " + kind.title() + " applies.");
  }

  static String overCeiling(LimitKind kind, BigDecimal asked, BigDecimal ceiling) {
    return amount(kind, asked) + " is above the operator's " + kind.title() + " of " + amount(kind, ceiling)
        + ", and yours can only be lower: write /limits " + kind.word() + " " + ceiling.toPlainString()
        + " or less, or /limits " + kind.word() + " off to use the operator's.";
  }

  static String watchSet(Collection<Symbol> symbols) {
    return "Your watch-list is now " + symbols(symbols) + ": lists on any other pair are refused. /limits watch off allows every pair again.";
  }

  static String watchOff() {
    return "Your watch-list is off: every pair is open to you again.";
  }

  static String watchNotAllowed(Collection<Symbol> refused, Collection<Symbol> allowed) {
    return symbols(refused) + (refused.size() == 1 ? " is" : " are") + " not among the pairs this bot trades (" + symbols(allowed)
        + "): leave " + (refused.size() == 1 ? "it" : "them") + " out.";
  }

  static String reset(boolean hadAny) {
    return hadAny ? "Your own limits are forgotten: only the operator's apply." : "You had set no limits of your own: only the operator's apply.";
  }

  static String resumeNotAdmin() {
    return "Only an admin of this bot (BOT_ADMINS) can lift a daily loss halt. Your own limits: /limits.";
  }

  static String resumed(UserRef user, BigDecimal pnl, boolean already) {
    return "The daily loss halt of " + user.platform() + ":" + user.userId()
        + (already ? " was lifted already" : " is lifted") + " until 00:00 UTC (realised today: " + usdt(pnl)
        + "). It starts again tomorrow if the loss passes the limit.";
  }
}
