package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A take-profit ladder placed with {@code be}: when the first target's list fills, the stops of the
 * other lists move to breakeven. The bot acts on the trader's behalf here, so the plan is stored and
 * survives a restart; it works only while the bot runs.
 *
 * @param planId the confirmation that placed the plan
 * @param listClientOrderIds the plan's lists in target order (the first target first)
 * @param done whether the stops were moved (or the plan was given up); a done plan is not acted on
 */
public record BreakevenPlan(
    String planId, UserRef owner, Symbol symbol, List<String> listClientOrderIds, boolean done, Instant createdAt) {

  public BreakevenPlan {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(symbol, "symbol");
    listClientOrderIds = List.copyOf(listClientOrderIds);
    Objects.requireNonNull(createdAt, "createdAt");
    if (listClientOrderIds.size() < 2) {
      throw new IllegalArgumentException("a breakeven plan has two lists or more");
    }
  }

  /** The list of the first target, whose fill triggers the move. */
  public String firstList() {
    return listClientOrderIds.get(0);
  }

  /** The lists whose stops move to breakeven: every one but the first. */
  public List<String> laterLists() {
    return listClientOrderIds.subList(1, listClientOrderIds.size());
  }
}
