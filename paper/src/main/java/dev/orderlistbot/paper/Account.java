package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One paper account, keyed by API key: balances (free and locked, exact, never negative) and every
 * order list it placed, open and finished, oldest first. Mutable, guarded by the exchange's lock.
 */
final class Account {
  final String apiKey;
  private final Map<Asset, Balance> balances = new TreeMap<>(Comparator.comparing(Asset::code));
  final List<PaperList> lists = new ArrayList<>();
  /** The MARKET orders it placed, oldest first (each filled at once): what an order query finds. */
  final List<OrderSnapshot> marketOrders = new ArrayList<>();

  Account(String apiKey) {
    this.apiKey = apiKey;
  }

  Balances balances() {
    return new Balances(balances);
  }

  /** Every balance, ordered by asset code. */
  List<Balance> balanceList() {
    return List.copyOf(balances.values());
  }

  void put(Balance balance) {
    balances.put(balance.asset(), balance);
  }

  BigDecimal free(Asset asset) {
    return balance(asset).free();
  }

  /** Moves {@code amount} from free to locked; false (and nothing changes) if not enough is free. */
  boolean lock(Asset asset, BigDecimal amount) {
    Balance now = balance(asset);
    if (now.free().compareTo(amount) < 0) {
      return false;
    }
    put(new Balance(asset, now.free().subtract(amount), now.locked().add(amount)));
    return true;
  }

  /** Moves {@code amount} from locked back to free. */
  void release(Asset asset, BigDecimal amount) {
    Balance now = balance(asset);
    put(new Balance(asset, now.free().add(amount), now.locked().subtract(amount)));
  }

  /** Spends {@code amount} of the locked balance (it leaves the account). */
  void spendLocked(Asset asset, BigDecimal amount) {
    Balance now = balance(asset);
    put(new Balance(asset, now.free(), now.locked().subtract(amount)));
  }

  /** Spends {@code amount} of the free balance; false (and nothing changes) if not enough is free. */
  boolean spendFree(Asset asset, BigDecimal amount) {
    Balance now = balance(asset);
    if (now.free().compareTo(amount) < 0) {
      return false;
    }
    put(new Balance(asset, now.free().subtract(amount), now.locked()));
    return true;
  }

  void credit(Asset asset, BigDecimal amount) {
    Balance now = balance(asset);
    put(new Balance(asset, now.free().add(amount), now.locked()));
  }

  /** The account's list named by {@code ref}; by client id, the most recent one (ids are reused). */
  Optional<PaperList> list(OrderListRef ref) {
    return switch (ref) {
      case OrderListRef.ById byId -> lists.stream().filter(l -> l.id.equals(byId.id())).findFirst();
      case OrderListRef.ByClientId byClient ->
          lists.reversed().stream().filter(l -> l.clientId.equals(byClient.clientId())).findFirst();
    };
  }

  List<PaperList> open() {
    return lists.stream().filter(PaperList::isOpen).toList();
  }

  /** The legs of open lists that have not ended, on {@code symbol} or (empty) on every symbol. */
  List<OpenOrder> openOrders(Optional<Symbol> symbol) {
    return open().stream()
        .filter(list -> symbol.map(list.symbol::equals).orElse(true))
        .flatMap(list -> list.legs.stream().filter(leg -> !leg.isFinal()).map(leg -> leg.open(list.symbol, list.id)))
        .toList();
  }

  List<PaperList> open(Symbol symbol) {
    return lists.stream().filter(l -> l.isOpen() && l.symbol.equals(symbol)).toList();
  }

  /**
   * The order named by {@code ref} on {@code symbol}: a leg of one of its lists or one of its MARKET
   * orders; by client id, the most recent one (ids are reused).
   */
  Optional<OrderSnapshot> order(Symbol symbol, OrderRef ref) {
    Stream<OrderSnapshot> legs =
        lists.stream()
            .filter(list -> list.symbol.equals(symbol))
            .flatMap(list -> list.legs.stream().map(leg -> leg.snapshot(symbol, list.id)));
    Stream<OrderSnapshot> markets = marketOrders.stream().filter(order -> order.symbol().equals(symbol));
    return Stream.concat(legs, markets)
        .filter(order -> switch (ref) {
          case OrderRef.ById byId -> order.orderId() == byId.orderId();
          case OrderRef.ByClientId byClient -> order.clientOrderId().equals(byClient.clientId());
        })
        .max(Comparator.comparingLong(OrderSnapshot::orderId));
  }

  /** Records a MARKET order, forgetting the oldest beyond {@code keep}. */
  void addMarketOrder(OrderSnapshot order, int keep) {
    marketOrders.add(order);
    while (marketOrders.size() > Math.max(keep, 1)) {
      marketOrders.removeFirst();
    }
  }

  /** Forgets the oldest finished lists beyond {@code keep}. */
  void forgetFinishedBeyond(int keep) {
    long finished = lists.stream().filter(l -> !l.isOpen()).count();
    for (var it = lists.iterator(); it.hasNext() && finished > keep; ) {
      if (!it.next().isOpen()) {
        it.remove();
        finished--;
      }
    }
  }

  private Balance balance(Asset asset) {
    return balances.getOrDefault(asset, new Balance(asset, BigDecimal.ZERO, BigDecimal.ZERO));
  }
}
