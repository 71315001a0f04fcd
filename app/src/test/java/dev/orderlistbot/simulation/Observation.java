package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.port.out.OrderListState;
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
 * @param shownTexts every message the bot showed, as it now stands
 */
record Observation(
    Map<String, Integer> placements,
    List<ListFact> lists,
    List<Fill> fills,
    List<SimChats.Delivery> notices,
    Set<ChatRef> goneChats,
    long pendingNotices,
    List<String> shownTexts) {

  /** Everything, one fact a line, for reading a replayed seed. */
  String describe() {
    StringBuilder text = new StringBuilder("placements " + placements + "\n");
    lists.forEach(list -> text.append("list ").append(list).append('\n'));
    fills.forEach(fill -> text.append("fill ").append(fill).append('\n'));
    notices.forEach(notice -> text.append("notice ").append(notice).append('\n'));
    text.append("gone ").append(goneChats).append(", pending ").append(pendingNotices).append('\n');
    shownTexts.forEach(shown -> text.append("shown ").append(shown.replace('\n', ' ')).append('\n'));
    return text.toString();
  }

  /** A list as the bot tracks it and as the exchange has it (empty: the exchange never took it). */
  record ListFact(String clientListId, ChatRef chat, OrderListState tracked, OptionalLong orderListId, Optional<ListOrderStatus> onExchange) {}

  /** An order the exchange filled: its list and its role ({@code w}, {@code tp}, {@code sl}). */
  record Fill(long orderListId, long orderId, String role) {}
}
