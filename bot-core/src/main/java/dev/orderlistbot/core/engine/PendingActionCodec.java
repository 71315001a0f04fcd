package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.domain.order.PendingOrder;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stable text form of a {@link PendingAction}, stored as a confirmation's payload: one {@code
 * key=value} per line, version first, every price and quantity in plain decimal notation. Example:
 *
 * <pre>
 * v=1
 * action=place
 * kind=OCO
 * symbol=BTCUSDT
 * qty=0.01
 * side=SELL
 * above=LIMIT_MAKER price=32000
 * below=STOP_LOSS_LIMIT stop=29000 price=28900 tif=GTC
 * </pre>
 *
 * A plan ({@code action=place-plan}) writes {@code lists=N}, {@code be=true|false} and each list's
 * request as above with the prefix {@code l0.}, {@code l1.}, ... Decoding a payload this version
 * did not write throws {@link IllegalArgumentException}. Stateless.
 */
final class PendingActionCodec {
  private static final String VERSION = "1";

  /** More lists than any symbol allows open (Binance: MAX_NUM_ORDER_LISTS is 20 on BTCUSDT). */
  static final int MAX_PLAN_LISTS = 100;

  /** Every open list of many users: far more than a plan, still bounded. */
  static final int MAX_PANIC_LISTS = 100_000;

  private PendingActionCodec() {}

