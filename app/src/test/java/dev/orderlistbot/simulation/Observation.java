package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.port.out.OrderListState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a run leaves behind, once it settled: the exchange's truth, the bot's records, and what each
 * chat was shown. The {@link Invariants} judge it; tests can also build one by hand.
 *
 * @param placements how many times each client list id was sent to the exchange
 * @param lists every list the bot recorded, with the exchange's view of it
 * @param fills every order the exchange filled
 * @param notices the notices each chat got, in delivery order
 * @param goneChats chats that refuse every message for good
 * @param pendingNotices outbox rows neither delivered nor failed
 * @param shown every message the bot showed (answers and notices), as it now stands, with its chat
 * @param positions what each list the bot placed (and the exchange took) left held at the end
 */
record Observation(
    Map<String, Integer> placements,
    List<ListFact> lists,
    List<Fill> fills,
    List<SimChats.Delivery> notices,
    Set<ChatRef> goneChats,
    long pendingNotices,
    List<SimChats.Delivery> shown,
    List<Position> positions) {

  /** Every message the bot showed, as it now stands, outside the chats it was removed from (those are not judged). */
  List<String> shownTexts() {
    return shown.stream().filter(message -> !goneChats.contains(message.chat())).map(SimChats.Delivery::text).toList();
  }

  /** Everything, one fact a line, for reading a replayed seed. */
  String describe() {
    StringBuilder text = new StringBuilder("placements " + placements + "\n");
    lists.forEach(list -> text.append("list ").append(list).append('\n'));
    fills.forEach(fill -> text.append("fill ").append(fill).append('\n'));
    notices.forEach(notice -> text.append("notice ").append(notice).append('\n'));
    text.append("gone ").append(goneChats).append(", pending ").append(pendingNotices).append('\n');
    shown.forEach(message -> text.append("shown ").append(message.chat()).append(' ').append(message.text().replace('\n', ' ')).append('\n'));
    positions.forEach(position -> text.append("position ").append(position).append('\n'));
    return text.toString();
  }

  /** A list as the bot tracks it and as the exchange has it (empty: the exchange never took it). */
  record ListFact(String clientListId, ChatRef chat, OrderListState tracked, OptionalLong orderListId, Optional<ListOrderStatus> onExchange) {}

  /**
   * A list the bot placed, as the exchange has it at the end, and what the trader's own actions did
   * with what it held. All quantities are the base asset's.
   *
   * @param name the list's name in the bot's sentences, e.g. {@code BTCUSDT OTOCO #8}
   * @param chat the chat it was placed from
   * @param hasEntry an OTO-family list (its entry buys or sells the position); false for an OCO,
   *     which protects a position held before
   * @param open the exchange still has it EXECUTING: something of it still works
   * @param entryFilled what its entry filled (zero for an OCO)
   * @param exitQuantity the size of its exits as they stand (after any /reduce), the most of them
   * @param exitsFilled what its exits filled, together
   * @param soldAtMarket what the market orders of the trader's /close or /panic close of it filled
   * @param reprotected what the lists placed in its place by /movestop (or its Retry) protect
   * @param cancelAsked its trader (or another user of its exchange account, with {@code /cancel})
   *     asked for it to be cancelled, nothing more ({@code /cancel}, the card's Cancel list, {@code
   *     /panic} without close)
   * @param actedFrom the chats the trader's actions on it (cancel, close, move, reduce, panic) were
   *     answered in: their confirmations' chats, and the chats of the audit entries about it
   */
  record Position(
      String name,
      ChatRef chat,
      boolean hasEntry,
      boolean open,
      BigDecimal entryFilled,
      BigDecimal exitQuantity,
      BigDecimal exitsFilled,
      BigDecimal soldAtMarket,
      BigDecimal reprotected,
      boolean cancelAsked,
      List<ChatRef> actedFrom) {

    /**
     * What the list was to guard and its exits did not close: for an OTO-family list the part of
     * its entry's fill its exits were sized for, for an OCO the quantity its exits protect; less
     * what its exits filled.
     */
    BigDecimal leftByItsExits() {
      BigDecimal guarded = hasEntry ? entryFilled.min(exitQuantity) : exitQuantity;
      return guarded.subtract(exitsFilled).max(BigDecimal.ZERO);
    }

    /**
     * What is held with nothing working on it: left by its exits, not sold at market, not protected
     * again. An OCO its trader asked to cancel leaves nothing of the bot's making: an OCO is nothing
     * but its exits, and taking them away is what was asked (an OTO-family list's entry may have
     * bought what the trader does not know of, so its cancel is judged).
     */
    BigDecimal unguarded() {
      return open || (!hasEntry && cancelAsked) ? BigDecimal.ZERO : leftByItsExits().subtract(soldAtMarket).subtract(reprotected).max(BigDecimal.ZERO);
    }
  }

  /** An order the exchange filled: its list and its role ({@code w}, {@code tp}, {@code sl}). */
  record Fill(long orderListId, long orderId, String role) {}
}
