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
   * {@code owner}'s list with the exchange id {@code orderListId}, the newest if several (Binance
   * numbers lists per symbol, so ids repeat across symbols and across traders).
   */
  Optional<TrackedOrderList> findByOrderListId(UserRef owner, long orderListId);

  /**
   * The owner's {@linkplain OrderListState#isOpen() open} lists, oldest first. A list stays
   * EXECUTING until every leg has ended, even after the exchange called the list itself done.
   */
  List<TrackedOrderList> listOpen(UserRef owner);

  /**
   * Every user who has an {@linkplain OrderListState#isOpen() open} list, so their order events can
   * be resumed after a restart.
   */
  List<UserRef> ownersWithOpenLists();

  /**
   * Every list whose placement is not settled yet, of every owner, oldest first: those still
   * {@link OrderListState#UNKNOWN} (recorded when the Confirm was claimed, and neither the exchange's
   * answer nor a look-up has said since whether it exists), and those whose trader is still owed the
   * outcome ({@link #markAwaitingAnswer}: a crash before the answer, or "cannot tell"), even where an
   * event has since moved the list on.
   */
  List<TrackedOrderList> listUnsettled();

  /**
   * Moves every list in {@code from} to {@code to} (at start-up: the cancels the previous process
   * had on their way, CANCELLING, are over); answers how many. One conditional update.
   */
  int changeEveryState(OrderListState from, OrderListState to);

  /**
   * The trader is owed the placement's outcome: from the Confirm's claim until they are told it,
   * and again after "cannot tell"; true when this changed the flag.
   */
  boolean markAwaitingAnswer(String listClientOrderId);

  /** The trader has been given the answer; true when one was owed (one conditional update). */
  boolean clearAwaitingAnswer(String listClientOrderId);

  /** Sets the state whatever it was: for what the exchange reported (an order event). */
  boolean updateState(String listClientOrderId, OrderListState state);

  /**
   * Sets the state to {@code to} only if it is still {@code from}, in one statement: the bot's own
   * changes never overwrite what an order event (a fill) recorded meanwhile. Answers whether it
   * changed.
   */
  boolean changeState(String listClientOrderId, OrderListState from, OrderListState to);

  /**
   * Records that the list's order {@code clientOrderId} has ended (filled, cancelled, expired or
   * rejected), and whether it had filled, even in part (once recorded filled, it stays so); false
   * when the list has no such leg.
   */
  boolean markLegEnded(String listClientOrderId, String clientOrderId, boolean filled);

  /** Sets Binance's ids once known (e.g. after an UNKNOWN placement was found by client id). */
  boolean attachExchangeIds(String listClientOrderId, long orderListId, List<TrackedLeg> legs);
}
