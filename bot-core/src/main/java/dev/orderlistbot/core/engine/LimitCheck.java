package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.UserLimits;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The safety limits of one trader against one list (or ladder), without I/O: the operator's pairs,
 * the trader's watch-list, the daily loss halt, the per-list and per-day notional, the open lists and
 * the pair's 24-hour volume. Each limit in force is the lower of the operator's ceiling and the
 * trader's own figure. Exactly at a limit passes, one unit over it is refused; the halt starts once
 * the day's loss is over the limit. A figure that cannot be known while its limit is on refuses
 * (fail closed). Answers every refusal's sentence, none when the list passes.
 */
final class LimitCheck {
  private LimitCheck() {}

  /** A limit in force: the lower of the operator's and the trader's, and whether the trader's binds. */
  record Bound(BigDecimal amount, boolean yours) {}

  /** What the trader has used: the day's ledger and their open lists (empty: could not be read). */
  record Usage(DayUsage day, int openLists) {}

  static Optional<Bound> bound(SafetyLimits operator, UserLimits own, LimitKind kind) {
    Optional<BigDecimal> ceiling = operator.ceiling(kind);
    Optional<BigDecimal> mine = own.amount(kind);
    if (mine.isPresent() && (ceiling.isEmpty() || mine.get().compareTo(ceiling.get()) < 0)) {
      return Optional.of(new Bound(mine.get(), true));
    }
    return ceiling.map(c -> new Bound(c, false));
  }

  /** Whether any limit is in force for the trader, so their figures must be read. */
  static boolean anyInForce(SafetyLimits operator, UserLimits own) {
    return !operator.ceilings().isEmpty() || !own.amounts().isEmpty() || !operator.allowedSymbols().isEmpty()
        || !own.watchList().isEmpty() || operator.minQuoteVolume().isPresent();
  }

  /** Whether a limit that needs the day's ledger or the open lists is in force. */
  static boolean needsUsage(SafetyLimits operator, UserLimits own) {
    return !operator.ceilings().isEmpty() || !own.amounts().isEmpty();
  }

  static List<String> refusals(
      SafetyLimits operator, UserLimits own, UserRef user, Exposure exposure, Optional<Usage> usage, String what) {
    List<String> refusals = new ArrayList<>();
    if (!operator.allowedSymbols().isEmpty() && !operator.allowedSymbols().contains(exposure.symbol())) {
      refusals.add(LimitTexts.notAllowedPair(exposure.symbol(), operator.allowedSymbols()));
    }
    if (!own.watchList().isEmpty() && !own.watchList().contains(exposure.symbol())) {
      refusals.add(LimitTexts.notOnWatchList(exposure.symbol(), own.watchList()));
    }
    if (needsUsage(operator, own) && usage.isEmpty()) {
      refusals.add(LimitTexts.ledgerUnreadable());
    }
    usage.ifPresent(u -> refusals.addAll(usageRefusals(operator, own, user, exposure, u, what)));
    liquidity(operator, exposure).ifPresent(refusals::add);
    return refusals;
  }

  private static List<String> usageRefusals(
      SafetyLimits operator, UserLimits own, UserRef user, Exposure exposure, Usage usage, String what) {
    List<String> refusals = new ArrayList<>();
    bound(operator, own, LimitKind.DAILY_LOSS)
        .filter(loss -> usage.day().realisedLoss().compareTo(loss.amount()) > 0 && usage.day().resumedBy().isEmpty())
        .ifPresent(loss -> refusals.add(LimitTexts.halted(usage.day().realisedLoss(), loss.amount(), loss.yours(), user)));
    Optional<Bound> perList = bound(operator, own, LimitKind.PER_LIST);
    Optional<Bound> perDay = bound(operator, own, LimitKind.PER_DAY);
    Optional<BigDecimal> notional = exposure.notionalUsdt();
    if (notional.isEmpty() && (perList.isPresent() || perDay.isPresent())) {
      refusals.add(LimitTexts.noUsdtRate(exposure.quoteAsset(), perList.isPresent() ? LimitKind.PER_LIST : LimitKind.PER_DAY));
    }
    notional.ifPresent(n -> {
      perList.filter(b -> n.compareTo(b.amount()) > 0)
          .ifPresent(b -> refusals.add(LimitTexts.overPerList(what, n, b.amount(), b.yours(), wouldPass(exposure, b.amount()))));
      BigDecimal used = usage.day().notionalPlaced();
      perDay.filter(b -> used.add(n).compareTo(b.amount()) > 0)
          .ifPresent(b -> refusals.add(
              LimitTexts.overPerDay(what, n, used, b.amount(), b.yours(), wouldPass(exposure, b.amount().subtract(used)))));
    });
    int adding = exposure.lists().size();
    bound(operator, own, LimitKind.OPEN_LISTS)
        .filter(b -> BigDecimal.valueOf((long) usage.openLists() + adding).compareTo(b.amount()) > 0)
        .ifPresent(b -> refusals.add(LimitTexts.tooManyOpen(usage.openLists(), adding, b.amount(), b.yours())));
    return refusals;
  }

  private static Optional<String> liquidity(SafetyLimits operator, Exposure exposure) {
    if (operator.minQuoteVolume().isEmpty()) {
      return Optional.empty();
    }
    BigDecimal minimum = operator.minQuoteVolume().get();
    return switch (exposure.volume()) {
      case Exposure.Volume.NotAsked notAsked -> Optional.of(LimitTexts.noVolume(exposure.symbol()));
      case Exposure.Volume.NotOnThisExchange paper -> Optional.empty();
      case Exposure.Volume.Unanswered unanswered -> Optional.of(LimitTexts.noVolume(exposure.symbol()));
      case Exposure.Volume.Known known ->
          exposure.usdtRate().isEmpty()
              ? Optional.of(LimitTexts.noVolumeRate(exposure.symbol(), exposure.quoteAsset()))
              : Optional.of(known.quoteVolume().multiply(exposure.usdtRate().get()))
                  .filter(volume -> volume.compareTo(minimum) < 0)
                  .map(volume -> LimitTexts.thinPair(exposure.symbol(), volume, minimum));
    };
  }

  /** "at most 0.0312 BTC at 32,000 USDT" for an allowance in USDT; empty when nothing would. */
  private static Optional<String> wouldPass(Exposure exposure, BigDecimal allowanceUsdt) {
    if (allowanceUsdt.signum() <= 0 || exposure.usdtRate().isEmpty()) {
      return Optional.empty();
    }
    BigDecimal price = exposure.price();
    BigDecimal quantity = allowanceUsdt.divide(price.multiply(exposure.usdtRate().get()), MathContext.DECIMAL64);
    BigDecimal step = exposure.stepSize().orElse(new BigDecimal("0.00000001"));
    BigDecimal floored = quantity.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    if (floored.signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of(LimitTexts.wouldPass(floored, exposure.baseAsset(), price, exposure.quoteAsset()));
  }
}
