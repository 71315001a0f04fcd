package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's safety rails (issue 16), every one off unless set: a ceiling per {@link
 * LimitKind} (USDT, or lists for {@code OPEN_LISTS}) that traders may lower for themselves but never
 * raise, the pairs the bot may trade (empty: every pair) and the least 24-hour quote volume (USDT)
 * of a pair a list may be placed on.
 *
 * <p>Example: {@code BOT_LIMIT_PER_LIST_USDT=1000} gives {@code ceilings = {PER_LIST=1000}}.
 */
public record SafetyLimits(Map<LimitKind, BigDecimal> ceilings, Set<Symbol> allowedSymbols, Optional<BigDecimal> minQuoteVolume) {
  /** Everything off: today's behaviour. */
  public static final SafetyLimits NONE = new SafetyLimits(Map.of(), Set.of(), Optional.empty());

  public SafetyLimits {
    ceilings = ceilings.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ceilings));
    allowedSymbols = Set.copyOf(allowedSymbols);
    ceilings.values().forEach(SafetyLimits::requirePositive);
    minQuoteVolume.ifPresent(SafetyLimits::requirePositive);
  }

  public Optional<BigDecimal> ceiling(LimitKind kind) {
    return Optional.ofNullable(ceilings.get(kind));
  }

  /** The same with {@code kind}'s ceiling set. */
  public SafetyLimits withCeiling(LimitKind kind, BigDecimal amount) {
    EnumMap<LimitKind, BigDecimal> changed = new EnumMap<>(LimitKind.class);
    changed.putAll(ceilings);
    changed.put(kind, amount);
    return new SafetyLimits(changed, allowedSymbols, minQuoteVolume);
  }

  public SafetyLimits withAllowedSymbols(Set<Symbol> symbols) {
    return new SafetyLimits(ceilings, symbols, minQuoteVolume);
  }

  public SafetyLimits withMinQuoteVolume(BigDecimal usdt) {
    return new SafetyLimits(ceilings, allowedSymbols, Optional.of(usdt));
  }

  private static void requirePositive(BigDecimal amount) {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a limit is positive, was " + amount.toPlainString());
    }
  }
}
