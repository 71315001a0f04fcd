package dev.orderlistbot.bench;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.engine.ChatPlatforms;
import dev.orderlistbot.core.engine.NotificationDispatcher;
import dev.orderlistbot.core.engine.NotificationRouter;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One take-profit fill through NotificationRouter → outbox (H2 file database, as in production) →
 * NotificationDispatcher → a chat platform that does nothing. The dispatcher runs on the calling
 * thread (the router triggers it), so one operation is the whole path from exchange event to send:
 * the throughput is events per second and the sample times are the event-to-send delay. The
 * platform is unlimited (no rate-limit pacing), so the figure is the pipeline's own cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NotificationPipelineBenchmark {
  private static final UserRef OWNER = new UserRef("bench", "1");
  private static final ChatRef CHAT = new ChatRef("bench", "1");
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  private final AtomicLong events = new AtomicLong();
  private Path dir;
  private Database database;
  private NotificationRouter router;
  private ClientListId list;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("notification-bench");
    Clock clock = Clock.systemUTC();
    database = Database.open(DbConfig.h2File(dir), clock);
    list = ClientListId.forKey("bench");
    Instant now = clock.instant();
    database.stores().orderLists().record(
        new TrackedOrderList(
            list.value(), OWNER, CHAT, ListKind.OCO, BTCUSDT, OptionalLong.of(8821),
            List.of(new TrackedLeg(list.legId(LegRole.TAKE_PROFIT).value(), OptionalLong.of(1)),
                new TrackedLeg(list.legId(LegRole.STOP_LOSS).value(), OptionalLong.of(2))),
            OrderListState.EXECUTING, now, now));
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(database.transactor(), ChatPlatforms.of(new NoOpPlatform()), clock, Runnable::run);
    router = new NotificationRouter(database.transactor(), dispatcher::trigger);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    database.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public void fillToSend() {
    router.onUpdate(OWNER, fill("bench-" + events.incrementAndGet()));
  }

  private OrderListUpdate.LegChanged fill(String eventId) {
    BigDecimal quantity = new BigDecimal("0.01");
    return new OrderListUpdate.LegChanged(
        eventId, BTCUSDT, new OrderListId(8821), 1L, list.legId(LegRole.TAKE_PROFIT), ReportedOrderType.LIMIT_MAKER,
        Side.SELL, LegExecution.TRADE, LegStatus.FILLED, quantity, quantity, new BigDecimal("32000"), quantity,
        new BigDecimal("320"), Optional.empty(), Optional.empty(), ExpiryReason.NONE, Instant.now());
  }

  /** A platform that takes every message at once. */
  private static final class NoOpPlatform implements ChatPlatform {
    @Override
    public String platform() {
      return "bench";
    }

    @Override
    public MessageRef send(ChatRef chat, OutboundMessage message) {
      return new MessageRef(chat, "m");
    }

    @Override
    public void edit(MessageRef message, OutboundMessage replacement) {}

    @Override
    public boolean delete(MessageRef message) {
      return true;
    }
  }
}
