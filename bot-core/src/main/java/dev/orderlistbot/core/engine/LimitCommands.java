package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.port.out.UserLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /limits} (in a private chat: the limits in force and today's use, or a change of the
 * trader's own limits, never above the operator's ceilings, audited with the old and new figure)
 * and {@code /resume USER} (admins only: lift a trader's daily loss halt for the rest of the UTC
 * day, audited). Thread-safe.
 */
final class LimitCommands {
  private static final Logger LOG = LoggerFactory.getLogger(LimitCommands.class);

  private final EngineConfig config;
  private final Limits limits;
  private final StepUpGate gate;
  private final StepUps stepUps;
  private final Transactor transactor;
  private final ChatOut out;
  private final Clock clock;

  LimitCommands(
      EngineConfig config, Limits limits, Transactor transactor, ChatOut out, Clock clock, StepUpGate gate, StepUps stepUps) {
    this.gate = gate;
    this.stepUps = stepUps;
    this.config = config;
    this.limits = limits;
    this.transactor = transactor;
    this.out = out;
    this.clock = clock;
  }

  void run(ChatEvent.TextMessage message, Command command) {
    if (command instanceof Command.ResumeTrading resume) {
      resume(message, resume);
      return;
    }
    if (!message.kind().isPrivate()) {
      out.send(message.chat(), LimitTexts.privateOnly());
      return;
    }
    switch (command) {
      case Command.ShowLimits show -> show(message);
      case Command.SetLimit set -> setLimit(message, set);
      case Command.SetWatchList watch -> setWatchList(message, watch.symbols());
      case Command.ResetLimits reset -> {
        boolean hadOwn = transactor.inTransaction(stores -> stores.limits().limitsOf(message.user())).filter(own -> !own.isEmpty()).isPresent();
        changeGuarded(message, own -> UserLimits.NONE, () -> out.send(message.chat(), LimitTexts.reset(hadOwn)));
      }
      default -> throw new IllegalArgumentException("not a /limits command: " + command.getClass().getSimpleName());
    }
  }

  private void show(ChatEvent.TextMessage message) {
    SafetyLimits operator = limits.operator();
    UserLimits own = transactor.inTransaction(stores -> stores.limits().limitsOf(message.user())).orElse(UserLimits.NONE);
    List<String> lines = new ArrayList<>();
    for (LimitKind kind : LimitKind.values()) {
      lines.add(LimitTexts.limitLine(kind, operator.ceiling(kind), own.amount(kind), LimitCheck.bound(operator, own, kind)));
    }
    List<String> pairs = new ArrayList<>();
    if (!operator.allowedSymbols().isEmpty()) {
      pairs.add(LimitTexts.allowedPairs(operator.allowedSymbols()));
    }
    if (!own.watchList().isEmpty()) {
      pairs.add(LimitTexts.watchList(own.watchList()));
    }
    operator.minQuoteVolume().ifPresent(minimum -> pairs.add(LimitTexts.leastVolume(minimum)));
    out.send(message.chat(), LimitTexts.show(lines, pairs, today(message, operator, own)));
  }

  private String today(ChatEvent.TextMessage message, SafetyLimits operator, UserLimits own) {
    try {
      return transactor.inTransaction(stores -> {
        DayUsage day = stores.limits().day(message.user(), limits.today());
        int open = stores.orderLists().listOpen(message.user()).size();
        boolean halted = LimitCheck.bound(operator, own, LimitKind.DAILY_LOSS)
            .filter(b -> day.realisedLoss().compareTo(b.amount()) > 0)
            .isPresent();
        boolean resumed = day.resumedBy().isPresent();
        return LimitTexts.today(day.notionalPlaced(), open, day.realisedPnl(), halted && !resumed, halted && resumed);
      });
    } catch (StorageException e) {
      LOG.warn("the day's figures of {} could not be read for /limits", message.user(), e);
      return LimitTexts.todayUnreadable();
    }
  }

