package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.command.ParseResult;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.OrderEventSource;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.PaperControl;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.security.KeyVault;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation engine: every chat event of every platform comes here, and every answer goes
 * back through the platform of the event's chat.
 *
 * <p>A line is parsed; a line that may carry a secret is deleted at once; the user is authorized
 * (by user id, never by chat); then the command runs: order-list previews with Confirm and Cancel,
 * the one-shot placement behind Confirm, key setup in private chats, account and market commands.
 * A button press passes the same authorization and then the one-shot claim of its pending action.
 *
 * <p>Floods: a user's commands pass a per-user rate ({@link EngineConfig#commandLimit()}), whose
 * first refusal in a run is answered with how long to wait and the rest are dropped; button
 * presses and cancels are never refused by it. A stranger hears "not allowed" at most once an hour.
 *
 * <p>Failures: an {@link ExchangeException} becomes a plain sentence for its {@code ExchangeError};
 * anything else is caught here, logged with a short reference id, and the chat sees only "Something
 * went wrong (ref 7f3a9c)". One log line per event, never a message text or a secret.
 *
 * <p>Thread-safe: events of any chats may be handled concurrently (the exactly-once guarantees live
 * in the database's conditional updates, not in this object).
 */
public final class BotEngine implements ChatEventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BotEngine.class);

  private final EngineConfig config;
  private final CommandParser parser;
  private final SecureRandom random;
  private final ChatOut out;
  private final PrivateAnswers answers;
  private final Transactor transactor;
  private final Accounts accounts;
  private final Presses presses;
  private final PlacementSettlement settlement;
  private final CommandRoutes routes;
  private final CommandRate rate;
  private final StrangerReplies strangers;
  private final TradeActions trades;

  /**
   * @param paper present only on the paper exchange ({@code /paper price})
   * @param events the source of users' order events, started per user before their first
   *     placement and whenever a key is stored
   * @param transactor the storage ports; confirmations are claimed through them atomically
   * @param clock expiries, and the confirmation latency reported to {@code telemetry}
   * @param telemetry told of every placement's outcome and each confirmation's latency
   * @param outboxTrigger asks the notification dispatcher to drain soon (placement results go
   *     through the outbox); without it they wait for the dispatcher's timer
   */
  public BotEngine(
      EngineConfig config,
      ChatPlatforms platforms,
      ExchangeClient exchange,
      Optional<PaperControl> paper,
      Optional<OrderEventSource> events,
      KeyVault vault,
      Transactor transactor,
      CommandParser parser,
      PreTradeCheck check,
      Clock clock,
      SecureRandom random,
      EngineTelemetry telemetry,
      Runnable outboxTrigger) {
    this(config, platforms, exchange, paper, events, vault, transactor, parser, check, clock, random, telemetry, outboxTrigger,
        ChartDrawing.OFF);
  }

  /** @param charts whether previews, order cards and {@code /chart} draw charts, and with what */
  public BotEngine(
      EngineConfig config,
      ChatPlatforms platforms,
      ExchangeClient exchange,
      Optional<PaperControl> paper,
      Optional<OrderEventSource> events,
      KeyVault vault,
      Transactor transactor,
      CommandParser parser,
      PreTradeCheck check,
      Clock clock,
      SecureRandom random,
      EngineTelemetry telemetry,
      Runnable outboxTrigger,
      ChartDrawing charts) {
    this(config, platforms, exchange, paper, events, vault, transactor, parser, check, clock, random, telemetry, outboxTrigger,
        charts, Optional.empty());
  }

  /**
   * @param leases this instance's leases, where several instances share the database: a placement, a
   *     close or a panic one of them runs holds a lease, so no other settles it half-way through
   */
  public BotEngine(
      EngineConfig config,
      ChatPlatforms platforms,
      ExchangeClient exchange,
      Optional<PaperControl> paper,
      Optional<OrderEventSource> events,
      KeyVault vault,
      Transactor transactor,
      CommandParser parser,
      PreTradeCheck check,
      Clock clock,
      SecureRandom random,
      EngineTelemetry telemetry,
      Runnable outboxTrigger,
      ChartDrawing charts,
      Optional<InstanceLeases> leases) {
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(outboxTrigger, "outboxTrigger");
    this.config = Objects.requireNonNull(config, "config");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.random = Objects.requireNonNull(random, "random");
    this.out = new ChatOut(Objects.requireNonNull(platforms, "platforms"));
    KeySetups setups = new KeySetups(clock, config.keySetupTimeout());
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.accounts = new Accounts(config, vault, events);
    PendingActions actions = new PendingActions(transactor, clock, random);
    PlacementResults results = new PlacementResults(transactor, out, exchange, outboxTrigger, clock);
    RunningWork running = new RunningWork(Objects.requireNonNull(leases, "leases"));
    Placement placement = new Placement(config, exchange, accounts, clock, random, out, telemetry, results, running);
    this.settlement = new PlacementSettlement(config, exchange, accounts, transactor, placement, results, clock, running);
    ListCancels cancels = new ListCancels(exchange, accounts, transactor, clock);
    StepUpCodes codes = new StepUpCodes(transactor, vault, clock, random, config.admins(), outboxTrigger);
    StepUps stepUps = new StepUps(codes, new StepUpWaits(clock), out, clock, random, config.keySetupTimeout());
    StepUpGate gate = new StepUpGate(config, codes, exchange);
    Limits limits = new Limits(config.limits(), new ExposureReader(exchange), transactor, clock);
    Charts drawn = new Charts(Objects.requireNonNull(charts, "charts"), exchange, transactor);
    Previews previews = new Previews(config, exchange, accounts, check, actions, out, telemetry, limits, gate, stepUps, drawn);
    this.trades = TradeActions.wire(config, exchange, accounts, transactor, check, actions, cancels, placement, results, out, clock, running);
    PlanPlacement plans = new PlanPlacement(config, accounts, placement, results, actions, out, clock, telemetry);
    this.presses = new Presses(actions, placement, plans, cancels, config.environment(), trades, transactor, out, clock, gate, stepUps, limits);
    AccountCommands account = new AccountCommands(
        config, exchange, paper, accounts, cancels, settlement, actions, transactor, out, new CardMoves(transactor, out, outboxTrigger, new CardCharts(transactor, exchange, charts, clock)));
    KeyCommands keys =
        new KeyCommands(
            config, exchange, vault, accounts, setups, new KeyPostures(config, exchange, clock), parser, transactor, clock, random, out);
    this.answers = new PrivateAnswers(config, setups, keys, stepUps, out);
    this.routes =
        new CommandRoutes(
            config, out, previews, account, keys, new AlertCommands(transactor, out), trades,
            new AuditCommands(config, transactor, clock, out), new LimitCommands(config, limits, transactor, out, clock, gate, stepUps), gate, stepUps,
            new ChartCommands(config, exchange, transactor, drawn, out));
    this.rate = new CommandRate(clock, config.commandLimit());
    this.strangers = new StrangerReplies(clock, StrangerReplies.DEFAULT_INTERVAL, StrangerReplies.DEFAULT_CAPACITY);
  }

  /**
   * Starts the order events of every user who has open lists, so their fills reach them after a
   * restart even before they write again; first, lists whose cancel the last stop interrupted
   * (CANCELLING) are followed again. A single instance calls it once, after wiring, before it takes
   * events; with several instances on one database, see {@link #resumeInterruptedCancels()}.
   */
  public void resumeOrderEvents() {
    resumeInterruptedCancels();
    watchOpenLists();
  }

  /**
   * Lists whose cancel a stopped process had on its way (CANCELLING) are followed again: whether it
   * reached the exchange or not, their events or the catch-up say what became of them. With several
   * instances, only the one that takes the sweeps' lease calls it (another's cancels may be live).
   */
  public void resumeInterruptedCancels() {
    int interrupted =
        transactor.inTransaction(stores -> stores.orderLists().changeEveryState(OrderListState.CANCELLING, OrderListState.EXECUTING));
    if (interrupted > 0) {
      LOG.info("{} cancel(s) interrupted by the last stop: their lists are followed again", interrupted);
    }
  }

  /** Starts the order events of every user who has open lists. */
  public void watchOpenLists() {
    List<UserRef> owners = transactor.inTransaction(stores -> stores.orderLists().ownersWithOpenLists());
    for (UserRef owner : owners) {
      try {
        accounts.ensureWatched(owner);
      } catch (RuntimeException e) {
        LOG.warn("could not resume the order events of {}", owner, e);
      }
    }
    LOG.info("order events resumed for {} user(s) with open order lists", owners.size());
  }

  /**
   * Settles every placement whose outcome is unknown (see {@link PlacementSettlement}): the app
   * calls it at start-up and every minute, off the scheduler thread (it asks the exchange).
   */
  public void settlePlacements() {
    try {
      settlement.settleAll();
      trades.settleActions();
    } catch (RuntimeException e) {
      LOG.warn("settling unknown placements or actions failed; the next run tries again", e);
    }
  }

  /**
   * Carries out the take-profit ladders' breakeven plans whose first target has ended (see {@link
   * BreakevenMoves}): the app calls it at start-up, every minute and after order events, off the
   * scheduler thread (it asks the exchange and places lists).
   */
  public void runBreakevenPlans() {
    try {
      trades.runBreakevenPlans();
    } catch (RuntimeException e) {
      LOG.warn("carrying out the breakeven plans failed; the next run tries again", e);
    }
  }

  @Override
  public void handle(ChatEvent event) {
    try {
      switch (event) {
        case ChatEvent.TextMessage message -> text(message);
        case ChatEvent.ButtonPressed press -> press(press);
        case ChatEvent.CodeEntered code -> {
          if (config.allows(code.user())) {
            presses.entered(code);
          } else {
            tellStranger(code.chat(), code.user());
          }
        }
      }
    } catch (ExchangeException e) {
      LOG.info("{}: the exchange did not do it: {}", event, e.getMessage());
      out.send(event.chat(), Replies.exchangeError(e.error()));
    } catch (RuntimeException e) {
      String ref = Tokens.reference(random);
      LOG.error("{} failed (ref {})", event, ref, e);
      out.send(event.chat(), Replies.somethingWentWrong(ref));
    }
  }

  private void text(ChatEvent.TextMessage message) {
    ParseResult parsed = parser.parse(message.text());
    if (answers.take(message, parsed)) {
      return;
    }
    boolean deleted = parsed.carriesSecret() && out.delete(message.message());
    boolean allowed = config.allows(message.user());
    LOG.info("{}: {}{}", message, label(parsed), allowed ? "" : " (not allowed)");
    switch (parsed) {
      case ParseResult.NotForUs notForUs -> {
        if (notForUs.reason() == ParseResult.NotForUs.Reason.NOT_A_COMMAND && KeyMaterial.looksLikeKey(message.text())) {
          // always deleted; a user is always told when it could not be, anyone else once an hour
          boolean removed = out.delete(message.message());
          if (allowed ? admitted(message) || !removed : strangers.shouldTell(message.user())) {
            out.send(message.chat(), Replies.keyLikeLineDeleted(removed));
          }
        } else if (message.kind().isPrivate() && notForUs.reason() == ParseResult.NotForUs.Reason.NOT_A_COMMAND) {
          if (!allowed) {
            tellStranger(message.chat(), message.user());
          } else if (admitted(message)) {
            out.send(message.chat(), Replies.helpHint());
          }
        }
      }
      case ParseResult.Invalid invalid -> {
        // a group may hold other bots: a command this bot does not know is theirs, not a typo
        if (message.kind().isPrivate() || knowsCommandOf(message.text())) {
          boolean secretLeft = invalid.carriesSecret() && !deleted;
          if (!allowed) {
            tellStranger(message.chat(), message.user());
          } else if (admitted(message) || secretLeft) {
            out.send(message.chat(), Replies.parseError(invalid.error()) + (secretLeft ? "\n" + Replies.deleteItYourself() : ""));
          }
        }
      }
      case ParseResult.Parsed(Command command) -> {
        if (allowed && (alwaysTaken(message, command) || admitted(message))) {
          routes.run(message, command, deleted);
        } else {
          if (command instanceof Command.SetKey set) {
            set.secret().ifPresent(Secret::destroy);
          }
          if (!allowed) {
            tellStranger(message.chat(), message.user());
          } else if (parsed.carriesSecret() && !deleted) {
            out.send(message.chat(), Replies.deleteItYourself());
          }
        }
      }
    }
  }

  /**
   * Whether the command rate lets {@code message} through; the first message over it is answered
   * with how long to wait, the rest are dropped silently.
   */
  private boolean admitted(ChatEvent.TextMessage message) {
    Optional<CommandRate.Refusal> refused = rate.admit(message.user());
    refused.ifPresent(
        r -> {
          if (r.tell()) {
            LOG.info("{}: over the command rate; told to retry in {} ms", message, r.retryIn().toMillis());
            out.send(message.chat(), Replies.slowDown(rate.limit(), r.retryIn()));
          } else {
            LOG.debug("{}: over the command rate; dropped", message);
          }
        });
    return refused.isEmpty();
  }

  /**
   * A cancel always works: {@code /cancel ID}, {@code /cancel all} and {@code /panic} count towards
   * the command rate but are never refused by it (each ends in one-shot buttons or one cancel a list).
   */
  private boolean alwaysTaken(ChatEvent.TextMessage message, Command command) {
    boolean cancel =
        command instanceof Command.CancelOrderList || command instanceof Command.CancelAll || command instanceof Command.Panic;
    if (cancel) {
      rate.count(message.user());
    }
    return cancel;
  }

  /** "You are not allowed", at most once an hour per stranger. */
  private void tellStranger(ChatRef chat, UserRef stranger) {
    if (strangers.shouldTell(stranger)) {
      out.send(chat, Replies.notAllowed(stranger));
    } else {
      LOG.debug("{} was told lately that they are not allowed; no answer", stranger);
    }
  }

  private void press(ChatEvent.ButtonPressed press) {
    boolean allowed = config.allows(press.user());
    LOG.info("button pressed by {} in {} on {}{}", press.user(), press.chat(), press.message(), allowed ? "" : " (not allowed)");
    if (!allowed) {
      tellStranger(press.chat(), press.user());
      return;
    }
    // presses are never held back by the command rate: each runs a one-shot action a counted
    // command created, and a Cancel must always work
    presses.handle(press);
  }

  /** Whether the line's first word names one of this bot's commands. */
  private static boolean knowsCommandOf(String text) {
    String first = text.strip().split("\\s+", 2)[0];
    int at = first.indexOf('@');
    String word = (at < 0 ? first : first.substring(0, at)).replaceFirst("^/", "");
    return CommandSpec.byWord(word).isPresent();
  }

  /** What a line was, for the log: never its text. */
  private static String label(ParseResult parsed) {
    return switch (parsed) {
      case ParseResult.NotForUs notForUs -> "not for us (" + notForUs.reason() + ")";
      case ParseResult.Invalid invalid -> "invalid command";
      case ParseResult.Parsed(Command command) -> command.getClass().getSimpleName();
    };
  }
}
