package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The limits a trader set for themselves with {@code /limits} (never above the operator's ceilings,
 * which the engine checks before storing): a figure per {@link LimitKind} they set, and a watch-list
 * (empty: every pair). {@code OPEN_LISTS} is a whole number; the others are USDT.
 *
 * <p>Example: {@code /limits list 500} then {@code /limits watch BTCUSDT} gives {@code {PER_LIST=500}}
 * and {@code [BTCUSDT]}.
 */
public record UserLimits(Map<LimitKind, BigDecimal> amounts, Set<Symbol> watchList) {
  public static final UserLimits NONE = new UserLimits(Map.of(), Set.of());

  public UserLimits {
    amounts = amounts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(amounts));
    watchList = Set.copyOf(watchList);
    amounts.forEach(
        (kind, amount) -> {
          if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a limit is positive, was " + amount.toPlainString());
          }
        });
  }

  public Optional<BigDecimal> amount(LimitKind kind) {
    return Optional.ofNullable(amounts.get(kind));
  }

  /** The same with {@code kind} set to {@code amount}, or removed when empty. */
  public UserLimits with(LimitKind kind, Optional<BigDecimal> amount) {
    EnumMap<LimitKind, BigDecimal> changed = new EnumMap<>(LimitKind.class);
    changed.putAll(amounts);
    amount.ifPresentOrElse(a -> changed.put(kind, a), () -> changed.remove(kind));
    return new UserLimits(changed, watchList);
  }

  public UserLimits withWatchList(Set<Symbol> symbols) {
    return new UserLimits(amounts, symbols);
  }

  public boolean isEmpty() {
    return amounts.isEmpty() && watchList.isEmpty();
  }
}
