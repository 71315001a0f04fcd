package dev.orderlistbot.bench;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.engine.NotificationRouter;
import dev.orderlistbot.core.engine.OwnerUpdate;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The router's own CPU per event, apart from the stream and the harness (issue 19): {@code
 * --accounts} lists (5,000) in an H2 file database as production opens it, then, on ONE thread,
 * {@code --events} partial fills of their take-profit legs (30,000 a round, round-robin over the
 * accounts, a growing cumulative quantity, as {@link StreamScaleLoad} sends them) handed to {@link
 * NotificationRouter#routeAll} in batches of {@code --batch} (64, the lanes' batch). {@code --rounds}
 * rounds (6); the first warms the JIT; it prints the thread CPU time per event of each round and the
 * lowest of the others (on this 2-core VM rounds alternate between about 20 and 40 us, so more
 * rounds give a steadier lowest). The thread's own CPU time is far less disturbed by other work on a shared machine
 * than the process CPU or the throughput of the whole stream.
 */
public final class RouterCpu {
  private RouterCpu() {}

  public static void main(String[] args) throws Exception {
    int accounts = intArg(args, "--accounts", 5_000);
    int events = intArg(args, "--events", 30_000);
    int batchSize = intArg(args, "--batch", 64);
    int rounds = Math.max(2, intArg(args, "--rounds", 6));
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("router-cpu");
    try (Database database = Database.open(DbConfig.h2File(dir), clock)) {
      List<UserRef> users = new ArrayList<>(accounts);
      List<String> legIds = new ArrayList<>(accounts);
      Instant now = clock.instant();
      for (int i = 0; i < accounts; i++) {
        UserRef user = new UserRef("bench", "u" + i);
        ClientListId list = ClientListId.forKey("scale" + i);
        database.stores().orderLists().record(
            new TrackedOrderList(
                list.value(), user, new ChatRef("bench", "u" + i), ListKind.OCO, Symbol.of("BTCUSDT"),
                OptionalLong.of(9001L + i),
                List.of(new TrackedLeg(list.legId(LegRole.TAKE_PROFIT).value(), OptionalLong.of(1)),
                    new TrackedLeg(list.legId(LegRole.STOP_LOSS).value(), OptionalLong.of(2))),
                OrderListState.EXECUTING, now, now));
        users.add(user);
        legIds.add(list.legId(LegRole.TAKE_PROFIT).value());
      }
      NotificationRouter router = new NotificationRouter(database.transactor(), () -> {});
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      double best = Double.MAX_VALUE;
      for (int round = 0; round < rounds; round++) {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        List<OwnerUpdate> batch = new ArrayList<>(batchSize);
        for (int seq = 0; seq < events; seq++) {
          int account = seq % accounts;
          long id = (long) round * events + seq;
          batch.add(new OwnerUpdate(users.get(account), partialFill(legIds.get(account), 9001L + account, id, accounts)));
          if (batch.size() == batchSize) {
            router.routeAll(List.copyOf(batch));
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          router.routeAll(List.copyOf(batch));
        }
        double perEvent = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e3 / events;
        System.out.printf("round %d: %.1f us of the routing thread's CPU per event%n", round + 1, perEvent);
        if (round > 0) {
          best = Math.min(best, perEvent);
        }
      }
      System.out.printf("accounts %,d, %,d events a round, batches of %d: %.1f us CPU per event (lowest of rounds 2 to %d)%n",
          accounts, events, batchSize, best, rounds);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A partial fill of 0.0001 of the leg {@code legId}; the cumulative quantity grows with {@code id}. */
  private static OrderListUpdate.LegChanged partialFill(String legId, long listId, long id, int accounts) {
    BigDecimal cumulative = new BigDecimal(id / accounts + 1).movePointLeft(4);
    return new OrderListUpdate.LegChanged(
        "ev" + id, Symbol.of("BTCUSDT"), new OrderListId(listId), id, new ClientOrderId(legId), ReportedOrderType.LIMIT_MAKER,
        Side.SELL, LegExecution.TRADE, LegStatus.PARTIALLY_FILLED, new BigDecimal("100"), new BigDecimal("0.0001"),
        new BigDecimal("32000"), cumulative, cumulative.multiply(new BigDecimal("32000")), Optional.empty(), Optional.empty(),
        ExpiryReason.NONE, Instant.parse("2026-03-01T11:00:00Z"));
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
