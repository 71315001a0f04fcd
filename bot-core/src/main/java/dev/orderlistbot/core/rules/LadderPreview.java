package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the chat shows before the trader confirms a take-profit ladder: every list, the totals, the
 * money at risk when sized by risk, and the open counts after placement against the symbol's limits.
 *
 * @param lists one preview per target, in target order (each with its own reward:risk)
 * @param total the quantity of all lists together
 * @param totalNotional the sum of the lists' notionals
 * @param risk how the whole quantity was sized by risk, if it was
 * @param breakeven whether the other stops move to breakeven when the first target fills
 * @param openListsAfter the open order lists on the symbol once the plan is placed, when known
 * @param maxLists the symbol's MAX_NUM_ORDER_LISTS, when it has one
 * @param openOrdersAfter the open orders on the symbol once the plan is placed, when known
 * @param maxOrders the symbol's MAX_NUM_ORDERS, when it has one
 */
public record LadderPreview(
    List<Preview> lists,
    Quantity total,
    BigDecimal totalNotional,
    Optional<RiskFigures> risk,
    boolean breakeven,
    OptionalInt openListsAfter,
    Optional<Integer> maxLists,
    OptionalInt openOrdersAfter,
    Optional<Integer> maxOrders) {

  public LadderPreview {
    lists = List.copyOf(lists);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(totalNotional, "totalNotional");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(openListsAfter, "openListsAfter");
    Objects.requireNonNull(maxLists, "maxLists");
    Objects.requireNonNull(openOrdersAfter, "openOrdersAfter");
    Objects.requireNonNull(maxOrders, "maxOrders");
  }
}
