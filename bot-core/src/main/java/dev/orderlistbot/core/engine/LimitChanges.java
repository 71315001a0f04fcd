package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.port.out.UserLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a change of a trader's own limits does: whether it raises a limit (the one place that says
 * so: the step-up codes will ask for a code when it does), and how the audit log names it, with
 * every old and new figure ({@code list 1000 -> 500}, {@code watch BTCUSDT -> off}).
 */
final class LimitChanges {
  private LimitChanges() {}

  /**
   * Whether {@code after} lets the trader do more than {@code before} under the operator's ceilings:
   * a limit in force goes up or away, or the watch-list widens (is turned off, or gains a pair).
   * Lowering a limit, or narrowing the watch-list, is not a raise.
   */
  static boolean raisesALimit(SafetyLimits operator, UserLimits before, UserLimits after) {
    for (LimitKind kind : LimitKind.values()) {
      Optional<BigDecimal> was = LimitCheck.bound(operator, before, kind).map(LimitCheck.Bound::amount);
      Optional<BigDecimal> now = LimitCheck.bound(operator, after, kind).map(LimitCheck.Bound::amount);
      if (was.isPresent() && (now.isEmpty() || now.get().compareTo(was.get()) > 0)) {
        return true;
      }
    }
    return !before.watchList().isEmpty() && (after.watchList().isEmpty() || !before.watchList().containsAll(after.watchList()));
  }

  /** The audit subject: each figure that changed, old then new ({@code none}/{@code off} when unset). */
  static String describe(UserLimits before, UserLimits after) {
    List<String> parts = new ArrayList<>();
    for (LimitKind kind : LimitKind.values()) {
      Optional<BigDecimal> was = before.amount(kind);
      Optional<BigDecimal> now = after.amount(kind);
      if (!was.map(BigDecimal::stripTrailingZeros).equals(now.map(BigDecimal::stripTrailingZeros))) {
        parts.add(kind.word() + " " + figure(was) + " -> " + figure(now));
      }
    }
    if (!before.watchList().equals(after.watchList())) {
      parts.add("watch " + watch(before) + " -> " + watch(after));
    }
    String subject = "limits " + (parts.isEmpty() ? "unchanged" : String.join(", ", parts));
    return subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
  }

  private static String figure(Optional<BigDecimal> amount) {
    return amount.map(BigDecimal::toPlainString).orElse("none");
  }

  private static String watch(UserLimits limits) {
    return limits.watchList().isEmpty()
        ? "off"
        : String.join(" ", limits.watchList().stream().map(s -> s.value()).sorted().toList());
  }
}
