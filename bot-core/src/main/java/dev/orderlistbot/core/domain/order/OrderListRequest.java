package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import java.util.Objects;

/**
 * One order list ready to be sent, exactly as Binance's create endpoints take it
 * ({@code POST /api/v3/orderList/oco|oto|otoco|opo|opoco}). Switch over it exhaustively.
 *
 * <p>Example: {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900} becomes an {@link Oco} with
 * a SELL pair whose above leg is {@code LIMIT_MAKER 32000} and whose below leg is {@code
 * STOP_LOSS_LIMIT stop 29000 limit 28900 GTC}.
 */
public sealed interface OrderListRequest {

  Symbol symbol();

  ListKind kind();

  /** One-cancels-the-other: two legs on one side with one quantity. */
  record Oco(Symbol symbol, Quantity quantity, OcoPair pair) implements OrderListRequest {
    public Oco {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(pair, "pair");
    }

    public Side side() {
      return pair.side();
    }

    @Override
    public ListKind kind() {
      return ListKind.OCO;
    }
  }

  /** One-triggers-the-other: a working order that, once filled, places one pending order. */
  record Oto(Symbol symbol, WorkingOrder working, PendingOrder pending) implements OrderListRequest {
    public Oto {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(working, "working");
      Objects.requireNonNull(pending, "pending");
    }

    @Override
    public ListKind kind() {
      return ListKind.OTO;
    }
  }

  /** One-triggers-an-OCO: a working order that, once filled, places a pending OCO pair. */
  record Otoco(Symbol symbol, WorkingOrder working, Quantity pendingQuantity, OcoPair pending)
      implements OrderListRequest {
    public Otoco {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(working, "working");
      Objects.requireNonNull(pendingQuantity, "pendingQuantity");
      Objects.requireNonNull(pending, "pending");
    }

    @Override
    public ListKind kind() {
      return ListKind.OTOCO;
    }
  }

  /**
   * One-pays-the-other: a BUY working order whose SELL pending order sells exactly what the entry
   * received (no pending quantity is sent). Binance refuses any other sides (-1222, -1223).
   */
  record Opo(Symbol symbol, WorkingOrder working, Leg pending) implements OrderListRequest {
    public Opo {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(working, "working");
      Objects.requireNonNull(pending, "pending");
      requireBuyEntry(working);
    }

    public Side pendingSide() {
      return Side.SELL;
    }

    @Override
    public ListKind kind() {
      return ListKind.OPO;
    }
  }

  /** One-pays-an-OCO: a BUY working order whose SELL OCO pair sells what the entry received. */
  record Opoco(Symbol symbol, WorkingOrder working, OcoPair pending) implements OrderListRequest {
    public Opoco {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(working, "working");
      Objects.requireNonNull(pending, "pending");
      requireBuyEntry(working);
      if (pending.side() != Side.SELL) {
        throw new IllegalArgumentException("the pending pair of an OPOCO must be SELL");
      }
    }

    @Override
    public ListKind kind() {
      return ListKind.OPOCO;
    }
  }

  private static void requireBuyEntry(WorkingOrder working) {
    if (working.side() != Side.BUY) {
      throw new IllegalArgumentException("OPO and OPOCO need a BUY working order");
    }
  }
}
