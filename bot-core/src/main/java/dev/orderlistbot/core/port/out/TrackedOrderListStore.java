package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.util.List;
import java.util.Optional;

/**
 * The order lists the bot placed, keyed by our {@code listClientOrderId}.
 *
 * <p>Contract: {@link #record} inserts the list with its legs (a duplicate {@code
 * listClientOrderId} is a {@link StorageException}); updates stamp {@code updatedAt} from the store's
 * clock and return false when the list is unknown. Thread-safe.
 */
public interface TrackedOrderListStore {
  void record(TrackedOrderList list);

  Optional<TrackedOrderList> findByListClientOrderId(String listClientOrderId);

  Optional<TrackedOrderList> findByOrderListId(long orderListId);

  /**
   * The owner's lists still UNKNOWN or EXECUTING, oldest first. A list stays EXECUTING until every
   * leg has ended, even after the exchange called the list itself done.
   */
  List<TrackedOrderList> listOpen(UserRef owner);

  /**
   * Every user who has a list still UNKNOWN or EXECUTING, so their order events can be resumed
   * after a restart.
   */
  List<UserRef> ownersWithOpenLists();

  boolean updateState(String listClientOrderId, OrderListState state);

  /**
   * Records that the list's order {@code clientOrderId} has ended (filled, cancelled, expired or
   * rejected); false when the list has no such leg.
   */
  boolean markLegEnded(String listClientOrderId, String clientOrderId);

  /** Sets Binance's ids once known (e.g. after an UNKNOWN placement was found by client id). */
  boolean attachExchangeIds(String listClientOrderId, long orderListId, List<TrackedLeg> legs);
}