  static String encode(PendingAction action) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("v", VERSION);
    switch (action) {
      case PendingAction.PlaceList(OrderListRequest request) -> {
        out.put("action", "place");
        encodeRequest(request, out);
      }
      case PendingAction.PlacePlan(List<OrderListRequest> requests, boolean breakeven) -> {
        out.put("action", "place-plan");
        out.put("lists", Integer.toString(requests.size()));
        out.put("be", Boolean.toString(breakeven));
        for (int i = 0; i < requests.size(); i++) {
          Map<String, String> one = new LinkedHashMap<>();
          encodeRequest(requests.get(i), one);
          String prefix = "l" + i + ".";
          one.forEach((k, v) -> out.put(prefix + k, v));
        }
      }
      case PendingAction.CancelList(ListHandle list) -> {
        out.put("action", "cancel-list");
        out.put("list", handle(list));
      }
      case PendingAction.CancelAll(List<ListHandle> lists) -> {
        out.put("action", "cancel-all");
        out.put("lists", String.join(",", lists.stream().map(PendingActionCodec::handle).toList()));
      }
      case PendingAction.ReplaceList(ListHandle old, OrderListRequest replacement, String change) -> {
        out.put("action", "replace-list");
        out.put("list", handle(old));
        out.put("change", oneLine(change));
        encodeRequest(replacement, out);
      }
      case PendingAction.RestoreStop(ListHandle old, OrderListRequest replacement) -> {
        out.put("action", "restore-stop");
        out.put("list", handle(old));
        encodeRequest(replacement, out);
      }
      case PendingAction.Panic(List<ListHandle> lists, boolean close) -> {
        out.put("action", "panic");
        out.put("lists", String.join(",", lists.stream().map(PendingActionCodec::handle).toList()));
        out.put("close", Boolean.toString(close));
      }
      case PendingAction.PanicAll(List<PendingAction.OwnedList> lists) -> {
        out.put("action", "panic-all");
        out.put("lists", Integer.toString(lists.size()));
        for (int i = 0; i < lists.size(); i++) {
          out.put("l" + i + ".owner", lists.get(i).owner().toString());
          out.put("l" + i + ".list", handle(lists.get(i).list()));
        }
      }
      case PendingAction.CloseList(ListHandle list, Side side) -> {
        out.put("action", "close-list");
        out.put("list", handle(list));
        out.put("side", side.name());
      }
      case PendingAction.CloseHeld(Symbol symbol, Side side, BigDecimal quantity, List<ClientOrderId> earlier) -> {
        out.put("action", "close-held");
        out.put("symbol", symbol.value());
        out.put("side", side.name());
        out.put("qty", quantity.toPlainString());
        if (!earlier.isEmpty()) {
          out.put("before", String.join(",", earlier.stream().map(ClientOrderId::value).toList()));
        }
      }
      case PendingAction.ReduceList(ListHandle list, ClientOrderId leg, BigDecimal newQuantity) -> {
        out.put("action", "reduce-list");
        out.put("list", handle(list));
        out.put("leg", leg.value());
        out.put("qty", newQuantity.toPlainString());
      }
    }
    StringBuilder text = new StringBuilder();
    out.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return text.toString();
  }

  /**
   * The payload of an action whose Confirm needs a step-up code: one more line, {@code step-up=true},
   * which {@link #decode} ignores and {@link #needsStepUp} reads. Set when the preview is shown, so a
   * press can never run it without the code, whatever button token it carries.
   */
  static String withStepUp(String payload) {
    return payload + "\nstep-up=true";
  }

  static boolean needsStepUp(String payload) {
    return "true".equals(Fields.parse(payload).values().get("step-up"));
  }

  static PendingAction decode(String payload) {
    Fields in = Fields.parse(payload);
    if (!VERSION.equals(in.get("v"))) {
      throw new IllegalArgumentException("unknown payload version");
    }
    return switch (in.get("action")) {
      case "place" -> new PendingAction.PlaceList(decodeRequest(in));
      case "place-plan" -> decodePlan(in);
      case "cancel-list" -> new PendingAction.CancelList(handle(in.get("list")));
      case "cancel-all" ->
          new PendingAction.CancelAll(
              in.get("lists").isEmpty()
                  ? List.of()
                  : Arrays.stream(in.get("lists").split(",", -1)).map(PendingActionCodec::handle).toList());
      case "replace-list" -> new PendingAction.ReplaceList(handle(in.get("list")), decodeRequest(in), in.get("change"));
      case "restore-stop" -> new PendingAction.RestoreStop(handle(in.get("list")), decodeRequest(in));
      case "panic" ->
          new PendingAction.Panic(
              in.get("lists").isEmpty()
                  ? List.of()
                  : Arrays.stream(in.get("lists").split(",", -1)).map(PendingActionCodec::handle).toList(),
              Boolean.parseBoolean(in.get("close")));
      case "panic-all" -> decodePanicAll(in);
      case "close-list" -> new PendingAction.CloseList(handle(in.get("list")), Side.valueOf(in.get("side")));
      case "close-held" ->
          new PendingAction.CloseHeld(
              new Symbol(in.get("symbol")), Side.valueOf(in.get("side")), new BigDecimal(in.get("qty")),
              Optional.ofNullable(in.values().get("before")).stream()
                  .flatMap(ids -> Arrays.stream(ids.split(",", -1))).map(ClientOrderId::new).toList());
      case "reduce-list" ->
          new PendingAction.ReduceList(handle(in.get("list")), new ClientOrderId(in.get("leg")), new BigDecimal(in.get("qty")));
      default -> throw new IllegalArgumentException("unknown payload action");
    };
  }

  private static PendingAction.PlacePlan decodePlan(Fields in) {
    int lists = Integer.parseInt(in.get("lists"));
    if (lists < 2 || lists > MAX_PLAN_LISTS) {
      throw new IllegalArgumentException("a plan has 2.." + MAX_PLAN_LISTS + " lists");
    }
    List<OrderListRequest> requests = new ArrayList<>();
    for (int i = 0; i < lists; i++) {
      requests.add(decodeRequest(in.within("l" + i + ".")));
    }
    return new PendingAction.PlacePlan(requests, Boolean.parseBoolean(in.get("be")));
  }

  private static void encodeRequest(OrderListRequest request, Map<String, String> out) {
    out.put("kind", request.kind().name());
    out.put("symbol", request.symbol().value());
    switch (request) {
      case OrderListRequest.Oco oco -> {
        out.put("qty", oco.quantity().plain());
        pair("", oco.pair(), out);
      }
      case OrderListRequest.Oto oto -> {
        working(oto.working(), out);
        PendingOrder pending = oto.pending();
        out.put("p.side", pending.side().name());
        out.put("p.qty", pending.quantity().plain());
        out.put("p.leg", leg(pending.leg()));
      }
      case OrderListRequest.Otoco otoco -> {
        working(otoco.working(), out);
        out.put("p.qty", otoco.pendingQuantity().plain());
        pair("p.", otoco.pending(), out);
      }
      case OrderListRequest.Opo opo -> {
        working(opo.working(), out);
        out.put("p.leg", leg(opo.pending()));
      }
      case OrderListRequest.Opoco opoco -> {
        working(opoco.working(), out);
        pair("p.", opoco.pending(), out);
      }
    }
  }

  private static OrderListRequest decodeRequest(Fields in) {
    Symbol symbol = new Symbol(in.get("symbol"));
    return switch (ListKind.valueOf(in.get("kind"))) {
      case OCO -> new OrderListRequest.Oco(symbol, Quantity.of(in.get("qty")), pair("", in));
      case OTO ->
          new OrderListRequest.Oto(
              symbol,
              working(in),
              new PendingOrder(
                  Side.valueOf(in.get("p.side")), Quantity.of(in.get("p.qty")), leg(in.get("p.leg"))));
      case OTOCO -> new OrderListRequest.Otoco(symbol, working(in), Quantity.of(in.get("p.qty")), pair("p.", in));
      case OPO -> new OrderListRequest.Opo(symbol, working(in), leg(in.get("p.leg")));
      case OPOCO -> new OrderListRequest.Opoco(symbol, working(in), pair("p.", in));
    };
  }

  private static void working(WorkingOrder working, Map<String, String> out) {
    out.put("w.side", working.side().name());
    out.put("w.qty", working.quantity().plain());
    out.put("w.leg", leg(working.leg()));
  }

  private static WorkingOrder working(Fields in) {
    return new WorkingOrder(Side.valueOf(in.get("w.side")), Quantity.of(in.get("w.qty")), leg(in.get("w.leg")));
  }

  private static void pair(String prefix, OcoPair pair, Map<String, String> out) {
    out.put(prefix + "side", pair.side().name());
    out.put(prefix + "above", leg(pair.above()));
    out.put(prefix + "below", leg(pair.below()));
  }

  private static OcoPair pair(String prefix, Fields in) {
    return new OcoPair(
        Side.valueOf(in.get(prefix + "side")), leg(in.get(prefix + "above")), leg(in.get(prefix + "below")));
  }

  /** {@code TYPE [stop=S] [trail=BIPS] [price=P] [tif=T]}. */
  private static String leg(Leg leg) {
    StringBuilder text = new StringBuilder(leg.type().name());
    leg.stopPrice().ifPresent(p -> text.append(" stop=").append(p.plain()));
    leg.trailingDelta().ifPresent(d -> text.append(" trail=").append(d.bips()));
    leg.limitPrice().ifPresent(p -> text.append(" price=").append(p.plain()));
    leg.timeInForce().ifPresent(t -> text.append(" tif=").append(t.name()));
    return text.toString();
  }

  private static Leg leg(String text) {
    String[] words = text.split(" ", -1);
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("malformed leg attribute");
      }
      attrs.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    Optional<Price> price = Optional.ofNullable(attrs.get("price")).map(Price::of);
    Optional<TimeInForce> tif = Optional.ofNullable(attrs.get("tif")).map(TimeInForce::valueOf);
    return switch (OrderType.valueOf(words[0])) {
      case LIMIT_MAKER -> new Leg.LimitMaker(price.orElseThrow());
      case LIMIT -> new Leg.Limit(price.orElseThrow(), tif.orElseThrow());
      case STOP_LOSS -> new Leg.StopLoss(trigger(attrs));
      case STOP_LOSS_LIMIT -> new Leg.StopLossLimit(trigger(attrs), price.orElseThrow(), tif.orElseThrow());
      case TAKE_PROFIT -> new Leg.TakeProfit(trigger(attrs));
      case TAKE_PROFIT_LIMIT -> new Leg.TakeProfitLimit(trigger(attrs), price.orElseThrow(), tif.orElseThrow());
    };
  }

  private static Trigger trigger(Map<String, String> attrs) {
    return new Trigger(
        Optional.ofNullable(attrs.get("stop")).map(Price::of),
        Optional.ofNullable(attrs.get("trail")).map(b -> new TrailingDelta(Integer.parseInt(b))));
  }

  /** A text kept on one line of the payload. */
  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  private static PendingAction.PanicAll decodePanicAll(Fields in) {
    int count = Integer.parseInt(in.get("lists"));
    if (count < 0 || count > MAX_PANIC_LISTS) {
      throw new IllegalArgumentException("too many lists in a panic");
    }
    List<PendingAction.OwnedList> lists = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String owner = in.get("l" + i + ".owner");
      int colon = owner.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("malformed owner");
      }
      UserRef user = new UserRef(owner.substring(0, colon), owner.substring(colon + 1));
      lists.add(new PendingAction.OwnedList(user, handle(in.get("l" + i + ".list"))));
    }
    return new PendingAction.PanicAll(lists);
  }

  private static String handle(ListHandle list) {
    return list.symbol().value() + ":" + list.orderListId();
  }

  private static ListHandle handle(String text) {
    int colon = text.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("malformed list handle");
    }
    return new ListHandle(new Symbol(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
  }

  /** The {@code key=value} lines of a payload. */
  private record Fields(Map<String, String> values) {
    static Fields parse(String payload) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String line : payload.split("\n", -1)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return new Fields(values);
    }

    /** The fields whose key starts with {@code prefix}, without it. */
    Fields within(String prefix) {
      Map<String, String> inner = new LinkedHashMap<>();
      values.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          inner.put(k.substring(prefix.length()), v);
        }
      });
      return new Fields(inner);
    }

    String get(String key) {
      String value = values.get(key);
      if (value == null) {
        throw new IllegalArgumentException("payload misses " + key);
      }
      return value;
    }
  }
}
