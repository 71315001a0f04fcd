package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What each list the bot placed left held, from the exchange's truth (its legs' fills and sizes),
 * and what the trader's confirmed actions did with it: the market orders of a /close or /panic
 * close (found on the exchange by the client id the bot gives them, {@code oc-} and the
 * confirmation's key), and the lists a /movestop or its Retry placed instead ({@code ob-} and the
 * key). The actions are the claimed confirmations, read straight from their table (the bot keeps
 * them); their payload names the lists they act on.
 */
final class PositionFacts {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  /** A confirmed action: its confirmation's key, what it does, where it was answered, and the lists it names in order. */
  private record Action(String key, String kind, UserRef requester, ChatRef chat, List<String> lists, boolean close) {}

  /** A list the bot placed and the exchange's view of it. */
  record Placed(TrackedOrderList tracked, PlacedOrderList truth) {}

  /** An audit entry about a list (its subject {@code list:SYMBOL:ID}, then maybe more), and the chat it was made in. */
  private record Audited(String subject, ChatRef chat) {}

  private final SimExchange exchange;
  private final List<Action> actions;
  private final List<Audited> audited;
  private final List<Traders.Line> lines;

  private PositionFacts(SimExchange exchange, List<Action> actions, List<Audited> audited, List<Traders.Line> lines) {
    this.exchange = exchange;
    this.actions = actions;
    this.audited = audited;
    this.lines = lines;
  }

  /** @param lines what the traders wrote: a {@code /cancel ID} is a plain cancel, asked without a confirmation */
  static List<Observation.Position> read(String jdbcUrl, SimExchange exchange, List<Placed> placed, List<Traders.Line> lines) {
    PositionFacts facts = new PositionFacts(exchange, actions(jdbcUrl), audited(jdbcUrl), lines);
    return placed.stream().map(facts::position).toList();
  }

  private Observation.Position position(Placed placed) {
    TrackedOrderList tracked = placed.tracked();
    PlacedOrderList truth = placed.truth();
    String account = exchange.accountOf(SimExchange.keyOf(tracked.owner()));
    boolean hasEntry = false;
    BigDecimal entryFilled = BigDecimal.ZERO;
    BigDecimal exitQuantity = BigDecimal.ZERO;
    BigDecimal exitsFilled = BigDecimal.ZERO;
    for (ListLeg leg : truth.legs()) {
      LegReport report =
          exchange.truth(account, truth.symbol(), OrderRef.of(leg.orderId())).map(OrderSnapshot::report).orElseThrow();
      if (role(leg.clientOrderId().value()).equals("w")) {
        hasEntry = true;
        entryFilled = entryFilled.add(report.executedQty());
      } else {
        exitQuantity = exitQuantity.max(report.origQty().orElse(BigDecimal.ZERO));
        exitsFilled = exitsFilled.add(report.executedQty());
      }
    }
    String handle = truth.symbol().value() + ":" + truth.id().value();
    BigDecimal sold = BigDecimal.ZERO;
    BigDecimal reprotected = BigDecimal.ZERO;
    // a /cancel of any user of the account (the bot cancels any list of the key's account)
    boolean cancelAsked =
        lines.stream()
            .anyMatch(line -> line.text().equals("/cancel " + truth.id().value())
                && exchange.accountOf(SimExchange.keyOf(line.user())).equals(account));
    List<ChatRef> actedFrom = new ArrayList<>();
    for (Action action : actions) {
      int index = action.lists().indexOf(handle);
      if (index < 0) {
        continue;
      }
      if (!actedFrom.contains(action.chat())) {
        actedFrom.add(action.chat());
      }
      String requesterAccount = exchange.accountOf(SimExchange.keyOf(action.requester()));
      switch (action.kind()) {
        case "close-list" -> sold = sold.add(marketFilled(requesterAccount, truth.symbol(), "oc-" + action.key()));
        case "panic" -> {
          if (action.close()) {
            sold = sold.add(marketFilled(requesterAccount, truth.symbol(), "oc-" + action.key() + "-" + index));
          } else {
            cancelAsked = true;
          }
        }
        case "cancel-list", "cancel-all" -> cancelAsked = true;
        case "replace-list", "restore-stop" -> reprotected = reprotected.add(protects(requesterAccount, "ob-" + action.key()));
        default -> {
          // a reduction: it sells nothing and protects nothing new
        }
      }
    }
    // a /cancel has no confirmation: where it was answered is in the audit of its cancel, as for
    // every cancel a trade action sends first
    for (Audited entry : audited) {
      if (UnguardedPositions.names(entry.subject(), "list:" + handle) && !actedFrom.contains(entry.chat())) {
        actedFrom.add(entry.chat());
      }
    }
    String name = tracked.symbol() + " " + tracked.kind() + " #" + truth.id().value();
    return new Observation.Position(
        name, tracked.chat(), hasEntry, truth.orderStatus() == ListOrderStatus.EXECUTING, entryFilled, exitQuantity, exitsFilled,
        sold, reprotected, cancelAsked, List.copyOf(actedFrom));
  }

