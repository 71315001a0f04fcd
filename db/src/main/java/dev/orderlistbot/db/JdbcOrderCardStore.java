package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.LastPrice;
import dev.orderlistbot.core.port.out.OrderCard;
import dev.orderlistbot.core.port.out.OrderCardStore;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Table {@code order_card}: the legs are one text column, a line per leg ({@code <clientOrderId>
 * <status> <filled> <quote> [<last fill, epoch ms>]}, plain decimals; lines stored before the fill's
 * time was kept have four words), and the update is conditional on the revision.
 */
final class JdbcOrderCardStore implements OrderCardStore {
  static final String COLUMNS =
      "list_client_order_id, environment, chat_platform, chat_id, message_id, request_text, quote_asset, legs_text, last_price,"
          + " last_price_at, revision";

  private final Session session;
  private final Clock clock;

  JdbcOrderCardStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public boolean create(OrderCard card) {
    Objects.requireNonNull(card, "card");
    return session.run(
        "store an order card",
        c ->
            Transactions.insertIfAbsent(
                c,
                conn -> {
                  try (PreparedStatement insert =
                      conn.prepareStatement(
                          "INSERT INTO order_card (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, card.listClientOrderId());
                    bind(insert, card, 2);
                    insert.setObject(12, Rows.timestamp(clock.instant()));
                    return insert.executeUpdate();
                  }
                }));
  }

  @Override
  public Optional<OrderCard> find(String listClientOrderId) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    return session.run(
        "read an order card",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT " + COLUMNS + " FROM order_card WHERE list_client_order_id = ?")) {
            select.setString(1, listClientOrderId);
            return Rows.first(select, row -> at(row, 1));
          }
        });
  }

  @Override
  public boolean update(OrderCard card) {
    Objects.requireNonNull(card, "card");
    return session.run(
        "update an order card",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE order_card SET environment = ?, chat_platform = ?, chat_id = ?, message_id = ?, request_text = ?,"
                      + " quote_asset = ?, legs_text = ?, last_price = ?, last_price_at = ?, revision = ?, updated_at = ?"
                      + " WHERE list_client_order_id = ? AND revision = ?")) {
            bind(update, card, 1);
            update.setObject(11, Rows.timestamp(clock.instant()));
            update.setString(12, card.listClientOrderId());
            update.setLong(13, card.revision() - 1);
            return update.executeUpdate() == 1;
          }
        });
  }

  /** Binds the ten columns after the key, from {@code first} on. */
  private static void bind(PreparedStatement statement, OrderCard card, int first) throws SQLException {
    statement.setString(first, card.environment().name());
    statement.setString(first + 1, card.chat().platform());
    statement.setString(first + 2, card.chat().chatId());
    statement.setString(first + 3, card.messageId().orElse(null));
    statement.setString(first + 4, card.request());
    statement.setString(first + 5, card.quoteAsset().orElse(null));
    statement.setString(first + 6, legs(card.legs()));
    statement.setString(first + 7, card.lastPrice().map(p -> p.price().toPlainString()).orElse(null));
    statement.setObject(first + 8, card.lastPrice().map(p -> Rows.timestamp(p.at())).orElse(null));
    statement.setLong(first + 9, card.revision());
  }

  private static String legs(List<CardLeg> legs) {
    List<String> lines = new ArrayList<>();
    for (CardLeg leg : legs) {
      lines.add(leg.clientOrderId() + " " + leg.status().name() + " " + leg.filledQuantity().toPlainString() + " "
          + leg.cumulativeQuote().toPlainString() + leg.lastFillAt().map(t -> " " + t.toEpochMilli()).orElse(""));
    }
    return String.join("\n", lines);
  }

  private static List<CardLeg> legs(String text) {
    List<CardLeg> legs = new ArrayList<>();
    if (text.isEmpty()) {
      return legs;
    }
    for (String line : text.split("\n", -1)) {
      String[] words = line.split(" ", -1);
      if (words.length != 4 && words.length != 5) {
        throw new IllegalArgumentException("a stored card leg is four words, or five with its last fill's time");
      }
      java.util.Optional<java.time.Instant> filledAt =
          words.length == 5 ? java.util.Optional.of(java.time.Instant.ofEpochMilli(Long.parseLong(words[4]))) : java.util.Optional.empty();
      legs.add(new CardLeg(words[0], LegStatus.fromBinance(words[1]), new BigDecimal(words[2]), new BigDecimal(words[3]), filledAt));
    }
    return legs;
  }

  /**
   * The card in {@link #COLUMNS}' eleven columns of {@code row} from column {@code first} on. Read
   * by position: H2 builds a map of the column labels for each result set read by name.
   */
  static OrderCard at(ResultSet row, int first) throws SQLException {
    String price = row.getString(first + 8);
    Optional<LastPrice> lastPrice =
        price == null ? Optional.empty() : Optional.of(new LastPrice(new BigDecimal(price), Rows.instant(row, first + 9)));
    return new OrderCard(
        row.getString(first),
        TradingEnvironment.valueOf(row.getString(first + 1)),
        new ChatRef(row.getString(first + 2), row.getString(first + 3)),
        Optional.ofNullable(row.getString(first + 4)),
        row.getString(first + 5),
        Optional.ofNullable(row.getString(first + 6)),
        legs(row.getString(first + 7)),
        lastPrice,
        row.getLong(first + 10));
  }

  @Override
  public int purgeSettledBefore(java.time.Instant cutoff) {
    java.util.Objects.requireNonNull(cutoff, "cutoff");
    return session.run(
        "purge the cards of settled lists",
        c -> Rows.deleteBefore(
            c,
            "DELETE FROM order_card WHERE updated_at < ? AND NOT EXISTS (SELECT 1 FROM placed_order_list l"
                + " WHERE l.list_client_order_id = order_card.list_client_order_id"
                + " AND (l.state NOT IN ('ALL_DONE', 'REJECTED') OR l.updated_at >= ?))",
            cutoff));
  }
}
