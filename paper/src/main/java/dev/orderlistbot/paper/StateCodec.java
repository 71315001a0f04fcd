package dev.orderlistbot.paper;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.port.out.PaperState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The paper exchange's state as versioned, line-based text, for {@code PaperStateStore}: the store
 * keeps each account's records apart and everything before them as the rest. One record
 * per line: a type word, then {@code key=value} fields (values {@link Fields#escape escaped}; an
 * empty value means absent). Decimals are plain strings, instants ISO-8601. Records that follow an
 * {@code account} belong to it; {@code leg} records belong to the {@code list} before them.
 *
 * <pre>
 * orderlist-bot paper-state 1
 * ids epoch=lq2x1k list=2 order=3 event=4
 * price symbol=BTCUSDT value=30000
 * candle symbol=BTCUSDT time=2026-03-01T10:00:00Z open=30000 high=30100 low=29950 close=30050
 * account key=paper-telegram-42
 * balance asset=BTC free=0.09 locked=0.01
 * list id=1 client=ob-7f3a9c symbol=BTCUSDT kind=OCO status=EXECUTING time=... lock=BTC locked=0.01
 * leg id=1 client=ob-7f3a9c-sl role=STOP_LOSS type=STOP_LOSS_LIMIT side=SELL qty=0.01 price=28900 ... amends=1 ...
 * market id=4 client=ob-7f3a9c-mk symbol=BTCUSDT side=SELL qty=0.01 quote=300 time=...
 * end
 * </pre>
 *
 * <p>Readers ignore fields they do not know, so a field can be added without a new version; a
 * snapshot of a newer version than this code reads is refused rather than misread.
 */
final class StateCodec {
  static final int VERSION = 1;
  private static final String HEADER = "orderlist-bot paper-state ";
  private static final Pattern LINES = Pattern.compile("\r?\n");
  private static final Pattern SPACE = Pattern.compile(" ");

  private StateCodec() {}

  /** The whole book as text, every account encoded afresh (see {@link StateText} for the saves). */
  static String encode(Book book) {
    StringBuilder out = new StringBuilder();
    head(out, book);
    book.accounts.values().forEach(account -> account(out, account));
    return end(out);
  }

  /** The header, the id sequences, the prices and the candles: everything before the accounts. */
  static void head(StringBuilder out, Book book) {
    out.append(HEADER).append(VERSION).append('\n');
    line(out, "ids", "epoch", book.epoch, "list", book.nextListId, "order", book.nextOrderId, "event", book.nextEventSeq);
    book.prices.forEach((symbol, price) -> line(out, "price", "symbol", symbol.value(), "value", price));
    book.tape.quarterHours().forEach((symbol, quarters) -> quarters.forEach(c -> line(out, "candle", "symbol", symbol.value(),
        "time", c.openTime(), "open", c.open(), "high", c.high(), "low", c.low(), "close", c.close())));
  }

  /** One account's records: the account line, its balances, lists with their legs, and market orders. */
  static void account(StringBuilder out, Account account) {
    line(out, "account", "key", account.apiKey);
    for (Balance b : account.balanceList()) {
      line(out, "balance", "asset", b.asset().code(), "free", b.free(), "locked", b.locked());
    }
    for (PaperList list : account.lists) {
      line(out, "list", "id", list.id.value(), "client", list.clientId.value(), "symbol", list.symbol.value(),
          "kind", list.kind, "status", list.status, "time", list.transactionTime,
          "lock", list.lockAsset.map(Asset::code), "locked", list.locked);
      list.legs.forEach(leg -> leg(out, leg));
    }
    for (OrderSnapshot market : account.marketOrders) {
      LegReport r = market.report();
      line(out, "market", "id", market.orderId(), "client", market.clientOrderId().value(), "symbol",
          market.symbol().value(), "side", r.side(), "qty", r.executedQty(), "quote", r.cumulativeQuote(),
          "time", market.updateTime());
    }
  }

  /**
   * A saved state as one text, as {@link #encode} writes it: the rest, the accounts, the end. (A
   * state saved before issue 19 is one text, answered as the rest: it ends there.)
   */
  static String joined(PaperState state) {
    StringBuilder out = new StringBuilder(state.rest());
    state.accounts().forEach(section -> out.append(section.text()));
    return end(out);
  }

  /** Reads a saved state back; see {@link #decode(String, Markets, PaperConfig)}. */
  static Book decode(PaperState state, Markets markets, PaperConfig config) {
    return decode(joined(state), markets, config);
  }

  /** Closes a text that {@link #head} began and accounts followed. */
  static String end(StringBuilder out) {
    return out.append("end\n").toString();
  }

  private static void leg(StringBuilder out, PaperLeg leg) {
    line(out, "leg", "id", leg.orderId, "client", leg.clientOrderId.value(), "role", leg.role, "type", leg.type,
        "side", leg.side, "qty", leg.quantity, "price", leg.price, "stop", leg.stopPrice, "trail", leg.trailingBips,
        "tif", leg.timeInForce, "status", leg.status, "executed", leg.executedQty, "quote", leg.cumulativeQuote,
        "expiry", leg.expiryReason, "triggered", leg.triggered, "tracking", leg.tracking, "extreme", leg.extreme,
        "resting", leg.resting, "amends", leg.amends, "created", leg.createdAt, "updated", leg.updatedAt);
  }

  private static void line(StringBuilder out, String type, Object... keysAndValues) {
    out.append(type);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.append(' ').append(keysAndValues[i]).append('=').append(Fields.escape(text(keysAndValues[i + 1])));
    }
    out.append('\n');
  }

  private static String text(Object value) {
    return switch (value) {
      case Optional<?> optional -> optional.map(StateCodec::text).orElse("");
      case BigDecimal decimal -> decimal.toPlainString();
      default -> value.toString();
    };
  }

  /**
   * Reads a snapshot back.
   *
   * @throws IllegalArgumentException if the text is not a snapshot this code can read (with the line
   *     number), including one of a newer version
   */
  static Book decode(String text, Markets markets, PaperConfig config) {
    List<String> lines = LINES.splitAsStream(text).toList();
    String header = lines.isEmpty() ? "" : lines.getFirst();
    if (!header.startsWith(HEADER)) {
      throw new IllegalArgumentException("not a paper exchange snapshot");
    }
    if (!header.equals(HEADER + VERSION)) {
      throw new IllegalArgumentException(
          "the paper exchange snapshot is '" + header.substring(HEADER.length()) + "'; this version reads " + VERSION);
    }
    Reader reader = new Reader(markets, config);
    for (int n = 1; n < lines.size(); n++) {
      try {
        if (reader.read(lines.get(n))) {
          return reader.book();
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("paper exchange snapshot, line " + (n + 1) + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException("the paper exchange snapshot is cut short (no 'end' line)");
  }

  /** Decoding state: the records read so far. */
  private static final class Reader {
    private final Markets markets;
    private final PaperConfig config;
    private Book book;
    private Account account;
    private Fields listFields;
    private final List<PaperLeg> legs = new ArrayList<>();

    Reader(Markets markets, PaperConfig config) {
      this.markets = markets;
      this.config = config;
    }

    /** Reads one line; true at the end. */
    boolean read(String line) {
      if (line.isBlank()) {
        return false;
      }
      String[] words = SPACE.split(line);
      Fields f = Fields.of(words);
      switch (words[0]) {
        case "ids" -> {
          book = new Book(markets, config, f.text("epoch"));
          book.nextListId = f.number("list");
          book.nextOrderId = f.number("order");
          book.nextEventSeq = f.number("event");
        }
        case "price" -> book().prices.put(Symbol.of(f.text("symbol")), f.decimal("value"));
        case "candle" ->
            book().tape.restore(Symbol.of(f.text("symbol")), new Candle(
                f.instant("time"), f.decimal("open"), f.decimal("high"), f.decimal("low"), f.decimal("close")));
        case "account" -> {
          flushList();
          account = new Account(f.text("key"));
          book().accounts.put(account.apiKey, account);
        }
        case "balance" ->
            account().put(new Balance(Asset.of(f.text("asset")), f.decimal("free"), f.decimal("locked")));
        case "list" -> {
          flushList();
          account();
          listFields = f;
        }
        case "leg" -> {
          if (listFields == null) {
            throw new IllegalArgumentException("a leg outside any list");
          }
          legs.add(leg(f));
        }
        case "market" -> {
          flushList();
          account().marketOrders.add(MarketFills.filled(
              f.number("id"), new ClientOrderId(f.text("client")), Symbol.of(f.text("symbol")), Side.valueOf(f.text("side")),
              f.decimal("qty"), f.decimal("quote"), f.instant("time")));
        }
        case "end" -> {
          flushList();
          return true;
        }
        default -> {
          // a record type of a later version; its fields are not needed to run
        }
      }
      return false;
    }

    private void flushList() {
      if (listFields == null) {
        return;
      }
      Fields f = listFields;
      PaperList list = new PaperList(
          new OrderListId(f.number("id")), new ClientListId(f.text("client")), Symbol.of(f.text("symbol")),
          ListKind.valueOf(f.text("kind")), account.apiKey, legs, f.instant("time"));
      list.status = ListOrderStatus.valueOf(f.text("status"));
      f.optional("lock").ifPresent(asset -> list.hold(Asset.of(asset), f.decimal("locked")));
      account.lists.add(list);
      listFields = null;
      legs.clear();
    }

    private static PaperLeg leg(Fields f) {
      PaperLeg leg = new PaperLeg(
          f.number("id"), new ClientOrderId(f.text("client")), LegRole.valueOf(f.text("role")),
          OrderType.valueOf(f.text("type")), Side.valueOf(f.text("side")), f.optionalDecimal("qty"),
          f.optionalDecimal("price"), f.optionalDecimal("stop"), (int) f.number("trail"),
          f.optional("tif").map(TimeInForce::valueOf), LegStatus.valueOf(f.text("status")), f.instant("created"));
      leg.executedQty = f.decimal("executed");
      leg.cumulativeQuote = f.decimal("quote");
      leg.expiryReason = ExpiryReason.valueOf(f.text("expiry"));
      leg.triggered = f.flag("triggered");
      leg.tracking = f.flag("tracking");
      leg.extreme = f.optionalDecimal("extreme");
      leg.resting = f.flag("resting");
      // snapshots from before amends were counted have none
      leg.amends = f.optional("amends").map(Integer::parseInt).orElse(0);
      leg.updatedAt = f.instant("updated");
      return leg;
    }

    Book book() {
      if (book == null) {
        throw new IllegalArgumentException("the 'ids' line must come first");
      }
      return book;
    }

    private Account account() {
      if (account == null) {
        throw new IllegalArgumentException("a record outside any account");
      }
      return account;
    }
  }
}
