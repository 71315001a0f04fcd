package dev.orderlistbot.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExchangeClient} promises where the paper exchange and Binance must agree: the
 * ids a placement carries, "not found" as empty rather than a failure, a refused placement as {@code
 * Rejected} (never {@code Unknown}), a cancel of nothing as {@code NotFound} with {@code -2011}, and the rules
 * of BTCUSDT. Run against {@code PaperExchange} and against {@code BinanceExchangeClient} on the
 * loopback Binance stub; each subclass arranges its exchange in the {@code given...} hooks.
 */
public abstract class ExchangeClientContract {
  protected static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  protected static final ClientListId ID = ClientListId.forKey("contract1");

  protected abstract ExchangeClient exchange();

  protected abstract ApiCredentials credentials();

  /** The exchange will accept the next OCO (the stub answers with these ids, as Binance would). */
  protected abstract void givenTheNextOcoIsAccepted(ClientListId id);

  /** The account cannot pay for a SELL of 0.2 BTC. */
  protected abstract void givenTheAccountCannotAffordTheOco();

  /** The exchange knows no list named {@link #ID} and no order named {@code gone}. */
  protected abstract void givenNothingIsKnown();

  /** The exchange shows the OCO just placed as open: its take-profit on the book, its stop waiting. */
  protected abstract void givenTheOcoShowsOpen(PlacedOrderList list);

  protected static OrderListRequest.Oco sellOco(String quantity) {
    return new OrderListRequest.Oco(
        BTCUSDT,
        Quantity.of(quantity),
        new OcoPair(
            Side.SELL,
            new Leg.LimitMaker(Price.of("32000")),
            new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));
  }

  @Test
  public void anAcceptedOcoCarriesTheClientIdsTheBotAssigned() {
    givenTheNextOcoIsAccepted(ID);

    PlacementResult result = exchange().place(credentials(), sellOco("0.01"), ID);

    assertThat(result).isInstanceOfSatisfying(PlacementResult.Accepted.class, accepted -> {
      assertThat(accepted.list().clientId()).isEqualTo(ID);
      assertThat(accepted.list().symbol()).isEqualTo(BTCUSDT);
      assertThat(accepted.list().contingencyType()).isEqualTo(ContingencyType.OCO);
      assertThat(accepted.list().listStatus()).isEqualTo(ListStatusType.EXEC_STARTED);
      assertThat(accepted.list().orderStatus()).isEqualTo(ListOrderStatus.EXECUTING);
      assertThat(accepted.list().legs())
          .extracting(ListLeg::clientOrderId)
          .containsExactlyInAnyOrder(ID.legId(LegRole.TAKE_PROFIT), ID.legId(LegRole.STOP_LOSS));
      assertThat(accepted.list().legs()).allSatisfy(leg -> assertThat(leg.report().orElseThrow().status()).isEqualTo(LegStatus.NEW));
    });
  }

  @Test
  public void aPlacementTheAccountCannotAffordIsRejectedWithMinus2010NotUnknown() {
    givenTheAccountCannotAffordTheOco();

    PlacementResult result = exchange().place(credentials(), sellOco("0.2"), ID);

    assertThat(result).isInstanceOfSatisfying(PlacementResult.Rejected.class, rejected -> {
      assertThat(rejected.error()).isInstanceOf(ExchangeError.Refused.class);
      assertThat(rejected.code()).isEqualTo(-2010);
      assertThat(rejected.reason()).startsWith("Not enough free balance for this order");
    });
  }

  @Test
  public void unknownListsAndOrdersAreEmptyNotFailures() {
    givenNothingIsKnown();

    assertThat(exchange().orderList(credentials(), OrderListRef.of(ID))).isEmpty();
    assertThat(exchange().order(credentials(), BTCUSDT, OrderRef.of(new ClientOrderId("gone")))).isEmpty();
  }

  @Test
  public void cancellingWhatDoesNotExistIsNotFoundWithMinus2011() {
    givenNothingIsKnown();

    assertThatThrownBy(() -> exchange().cancel(credentials(), BTCUSDT, OrderListRef.of(ID)))
        .isInstanceOfSatisfying(ExchangeException.class, e -> {
          assertThat(e.error()).isInstanceOf(ExchangeError.NotFound.class);
          assertThat(e.error().code()).isEqualTo(-2011);
          assertThat(e.error().reason()).startsWith("Nothing to cancel");
        });
  }

  @Test
  public void anAcceptedOcoIsTwoOpenOrdersOfOneListWhoseStopWaitsForItsTrigger() {
    givenTheNextOcoIsAccepted(ID);
    PlacementResult placed = exchange().place(credentials(), sellOco("0.01"), ID);
    assertThat(placed).isInstanceOf(PlacementResult.Accepted.class);
    PlacedOrderList list = ((PlacementResult.Accepted) placed).list();
    givenTheOcoShowsOpen(list);

    List<OpenOrder> open = exchange().openOrders(credentials(), Optional.of(BTCUSDT));

    assertThat(open).hasSize(2).allSatisfy(order -> {
      assertThat(order.symbol()).isEqualTo(BTCUSDT);
      assertThat(order.orderListId()).contains(list.id());
    });
    assertThat(open).filteredOn(OpenOrder::waitingAlgo).extracting(OpenOrder::type)
        .containsExactly(ReportedOrderType.STOP_LOSS_LIMIT);
    assertThat(exchange().openOrders(credentials(), Optional.empty())).hasSize(2);
  }

  @Test
  public void btcusdtRulesCarryBinancesFilters() {
    SymbolRules rules = exchange().rules(BTCUSDT);

    assertThat(rules.ocoAllowed() && rules.otoAllowed() && rules.opoAllowed() && rules.allowTrailingStop()).isTrue();
    assertThat(rules.filter(SymbolFilter.PriceFilter.class).orElseThrow().tickSize()).isEqualByComparingTo("0.01");
    assertThat(rules.filter(SymbolFilter.LotSize.class).orElseThrow().stepSize()).isEqualByComparingTo("0.00001");
    assertThat(rules.filter(SymbolFilter.Notional.class).orElseThrow().minNotional()).isEqualByComparingTo("5");
    assertThat(rules.filter(SymbolFilter.MaxNumOrderLists.class).orElseThrow().limit()).isEqualTo(20);
    assertThat(rules.filter(SymbolFilter.MaxNumAlgoOrders.class).orElseThrow().limit()).isEqualTo(5);
  }
}
