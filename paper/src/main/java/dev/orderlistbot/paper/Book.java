package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The paper exchange's whole state: last prices, accounts with their balances and order lists, and
 * the id sequences. Everything here is saved by {@link StateCodec}. Not thread-safe: the exchange
 * guards it with one lock.
 *
 * <p>Operations record the events they cause ({@link #drainEvents()}), in the order a Binance user
 * data stream would carry them, and whether anything worth saving changed ({@link #takeChanged()}).
 *
 * <p>It also records which accounts may have changed ({@link #takeTouched()}), so a save encodes only
 * those (see {@link StateText}). The rule is coarse on purpose, so that no change is missed: every
 * account this class hands out ({@link #account}, {@link #existing}) or whose lists it hands out
 * ({@link #openLists}), and every account a list is added to or an event emitted for, counts as
 * touched, whether the caller changes it or only reads it. Nothing else reaches an account: outside
 * this class {@link #accounts} is read only by {@link StateCodec} (which also fills it when
 * decoding), {@link StateText}, and for its size. A new way into an account must record it too;
 * {@code StateTextTest} compares every save with the whole book encoded afresh.
 */
final class Book {
  /** One event for the account {@code apiKey}. */
  record Emitted(String apiKey, OrderListUpdate update) {}

  final Markets markets;
  final PaperConfig config;
  /** Names this state's event ids, so ids never repeat even if the state is ever started afresh. */
  final String epoch;
  long nextListId = 1;
  long nextOrderId = 1;
  long nextEventSeq = 1;
  final Map<Symbol, BigDecimal> prices = new LinkedHashMap<>();
  /** In the order the accounts were opened; only ever appended to ({@link StateText} relies on it). */
  final SequencedMap<String, Account> accounts = new LinkedHashMap<>();
  /** The candles of the prices set; a day of them saved as 15-minute candles (see {@link CandleTape}). */
  final CandleTape tape = new CandleTape();

  private final List<Emitted> emitted = new ArrayList<>();
  private boolean changed;
  private Set<String> touched = new HashSet<>();

  Book(Markets markets, PaperConfig config, String epoch) {
    this.markets = markets;
    this.config = config;
    this.epoch = epoch;
  }

  /** A new state: every listed symbol at its starting price, no accounts. */
  static Book fresh(Markets markets, PaperConfig config, Instant now) {
    Book book = new Book(markets, config, Long.toString(now.toEpochMilli(), Character.MAX_RADIX));
    book.priceNewSymbols();
    return book;
  }

  /** Gives every listed symbol that has no price yet (newly listed since a snapshot) its starting price. */
  void priceNewSymbols() {
    for (Symbol symbol : markets.symbols()) {
      if (!prices.containsKey(symbol)) {
        var start = config.startingPrices().get(symbol);
        if (start == null) {
          throw new IllegalArgumentException("PaperConfig has no starting price for " + symbol);
        }
        prices.put(symbol, start.value());
        changed = true;
      }
    }
  }

  /** The account of {@code apiKey}, opened with the starting balances on first use. */
  Account account(String apiKey) {
    Account account = accounts.get(apiKey);
    if (account == null) {
      account = new Account(apiKey);
      for (var start : config.startingBalances().entrySet()) {
        account.put(new Balance(start.getKey(), start.getValue(), BigDecimal.ZERO));
      }
      accounts.put(apiKey, account);
      changed = true;
    }
    touched.add(apiKey);
    return account;
  }

  Optional<Account> existing(String apiKey) {
    Account account = accounts.get(apiKey);
    if (account != null) {
      touched.add(apiKey);
    }
    return Optional.ofNullable(account);
  }

  BigDecimal price(Symbol symbol) {
    BigDecimal price = prices.get(symbol);
    if (price == null) {
      throw new IllegalStateException("no price for " + symbol);
    }
    return price;
  }

  /** The last price of every listed symbol. */
  Map<Symbol, Price> lastPrices() {
    Map<Symbol, Price> last = new LinkedHashMap<>();
    prices.forEach((symbol, price) -> last.put(symbol, new Price(price)));
    return Collections.unmodifiableMap(last);
  }

  void setPrice(Symbol symbol, BigDecimal price) {
    prices.put(symbol, price);
    changed = true;
  }

  /** Every open list on {@code symbol}, of every account, oldest first: the matching order. */
  List<PaperList> openLists(Symbol symbol) {
    List<PaperList> open = accounts.values().stream()
        .flatMap(a -> a.open(symbol).stream())
        .sorted(Comparator.comparingLong(l -> l.id.value()))
        .toList();
    open.forEach(list -> touched.add(list.apiKey));
    return open;
  }

  /** Records a new list: takes its ids from the sequences and adds it to its account. */
  void add(Account account, PaperList list) {
    nextListId = Math.max(nextListId, list.id.value() + 1);
    for (PaperLeg leg : list.legs) {
      nextOrderId = Math.max(nextOrderId, leg.orderId + 1);
    }
    account.lists.add(list);
    touched.add(account.apiKey);
    changed = true;
  }

  /** A list just finished: forget the account's oldest finished lists beyond the configured count. */
  void finished(PaperList list) {
    existing(list.apiKey).ifPresent(a -> a.forgetFinishedBeyond(config.finishedListsKept()));
  }

  void emitLeg(PaperList list, PaperLeg leg, LegExecution execution, BigDecimal lastQty, BigDecimal lastPrice, Instant now) {
    touched.add(list.apiKey);
    emitted.add(new Emitted(list.apiKey, Events.leg(nextEventId(), list, leg, execution, lastQty, lastPrice, now)));
    changed = true;
  }

  void emitList(PaperList list, Instant now) {
    touched.add(list.apiKey);
    emitted.add(new Emitted(list.apiKey, Events.list(nextEventId(), list, now)));
    changed = true;
  }

  void markChanged() {
    changed = true;
  }

  /** The events recorded since the last call, oldest first. */
  List<Emitted> drainEvents() {
    List<Emitted> out = List.copyOf(emitted);
    emitted.clear();
    return out;
  }

  /** Whether anything changed since the last call. */
  boolean takeChanged() {
    boolean was = changed;
    changed = false;
    return was;
  }

  /** The keys of the accounts touched since the last call (see the class comment). */
  Set<String> takeTouched() {
    Set<String> was = touched;
    touched = new HashSet<>();
    return was;
  }

  private String nextEventId() {
    return "paper-" + epoch + "-" + nextEventSeq++;
  }
}