  private void setLimit(ChatEvent.TextMessage message, Command.SetLimit set) {
    Optional<BigDecimal> ceiling = limits.operator().ceiling(set.kind());
    if (set.amount().isPresent() && ceiling.isPresent() && set.amount().get().compareTo(ceiling.get()) > 0) {
      out.send(message.chat(), LimitTexts.overCeiling(set.kind(), set.amount().get(), ceiling.get()));
      return;
    }
    changeGuarded(message, own -> own.with(set.kind(), set.amount()), () -> out.send(message.chat(), set.amount()
        .map(amount -> LimitTexts.limitSet(set.kind(), amount, ceiling))
        .orElseGet(() -> LimitTexts.limitOff(set.kind(), ceiling))));
  }

  private void setWatchList(ChatEvent.TextMessage message, Set<Symbol> symbols) {
    Set<Symbol> allowed = limits.operator().allowedSymbols();
    List<Symbol> refused = symbols.stream().filter(s -> !allowed.isEmpty() && !allowed.contains(s)).toList();
    if (!refused.isEmpty()) {
      out.send(message.chat(), LimitTexts.watchNotAllowed(refused, allowed));
      return;
    }
    changeGuarded(
        message,
        own -> own.withWatchList(symbols),
        () -> out.send(message.chat(), symbols.isEmpty() ? LimitTexts.watchOff() : LimitTexts.watchSet(symbols)));
  }

  /**
   * A change that raises one of the trader's own limits ({@link LimitChanges#raisesALimit}) runs only
   * after a right step-up code when the operator asks for one ({@code BOT_STEP_UP_LIMIT_RAISES}); a
   * change that lowers one never waits. {@code told} says what was done, once it is.
   */
  private void changeGuarded(ChatEvent.TextMessage message, UnaryOperator<UserLimits> change, Runnable told) {
    UserLimits now = transactor.inTransaction(stores -> stores.limits().limitsOf(message.user()).orElse(UserLimits.NONE));
    boolean raise = LimitChanges.raisesALimit(limits.operator(), now, change.apply(now));
    StepUpGate.Decision decision = raise ? gate.forLimitRaise(message.user()) : new StepUpGate.Decision.NotNeeded();
    stepUps.guard(message, decision, StepUpReplies.limitRaise(), () -> {
      change(message, change);
      told.run();
    }, () -> {});
  }

  /**
   * Stores the trader's changed limits and audits the change (old and new figure) in one
   * transaction.
   */
  private void change(ChatEvent.TextMessage message, UnaryOperator<UserLimits> change) {
    transactor.inTransaction(stores -> {
      UserLimits before = stores.limits().limitsOf(message.user()).orElse(UserLimits.NONE);
      UserLimits after = change.apply(before);
      boolean raise = LimitChanges.raisesALimit(limits.operator(), before, after);
      stores.limits().putLimits(message.user(), after);
      stores.audit().record(new AuditEntry(
          clock.instant(), message.user(), AuditAction.LIMITS_CHANGED, LimitChanges.describe(before, after), Optional.of(message.chat())));
      LOG.info("{} changed their limits{}", message.user(), raise ? " (a raise)" : "");
      return null;
    });
  }

  private void resume(ChatEvent.TextMessage message, Command.ResumeTrading resume) {
    if (!config.isAdmin(message.user())) {
      LOG.info("{} asked to lift the halt of {} but is no admin: refused", message.user(), resume.user());
      out.send(message.chat(), LimitTexts.resumeNotAdmin());
      return;
    }
    String text = transactor.inTransaction(stores -> {
      boolean lifted = stores.limits().resume(resume.user(), limits.today(), message.user(), clock.instant());
      if (lifted) {
        stores.audit().record(new AuditEntry(
            clock.instant(), message.user(), AuditAction.TRADING_RESUMED,
            "resume " + resume.user().platform() + ":" + resume.user().userId() + " for " + limits.today(), Optional.of(message.chat())));
      }
      return LimitTexts.resumed(resume.user(), stores.limits().day(resume.user(), limits.today()).realisedPnl(), !lifted);
    });
    out.send(message.chat(), text);
  }
}
