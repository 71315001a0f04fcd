package dev.orderlistbot.core.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * A tracked list with the two rows routing one of its order events reads besides it: its loss
 * {@linkplain ListBasis basis} (empty for a list placed while no limit was in force) and its
 * {@linkplain OrderCard card} (empty for a list without one), as they stood when read. Read in one
 * go by {@link Stores#listForEvent}.
 *
 * <p>Example: the take-profit leg of list {@code ol-7Kq2} fills 0.001; the router finds the list,
 * counts the fill against the basis, and moves the card from revision 4 to 5 (a compare-and-set on
 * revision 4, read again should another write have come first).
 */
public record ListForEvent(TrackedOrderList list, Optional<ListBasis> basis, Optional<OrderCard> card) {
  public ListForEvent {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(card, "card");
  }

  /** {@code list} with its basis and card read from {@code stores}, one read each. */
  public static ListForEvent read(Stores stores, TrackedOrderList list) {
    return new ListForEvent(
        list, stores.limits().basis(list.listClientOrderId()), stores.cards().find(list.listClientOrderId()));
  }
}
