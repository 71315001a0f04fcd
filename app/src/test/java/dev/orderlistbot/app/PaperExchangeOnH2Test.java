package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper exchange keeps its state in the database: a list placed before a restart fills after it. */
class PaperExchangeOnH2Test {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final UserRef ALICE = new UserRef("telegram", "42");
  static final ApiCredentials KEY = new ApiCredentials(KeyType.HMAC, "paper-telegram-42", Secret.of("paper"));
  static final ClientListId ID = ClientListId.forKey("restart1");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final List<OrderListUpdate> received = new CopyOnWriteArrayList<>();
  ScheduledExecutorService scheduler;

  @BeforeEach
  void startScheduler() {
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void anOpenPaperListSurvivesARestartOfTheWholeDatabase() {
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock);
        PaperExchange paper = paper(db)) {
      OrderListRequest.Oco oco =
          new OrderListRequest.Oco(
              BTCUSDT,
              Quantity.of("0.01"),
              new OcoPair(
                  Side.SELL,
                  new Leg.LimitMaker(Price.of("32000")),
                  new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));
      assertThat(paper.place(KEY, oco, ID)).isInstanceOf(PlacementResult.Accepted.class);
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock);
        PaperExchange paper = paper(db)) {
      paper.watch(ALICE, KEY);
      assertThat(paper.openOrderLists(KEY)).singleElement().satisfies(l -> assertThat(l.clientId()).isEqualTo(ID));

      paper.setPrice(BTCUSDT, Price.of("32000"));

      assertThat(received).last().isInstanceOfSatisfying(OrderListUpdate.ListChanged.class, l -> assertThat(l.isDone()).isTrue());
      assertThat(paper.orderList(KEY, OrderListRef.of(ID)).orElseThrow().orderStatus()).isEqualTo(ListOrderStatus.ALL_DONE);
      // 0.01 × 32000 = 320 USDT, less the default 0.1% maker fee (0.32 USDT)
      assertThat(paper.balances(KEY).free(Asset.of("USDT"))).isEqualByComparingTo("10319.68");
    }
  }

  @Test
  void anOpenPaperListSavedAsOneTextBeforeV20IsStillThereAfterTheUpgradeAndTheStateIsSplit() throws Exception {
    // the text the code before V20 saved: the rest, every account, "end" (what joining a state gives)
    PaperStateStore memory = PaperStateStore.inMemory();
    try (PaperExchange before = PaperExchange.create(
        PaperConfig.defaults().withoutPriceWalk(), clock, scheduler, (owner, update) -> {}, memory)) {
      assertThat(before.place(KEY, oco(), ID)).isInstanceOf(PlacementResult.Accepted.class);
      before.balances(new ApiCredentials(KeyType.HMAC, "paper-telegram-7", Secret.of("paper")));
    }
    PaperState state = memory.load().orElseThrow();
    StringBuilder whole = new StringBuilder(state.rest());
    state.accounts().forEach(section -> whole.append(section.text()));
    whole.append("end\n");
    Database.open(DbConfig.h2File(dataDir), clock).close();
    // the row as V20 leaves it: layout 1 (the column's default), no account rows
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        PreparedStatement insert = c.prepareStatement("INSERT INTO paper_state (state_id, snapshot, saved_at) VALUES (1, ?, ?)")) {
      insert.setString(1, whole.toString());
      insert.setObject(2, OffsetDateTime.parse("2026-03-01T09:00:00Z"));
      insert.executeUpdate();
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock);
        PaperExchange paper = paper(db)) {
      assertThat(db.paperState().load().orElseThrow()).isEqualTo(state);
      paper.watch(ALICE, KEY);
      assertThat(paper.openOrderLists(KEY)).singleElement().satisfies(l -> assertThat(l.clientId()).isEqualTo(ID));
      paper.setPrice(BTCUSDT, Price.of("32000"));
      assertThat(paper.orderList(KEY, OrderListRef.of(ID)).orElseThrow().orderStatus()).isEqualTo(ListOrderStatus.ALL_DONE);
    }
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.paperState().load().orElseThrow().accounts())
          .extracting(PaperState.Section::key)
          .containsExactly("paper-telegram-42", "paper-telegram-7");
    }
  }

  private static OrderListRequest.Oco oco() {
    return new OrderListRequest.Oco(
        BTCUSDT,
        Quantity.of("0.01"),
        new OcoPair(
            Side.SELL,
            new Leg.LimitMaker(Price.of("32000")),
            new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));
  }

  private PaperExchange paper(Database db) {
    return PaperExchange.create(
        PaperConfig.defaults().withoutPriceWalk(), clock, scheduler, (owner, update) -> received.add(update), db.paperState());
  }
}
