package dev.orderlistbot.core.engine;

import dev.orderlistbot.testing.MutableClock;
import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderEventSource;
import dev.orderlistbot.core.port.out.PaperControl;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.testing.TestDatabase;
import dev.orderlistbot.db.testing.TestDatabases;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The engine with everything real but the chat network and (optionally) the exchange: H2 in a temp
 * directory (or, given a {@link TestDatabase}, a fresh PostgreSQL schema), the AES-GCM key vault,
 * the parser and the checks. It sends lines and presses buttons as a user would (errbot's TestBot)
 * and can restart: a new Database, vault and engine over the same files or schema.
 */
final class TestBot implements AutoCloseable {
  static final UserRef ALICE = new UserRef("telegram", "1001");
  static final UserRef BOB = new UserRef("telegram", "1002");
  static final UserRef MALLORY = new UserRef("telegram", "666");
  static final ChatRef GROUP = new ChatRef("telegram", "-100200300");
  /** The key the engine signs Alice's paper-mode calls with (the fake exchange files lists under it). */
  static final ApiCredentials ALICES_PAPER_KEY = new ApiCredentials(KeyType.HMAC, "paper-telegram-1001", Secret.of("paper"));

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final SecureRandom random = new SecureRandom();
  final RecordingChatPlatform telegram = new RecordingChatPlatform("telegram");
  final RecordingChatPlatform console = new RecordingChatPlatform("console");
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final EngineConfig config;
  final ExchangeClient exchange;
  final Optional<PaperControl> paper;
  final Optional<OrderEventSource> events;

  private final TestDatabase storage;
  private final ChartDrawing charts;
  private final MasterKey masterKey = MasterKey.generate(random);
  private final AtomicLong messageIds = new AtomicLong(100);
  /** Each start is a new process, with an instance id of its own, as the app's generated ids are. */
  private final AtomicLong instances = new AtomicLong();
  private Database database;
  private AesGcmKeyVault vault;
  private BotEngine engine;
  private InstanceLeases leases;
  private NotificationRouter router;
  private NotificationDispatcher dispatcher;

  TestBot(Path dataDir, EngineConfig config, ExchangeClient exchange, Optional<PaperControl> paper, Optional<OrderEventSource> events) {
    this(TestDatabases.H2.fresh(dataDir), config, exchange, paper, events, ChartDrawing.OFF);
  }

  /** On {@code storage} (H2 or PostgreSQL), which {@link #close()} closes. */
  TestBot(TestDatabase storage, EngineConfig config, ExchangeClient exchange, Optional<PaperControl> paper, Optional<OrderEventSource> events) {
    this(storage, config, exchange, paper, events, ChartDrawing.OFF);
  }

  /** With {@code charts} drawing the previews', cards' and {@code /chart}'s charts. */
  TestBot(
      Path dataDir,
      EngineConfig config,
      ExchangeClient exchange,
      Optional<PaperControl> paper,
      Optional<OrderEventSource> events,
      ChartDrawing charts) {
    this(TestDatabases.H2.fresh(dataDir), config, exchange, paper, events, charts);
  }

  private TestBot(
      TestDatabase storage,
      EngineConfig config,
      ExchangeClient exchange,
      Optional<PaperControl> paper,
      Optional<OrderEventSource> events,
      ChartDrawing charts) {
    this.charts = charts;
    this.storage = storage;
    this.config = config;
    this.exchange = exchange;
    this.paper = paper;
    this.events = events;
    start();
  }

  /** On {@code environment} with the fake exchange; Alice and Bob are allowed, Mallory is not. */
  static TestBot withFakeExchange(Path dataDir, TradingEnvironment environment, RecordingEventSource events) {
    return withFakeExchange(TestDatabases.H2.fresh(dataDir), environment, events);
  }

  /** The same on {@code storage} (H2 or PostgreSQL). */
  static TestBot withFakeExchange(TestDatabase storage, TradingEnvironment environment, RecordingEventSource events) {
    return new TestBot(
        storage,
        EngineConfig.of(environment, Set.of(ALICE, BOB), Set.of()),
        new FakeExchange(),
        Optional.empty(),
        Optional.of(events));
  }

  /**
   * On the real paper exchange (no price walk), whose order events reach this bot's router; the
   * caller owns (and shuts down) the scheduler.
   */
  static TestBot withPaperExchange(Path dataDir, ScheduledExecutorService scheduler) {
    return withPaperExchange(TestDatabases.H2.fresh(dataDir), scheduler);
  }

  /** The same on {@code storage} (H2 or PostgreSQL). */
  static TestBot withPaperExchange(TestDatabase storage, ScheduledExecutorService scheduler) {
    return withPaperExchange(storage, scheduler, EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of()));
  }

  /** The same with {@code config} (e.g. safety limits). */
  static TestBot withPaperExchange(Path dataDir, ScheduledExecutorService scheduler, EngineConfig config) {
    return withPaperExchange(TestDatabases.H2.fresh(dataDir), scheduler, config);
  }

  /** On {@code storage} with {@code config}. */
  static TestBot withPaperExchange(TestDatabase storage, ScheduledExecutorService scheduler, EngineConfig config) {
    ForwardingHandler updates = new ForwardingHandler();
    PaperExchange paper =
        PaperExchange.create(
            PaperConfig.defaults().withoutPriceWalk(), Clock.systemUTC(), scheduler, updates, PaperStateStore.inMemory());
    TestBot bot =
        new TestBot(
            storage,
            config,
            paper,
            Optional.of(paper),
            Optional.of(paper));
    updates.target = (owner, update) -> bot.router().onUpdate(owner, update);
    return bot;
  }

  /** Lets an exchange be built before the router it reports to. */
  private static final class ForwardingHandler implements OrderUpdateHandler {
    volatile OrderUpdateHandler target = (owner, update) -> {};

    @Override
    public void onUpdate(UserRef owner, OrderListUpdate update) {
      target.onUpdate(owner, update);
    }
  }

  private void start() {
    database = Database.open(storage.config(20), clock);
    vault = AesGcmKeyVault.open(masterKey, database.transactor(), random, clock);
    ChatPlatforms platforms = ChatPlatforms.of(telegram, console);
    dispatcher =
        new NotificationDispatcher(
            database.transactor(), platforms, clock, Runnable::run,
            DispatchSettings.defaults().withTelemetry(telemetry).withPictures(new CardCharts(database.transactor(), exchange, charts, clock)));
    router = new NotificationRouter(database.transactor(), dispatcher::trigger);
    leases = new InstanceLeases(database.transactor(), clock, "test-" + instances.incrementAndGet(), Set.of());
    engine = engineOf(vault, leases);
  }

  /** An engine over this database as the app wires it, with {@code leases}. */
  private BotEngine engineOf(AesGcmKeyVault keys, InstanceLeases leases) {
    return new BotEngine(
        config, ChatPlatforms.of(telegram, console), exchange, paper, events, keys, database.transactor(),
        new CommandParser(Optional.of("OrderListBot")), new PreTradeCheck(), clock, random, telemetry, dispatcher::trigger,
        charts, Optional.of(leases));
  }

  /**
   * A second instance on the same database, chats and exchange (as a second container would run):
   * its engine, with leases of its own.
   */
  BotEngine anotherInstance() {
    return engineOf(
        AesGcmKeyVault.open(masterKey, database.transactor(), random, clock),
        new InstanceLeases(database.transactor(), clock, "test-" + instances.incrementAndGet(), Set.of()));
  }

  /** This instance's leases (the app renews them every {@link InstanceLeases#RENEW_EVERY}). */
  InstanceLeases leases() {
    return leases;
  }

  /** Stops everything that lives in memory and starts it again over the same database files or schema. */
  void restart() {
    database.close();
    start();
  }

  BotEngine engine() {
    return engine;
  }

  NotificationRouter router() {
    return router;
  }

  Transactor transactor() {
    return database.transactor();
  }

  NotificationDispatcher dispatcher() {
    return dispatcher;
  }

  AesGcmKeyVault vault() {
    return vault;
  }

  <T> T stores(Function<Stores, T> work) {
    return database.transactor().inTransaction(work);
  }

  List<AuditEntry> audit(UserRef user) {
    return stores(s -> s.audit().recentBy(user, 50));
  }

  /** The notifications kept as failed (the platform refused them for good), newest first. */
  List<OutboxEntry> failedNotices() {
    return stores(s -> s.outbox().failed(50));
  }

  List<AlertSubscription> subscriptionsIn(ChatRef chat) {
    return stores(s -> s.subscriptions().forChat(chat));
  }

  Optional<TrackedOrderList> tracked(long orderListId) {
    return stores(s -> s.orderLists().findByOrderListId(orderListId));
  }

  /** The user's lists the bot still considers open (UNKNOWN, EXECUTING or CANCELLING), oldest first. */
  List<TrackedOrderList> openTracked(UserRef user) {
    return stores(s -> s.orderLists().listOpen(user));
  }

  static ChatRef dm(UserRef user) {
    return new ChatRef(user.platform(), user.userId());
  }

  /** {@code user} writes {@code text} in their private chat with the bot. */
  MessageRef say(UserRef user, String text) {
    return say(user, dm(user), ChatKind.PRIVATE, text);
  }

  MessageRef sayInGroup(UserRef user, String text) {
    return say(user, GROUP, ChatKind.GROUP, text);
  }

  MessageRef say(UserRef user, ChatRef chat, ChatKind kind, String text) {
    MessageRef ref = new MessageRef(chat, "user-" + messageIds.incrementAndGet());
    engine.handle(new ChatEvent.TextMessage(chat, kind, user, ref, text));
    return ref;
  }

  /** {@code user} presses the button labelled {@code label} under {@code message}. */
  void press(UserRef user, MessageRef message, String label) {
    engine.handle(pressEvent(user, message, label));
  }

  /**
   * {@code user} presses {@code label} and the process dies during it: what the test set up throws an
   * {@link OutOfMemoryError} (a stop nothing catches) at the step it names.
   */
  void pressAndDie(UserRef user, MessageRef message, String label) {
    ChatEvent.ButtonPressed press = pressEvent(user, message, label);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.handle(press)).isInstanceOf(OutOfMemoryError.class);
  }

  ChatEvent.ButtonPressed pressEvent(UserRef user, MessageRef message, String label) {
    OutboundMessage shown = telegramOrConsole(message).now(message);
    Button button =
        shown.buttons().stream()
            .filter(b -> b.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button '" + label + "' under: " + shown.text()));
    return pressToken(user, message, button.token());
  }

  ChatEvent.ButtonPressed pressToken(UserRef user, MessageRef message, String token) {
    ChatKind kind = message.chat().chatId().startsWith("-") ? ChatKind.GROUP : ChatKind.PRIVATE;
    return new ChatEvent.ButtonPressed(message.chat(), kind, user, message, token);
  }

  /** The newest message with buttons in {@code chat}. */
  MessageRef lastButtons(ChatRef chat) {
    return telegramOrConsole(chat).lastWithButtons(chat).orElseThrow(() -> new AssertionError("no buttons in " + chat));
  }

  String lastReply(ChatRef chat) {
    return telegramOrConsole(chat).lastText(chat);
  }

  String lastReply(UserRef user) {
    return lastReply(dm(user));
  }

  private RecordingChatPlatform telegramOrConsole(MessageRef message) {
    return telegramOrConsole(message.chat());
  }

  private RecordingChatPlatform telegramOrConsole(ChatRef chat) {
    return chat.platform().equals("console") ? console : telegram;
  }

  /** Closes the database, then drops its PostgreSQL schema (an H2 file goes with the temp directory). */
  @Override
  public void close() {
    database.close();
    storage.close();
  }
}