  private BigDecimal marketFilled(String account, Symbol symbol, String clientOrderId) {
    return exchange.truth(account, symbol, OrderRef.of(new ClientOrderId(clientOrderId)))
        .map(order -> order.report().executedQty())
        .orElse(BigDecimal.ZERO);
  }

  /**
   * What a list placed instead protects: an OCO's size as it was placed (it guards what the old list
   * held; a later /reduce of it is the trader's choice about the new list, judged as that list's own
   * position); nothing for an OTO-family list (its entry has yet to buy what its exits would guard),
   * or for one never placed (found while testing seed 125182, whose stop move's new OCO was then
   * reduced, and the old list was counted as unguarded by the amount trimmed).
   */
  private BigDecimal protects(String account, String clientListId) {
    ClientListId id = new ClientListId(clientListId);
    Optional<PlacedOrderList> list = exchange.truth(account, id);
    if (list.isEmpty() || list.get().legs().stream().anyMatch(leg -> role(leg.clientOrderId().value()).equals("w"))) {
      return BigDecimal.ZERO;
    }
    return exchange.ocoSizeAsSent(id).orElseThrow(() -> new IllegalStateException("an OCO never sent: " + clientListId));
  }

  private static String role(String clientOrderId) {
    return clientOrderId.substring(clientOrderId.lastIndexOf('-') + 1);
  }

  /** Every claimed confirmation that acts on lists, in the order they were made. */
  private static List<Action> actions(String jdbcUrl) {
    List<Action> actions = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT confirmation_id, requester_platform, requester_user_id, chat_id, payload FROM pending_confirmation"
                    + " WHERE state = 'CLAIMED' ORDER BY created_at, confirmation_id")) {
      while (rows.next()) {
        Map<String, String> payload = fields(rows.getString(5));
        String kind = payload.getOrDefault("action", "");
        List<String> lists =
            payload.containsKey("list")
                ? List.of(payload.get("list"))
                : (kind.equals("panic") || kind.equals("cancel-all")) && !payload.getOrDefault("lists", "").isEmpty()
                    ? List.of(payload.get("lists").split(",", -1))
                    : List.of();
        if (lists.isEmpty()) {
          continue;
        }
        String platform = rows.getString(2);
        actions.add(
            new Action(
                key(UUID.fromString(rows.getString(1))), kind, new UserRef(platform, rows.getString(3)),
                new ChatRef(platform, rows.getString(4)), lists, Boolean.parseBoolean(payload.get("close"))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the confirmations", e);
    }
    return actions;
  }

  /** Every audit entry about a list that names its chat, in the order they were made. */
  private static List<Audited> audited(String jdbcUrl) {
    List<Audited> entries = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT subject, chat_platform, chat_id FROM audit_log WHERE subject LIKE 'list:%' AND chat_id IS NOT NULL"
                    + " ORDER BY audit_id")) {
      while (rows.next()) {
        entries.add(new Audited(rows.getString(1), new ChatRef(rows.getString(2), rows.getString(3))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit", e);
    }
    return entries;
  }

  /** A payload's {@code key=value} lines (its first line is the version). */
  private static Map<String, String> fields(String payload) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : payload.split("\n", -1)) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        fields.putIfAbsent(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return fields;
  }

  /** A confirmation's key, as the bot makes its client ids from it ({@code ob-} or {@code oc-} and the key). */
  private static String key(UUID id) {
    ByteBuffer buffer = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return URL.encodeToString(buffer.array());
  }
}
