package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a button does once its presser wins the one-shot claim of its {@code PendingConfirmation}:
 * the payload of the confirmation, encoded by {@link PendingActionCodec}. Everything needed is
 * decided when the buttons are shown (the concrete prices, the exact lists), never at the press.
 */
sealed interface PendingAction {

  /** Whether running it places orders (a preview's Confirm), rather than cancelling them. */
  default boolean places() {
    return this instanceof PlaceList || this instanceof PlacePlan || this instanceof RestoreStop;
  }

  /**
   * The list whose stop this moves ({@link ReplaceList}) or puts back after a refused move ({@link
   * RestoreStop}): its replacement takes that list's place, so it inherits its loss basis and no
   * safety limit counts it as a new list. Empty for every other action.
   */
  default Optional<ListHandle> replacedList() {
    return switch (this) {
      case ReplaceList replace -> Optional.of(replace.old());
      case RestoreStop restore -> Optional.of(restore.old());
      default -> Optional.empty();
    };
  }

  /** Place this exact order list (the preview's Confirm). */
  record PlaceList(OrderListRequest request) implements PendingAction {
    public PlaceList {
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * Place every list of a take-profit ladder, in target order, each exactly once (the plan preview's
   * Confirm); with {@code breakeven}, the other lists' stops move to breakeven when the first target
   * fills.
   */
  record PlacePlan(List<OrderListRequest> requests, boolean breakeven) implements PendingAction {
    public PlacePlan {
      requests = List.copyOf(requests);
      if (requests.size() < 2) {
        throw new IllegalArgumentException("a plan has two lists or more");
      }
    }
  }

  /** Cancel one order list (a Cancel button under {@code /orders}). */
  record CancelList(ListHandle list) implements PendingAction {
    public CancelList {
      Objects.requireNonNull(list, "list");
    }
  }

  /** Cancel exactly the lists that were open when {@code /cancel all} asked. */
  record CancelAll(List<ListHandle> lists) implements PendingAction {
    public CancelAll {
      lists = List.copyOf(lists);
    }
  }

  /**
   * Move a list's stop: cancel {@code old}, then place {@code replacement} (a fresh client id, the
   * new stop, everything else as it was) right after. {@code change} says what moves, for the trader.
   */
  record ReplaceList(ListHandle old, OrderListRequest replacement, String change) implements PendingAction {
    public ReplaceList {
      Objects.requireNonNull(old, "old");
      Objects.requireNonNull(replacement, "replacement");
      Objects.requireNonNull(change, "change");
    }
  }

  /**
   * The Retry after a stop's move whose {@code replacement} was refused: {@code old} is cancelled
   * already (its row ended), so this only places {@code replacement} once more, under a fresh client
   * id. It puts back the protection of a position the trader held before, so the safety limits treat
   * it like the move itself: no limit refuses it, it inherits {@code old}'s loss basis, and its
   * notional is not counted against the day again.
   */
  record RestoreStop(ListHandle old, OrderListRequest replacement) implements PendingAction {
    public RestoreStop {
      Objects.requireNonNull(old, "old");
      Objects.requireNonNull(replacement, "replacement");
    }
  }

  /**
   * Close a list at market: cancel it, then one MARKET order on {@code side} for the base quantity it
   * still held when the cancel answered (never the balance).
   */
  record CloseList(ListHandle list, Side side) implements PendingAction {
    public CloseList {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(side, "side");
    }
  }

  /**
   * One MARKET order for a quantity no list protects any more (after a stop's move failed, or a close
   * was cut short). {@code earlier}: the market orders of that close (and of its Retries) which a
   * settlement found not sent; they are looked up again before this one is sent, and nothing is sent
   * if one went after all (the close ran on, on an instance whose lease had lapsed).
   */
  record CloseHeld(Symbol symbol, Side side, BigDecimal quantity, List<ClientOrderId> earlier) implements PendingAction {
    /** A Retry keeps no more earlier orders than this (each is one more look-up). */
    static final int MAX_EARLIER = 5;

    public CloseHeld {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(side, "side");
      quantity = Decimals.positive(quantity, "quantity");
      earlier = List.copyOf(earlier);
      if (earlier.size() > MAX_EARLIER) {
        // the first (the close's own, the one most likely held up) and the latest
        List<ClientOrderId> kept = new ArrayList<>(List.of(earlier.getFirst()));
        kept.addAll(earlier.subList(earlier.size() - MAX_EARLIER + 1, earlier.size()));
        earlier = List.copyOf(kept);
      }
    }

    /** With no earlier market order that might have been sent. */
    CloseHeld(Symbol symbol, Side side, BigDecimal quantity) {
      this(symbol, side, quantity, List.of());
    }

    /** The same, after {@code order} was found not sent. */
    CloseHeld andNotSent(ClientOrderId order) {
      List<ClientOrderId> more = new ArrayList<>(earlier);
      more.add(order);
      return new CloseHeld(symbol, side, quantity, more);
    }
  }

  /** Lower a list's quantity to {@code newQuantity} by amending its order {@code leg}, keeping its place in the queue. */
  record ReduceList(ListHandle list, ClientOrderId leg, BigDecimal newQuantity) implements PendingAction {
    public ReduceList {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(leg, "leg");
      newQuantity = Decimals.positive(newQuantity, "newQuantity");
    }
  }

  /**
   * {@code /panic}: cancel exactly the lists that were open when it asked, each once; with {@code
   * close}, also close at market what each held.
   */
  record Panic(List<ListHandle> lists, boolean close) implements PendingAction {
    public Panic {
      lists = List.copyOf(lists);
    }
  }

  /** An admin's {@code /panic all}: cancel exactly these lists of these users, each once. */
  record PanicAll(List<OwnedList> lists) implements PendingAction {
    public PanicAll {
      lists = List.copyOf(lists);
    }
  }

  /** An order list and the user whose account holds it. */
  record OwnedList(UserRef owner, ListHandle list) {
    public OwnedList {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(list, "list");
    }
  }

  /** An order list on the exchange, by symbol and Binance's order-list id. */
  record ListHandle(Symbol symbol, long orderListId) {
    public ListHandle {
      Objects.requireNonNull(symbol, "symbol");
      if (orderListId < 0) {
        throw new IllegalArgumentException("order list ids are not negative");
      }
    }
  }
}
