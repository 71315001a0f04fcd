package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Binance answers, as records mirroring it field for field (only the fields the bot
 * reads; Jackson ignores the rest). Decimals arrive as strings and are read straight into {@link
 * BigDecimal}. Each record maps itself to core types; nothing here leaves the package.
 */
final class BinanceJson {
  private BinanceJson() {}

  /**
   * A copy of {@code base} set up for Binance: decimals never pass through {@code double}
   * ({@code USE_BIG_DECIMAL_FOR_FLOATS}), unknown fields are ignored (Binance adds fields often).
   */
  static ObjectMapper configure(ObjectMapper base) {
    return base.copy()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** {@code GET /api/v3/time}. */
  record ServerTime(long serverTime) {}

  /** {@code GET /api/v3/ticker/price?symbol=}. */
  record TickerPrice(String symbol, BigDecimal price) {}

  /** {@code GET /api/v3/ticker/24hr?symbol=}: only the quote asset's 24-hour volume is read. */
  record Ticker24hr(String symbol, BigDecimal quoteVolume) {}

  /** {@code GET /api/v3/referencePrice?symbol=}: {@code referencePrice} is null when none is set now. */
  record ReferencePrice(String symbol, BigDecimal referencePrice) {}

  /** {@code GET /api/v3/avgPrice?symbol=}: the average over the symbol's last {@code mins} minutes. */
  record AvgPrice(int mins, BigDecimal price) {}

  /**
   * One entry of {@code GET /api/v3/openOrders}, only what the open-order limits count. {@code
   * isWorking} is false for an untriggered stop and a pending leg; where it is missing, {@code
   * workingTime = -1} says the same.
   */
  record OpenOrderEntry(String symbol, long orderListId, String type, Boolean isWorking, Long workingTime) {
    OpenOrder toDomain() {
      boolean working = isWorking != null ? isWorking : workingTime == null || workingTime >= 0;
      Optional<OrderListId> list = orderListId < 0 ? Optional.empty() : Optional.of(new OrderListId(orderListId));
      return new OpenOrder(new Symbol(symbol), list, ReportedOrderType.fromBinance(type), working);
    }
  }

  /** {@code GET /api/v3/account}: balances and whether the account may trade. */
  record Account(List<AssetBalance> balances, Boolean canTrade) {
    Balances toDomain() {
      Map<Asset, Balance> byAsset = new HashMap<>();
      for (AssetBalance balance : balances == null ? List.<AssetBalance>of() : balances) {
        asset(balance.asset())
            .ifPresent(asset -> byAsset.put(asset, new Balance(asset, zeroIfNull(balance.free()), zeroIfNull(balance.locked()))));
      }
      return new Balances(byAsset, Optional.ofNullable(canTrade));
    }
  }

  record AssetBalance(String asset, BigDecimal free, BigDecimal locked) {}

  /** Binance may list asset codes the bot's {@link Asset} does not accept; those are skipped. */
  private static Optional<Asset> asset(String code) {
    try {
      return Optional.of(new Asset(code));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** An order list: create, cancel and query answers (queries carry no {@code orderReports}). */
  record OrderList(
      long orderListId,
      String contingencyType,
      String listStatusType,
      String listOrderStatus,
      String listClientOrderId,
      long transactionTime,
      String symbol,
      List<ListOrder> orders,
      List<OrderReport> orderReports) {

    PlacedOrderList toDomain() {
      Map<Long, OrderReport> reports = new HashMap<>();
      for (OrderReport report : orderReports == null ? List.<OrderReport>of() : orderReports) {
        reports.put(report.orderId(), report);
      }
      List<ListLeg> legs = new ArrayList<>();
      for (ListOrder order : orders == null ? List.<ListOrder>of() : orders) {
        OrderReport report = reports.get(order.orderId());
        legs.add(
            new ListLeg(
                order.orderId(),
                new ClientOrderId(order.clientOrderId()),
                Optional.ofNullable(report).flatMap(OrderReport::toDomain)));
      }
      return new PlacedOrderList(
          new OrderListId(orderListId),
          new ClientListId(listClientOrderId),
          new Symbol(symbol),
          ContingencyType.fromBinance(contingencyType),
          ListStatusType.fromBinance(listStatusType),
          ListOrderStatus.fromBinance(listOrderStatus),
          Instant.ofEpochMilli(transactionTime),
          legs);
    }
  }

  /** An entry of a list's {@code orders}: ids only. */
  record ListOrder(String symbol, long orderId, String clientOrderId) {}

  /**
   * An entry of {@code orderReports}. ACK answers carry ids only; OPO pending legs carry no {@code
   * origQty}; a cancel's {@code clientOrderId} is the cancel request's and {@code
   * origClientOrderId} the leg's.
   */
  record OrderReport(
      String symbol,
      long orderId,
      long orderListId,
      String clientOrderId,
      String origClientOrderId,
      BigDecimal price,
      BigDecimal origQty,
      BigDecimal executedQty,
      BigDecimal cummulativeQuoteQty,
      String status,
      String timeInForce,
      String type,
      String side,
      BigDecimal stopPrice,
      String expiryReason) {

    /** The leg's state, or empty for an ACK report that has none. */
    Optional<LegReport> toDomain() {
      if (type == null || side == null || status == null) {
        return Optional.empty();
      }
      return Optional.of(
          report(type, side, status, price, origQty, executedQty, cummulativeQuoteQty, stopPrice, timeInForce, expiryReason));
    }
  }

  /** {@code GET /api/v3/order}. */
  record Order(
      String symbol,
      long orderId,
      long orderListId,
      String clientOrderId,
      BigDecimal price,
      BigDecimal origQty,
      BigDecimal executedQty,
      BigDecimal cummulativeQuoteQty,
      String status,
      String timeInForce,
      String type,
      String side,
      BigDecimal stopPrice,
      long updateTime,
      String expiryReason) {

    OrderSnapshot toDomain() {
      return new OrderSnapshot(
          new Symbol(symbol),
          orderId,
          orderListId < 0 ? Optional.empty() : Optional.of(new OrderListId(orderListId)),
          new ClientOrderId(clientOrderId),
          report(type, side, status, price, origQty, executedQty, cummulativeQuoteQty, stopPrice, timeInForce, expiryReason),
          Instant.ofEpochMilli(updateTime));
    }
  }

  /** A leg's state from the fields every order answer shares. */
  static LegReport report(
      String type,
      String side,
      String status,
      BigDecimal price,
      BigDecimal origQty,
      BigDecimal executedQty,
      BigDecimal cummulativeQuoteQty,
      BigDecimal stopPrice,
      String timeInForce,
      String expiryReason) {
    LegStatus legStatus = LegStatus.fromBinance(status);
    return new LegReport(
        ReportedOrderType.fromBinance(type),
        Side.valueOf(side),
        legStatus,
        zeroIfNull(price),
        Optional.ofNullable(origQty),
        zeroIfNull(executedQty),
        Optional.ofNullable(stopPrice).filter(stop -> stop.signum() > 0),
        timeInForce(timeInForce),
        zeroIfNull(cummulativeQuoteQty),
        // since 2026-03-26 RESULT/FULL answers say why an order expired; older or thinner ones do not
        expiryReason == null || expiryReason.isEmpty()
            ? ExpiryReason.unexplained(legStatus)
            : ExpiryReason.fromBinance(expiryReason));
  }

  private static Optional<TimeInForce> timeInForce(String text) {
    for (TimeInForce tif : TimeInForce.values()) {
      if (tif.name().equals(text)) {
        return Optional.of(tif);
      }
    }
    return Optional.empty();
  }

  private static BigDecimal zeroIfNull(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
