package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.CodeButtons;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.command.PlaceLadder;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.rules.CheckResult;
import dev.orderlistbot.core.rules.Equity;
import dev.orderlistbot.core.rules.LadderCheck;
import dev.orderlistbot.core.rules.LadderResult;
import dev.orderlistbot.core.rules.MarketSnapshot;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.Violation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /oco /oto /otoco /opo /opoco}: fetch the symbol's rules, the last price, the trader's
 * balances and what {@link MarketFacts} finds the rules need (the price bands' centre, the open
 * counts), run the pre-trade checks, and show either every reason it cannot be placed or a preview
 * with Confirm and Cancel. The preview's concrete request is stored server-side, so a press places
 * exactly what was shown. Only a command sized by risk fetches the account's trading fee, and only
 * {@code risk N%} the last prices of every symbol to value the equity. A take-profit ladder is
 * checked as a whole by {@link LadderCheck} and stored as one pending plan. Thread-safe.
 */
final class Previews {
  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final PreTradeCheck check;
  private final PendingActions actions;
  private final ChatOut out;
  private final EngineTelemetry telemetry;
  private final MarketFacts facts;
  private final Limits limits;
  private final StepUpGate gate;
  private final StepUps stepUps;
  private final Charts charts;

  Previews(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      PreTradeCheck check,
      PendingActions actions,
      ChatOut out,
      EngineTelemetry telemetry,
      Limits limits,
      StepUpGate gate,
      StepUps stepUps,
      Charts charts) {
    this.config = config;
    this.charts = charts;
    this.limits = limits;
    this.gate = gate;
    this.stepUps = stepUps;
    this.exchange = exchange;
    this.accounts = accounts;
    this.check = check;
    this.actions = actions;
    this.out = out;
    this.telemetry = telemetry;
    this.facts = new MarketFacts(exchange);
  }

  void preview(ChatEvent.TextMessage message, PlaceOrderList command) {
    // the chart's candles come while the checks fetch their figures: the preview waits for neither twice
    Optional<CompletableFuture<List<Candle>>> candles =
        charts.startCandles(message.user(), command.symbol(), Charts.PREVIEW_INTERVAL);
    snapshot(message, command).ifPresent(snapshot -> {
      switch (check.check(command, snapshot.rules(), snapshot.market())) {
        case CheckResult.Refused refused -> refuse(message, refused.violations());
        case CheckResult.Accepted accepted -> {
          Limits.Verdict verdict = limits.atPreview(message.user(), List.of(accepted.request()));
          if (verdict.refusals().isEmpty()) {
            offer(message, accepted, snapshot.countsUnchecked(), verdict, candles);
          } else {
            refuse(message, safety(verdict));
          }
        }
      }
    });
  }

  /** A take-profit ladder: every list checked, one preview, one pending plan. */
  void preview(ChatEvent.TextMessage message, PlaceLadder ladder) {
    Optional<CompletableFuture<List<Candle>>> candles =
        charts.startCandles(message.user(), ladder.first().symbol(), Charts.PREVIEW_INTERVAL);
    snapshot(message, ladder.first()).ifPresent(snapshot -> {
      switch (new LadderCheck(check).check(ladder, snapshot.rules(), snapshot.market())) {
        case LadderResult.Refused refused -> refuse(message, refused.violations());
        case LadderResult.Accepted accepted -> {
          Limits.Verdict verdict = limits.atPreview(message.user(), accepted.requests());
          if (verdict.refusals().isEmpty()) {
            offer(message, accepted, snapshot.countsUnchecked(), verdict, candles);
          } else {
            refuse(message, safety(verdict));
          }
        }
      }
    });
  }

  private void refuse(ChatEvent.TextMessage message, List<Violation> violations) {
    telemetry.placement(EngineTelemetry.PlacementOutcome.PRE_TRADE_REFUSED, ExchangeError.NO_CODE);
    out.send(message.chat(), Replies.refused(violations));
  }

  private static List<Violation> safety(Limits.Verdict verdict) {
    return verdict.refusals().stream()
        .map(reason -> new Violation(Violation.Rule.SAFETY_LIMIT, reason, java.util.OptionalInt.empty()))
        .toList();
  }

  /** The preview's text, with a line when the liquidity guard could not apply (paper). */
  private static String withNote(String text, Limits.Verdict verdict) {
    return verdict.liquiditySkipped() ? text + "\n" + LimitTexts.liquiditySkipped() : text;
  }

  /** What the checks see; empty (and the trader told) without a usable key. */
  private record Snapshot(SymbolRules rules, MarketSnapshot market, boolean countsUnchecked) {}

  private Optional<Snapshot> snapshot(ChatEvent.TextMessage message, PlaceOrderList command) {
    if (!accounts.canTrade(message.user())) {
      out.send(message.chat(), Replies.noKey());
      return Optional.empty();
    }
    SymbolRules rules = exchange.rules(command.symbol());
    Price last = exchange.lastPrice(command.symbol());
    Optional<Account> account =
        accounts.withCredentials(message.user(), credentials -> account(credentials, rules, command.quantity()));
    if (account.isEmpty()) {
      out.send(message.chat(), Replies.noKey());
      return Optional.empty();
    }
    MarketFacts.Counts counts = account.get().counts();
    MarketSnapshot market =
        new MarketSnapshot(
                last,
                facts.band(rules, last),
                Optional.of(account.get().balances().freeAmounts()),
                counts.onSymbol(),
                counts.onExchange())
            .withRiskFacts(account.get().takerFee(), account.get().equity());
    return Optional.of(new Snapshot(rules, market, counts.unchecked()));
  }

  /** The trader's balances and open counts, and what sizing by risk needs, fetched with their credentials. */
  private record Account(
      Balances balances, MarketFacts.Counts counts, Optional<BigDecimal> takerFee, Optional<Equity> equity) {}

  private Account account(ApiCredentials credentials, SymbolRules rules, QuantitySpec quantity) {
    Balances balances = exchange.balances(credentials);
    Optional<BigDecimal> fee =
        quantity.sizesByRisk()
            ? Optional.of(exchange.tradeFees(credentials, rules.symbol()).taker())
            : Optional.empty();
    Optional<Equity> equity =
        quantity instanceof QuantitySpec.RiskShare
            ? Optional.of(Equity.of(balances.byAsset().values(), exchange.lastPrices(), rules.quoteAsset()))
            : Optional.empty();
    return new Account(balances, facts.counts(credentials, rules), fee, equity);
  }

  private void offer(
      ChatEvent.TextMessage message,
      CheckResult.Accepted accepted,
      boolean countsUnchecked,
      Limits.Verdict verdict,
      Optional<CompletableFuture<List<Candle>>> candles) {
    StepUpGate.Decision decision = gate.forPlacement(message.user(), accepted.preview().notional(), accepted.preview().quoteAsset());
    String what = StepUpReplies.placing(Texts.summary(accepted.request()));
    if (refusedForCode(message, decision, what)) {
      return;
    }
    boolean stepUp = decision instanceof StepUpGate.Decision.NeedsCode;
    // drawn before the Confirm is made, so the wait for the chart never eats into its time to live
    Optional<Picture> chart =
        charts.await(candles, accepted.request().symbol(),
            c -> PreviewCharts.of(accepted.preview(), config.environment(), Charts.PREVIEW_INTERVAL, c));
    String token =
        actions.create(
            message.user(), message.chat(), new PendingAction.PlaceList(accepted.request()), config.confirmTtl(), stepUp);
    OutboundMessage preview =
        OutboundMessage.withButtons(
            withNote(Texts.preview(accepted.preview(), config.environment(), config.confirmTtl(), countsUnchecked), verdict),
            new Button(Replies.CONFIRM, confirmToken(stepUp) + token),
            new Button(Replies.CANCEL, Tokens.WITHDRAW + token));
    out.send(message.chat(), chart.map(preview::withPicture).orElse(preview)).ifPresent(sent -> actions.attach(token, sent));
  }

  private void offer(
      ChatEvent.TextMessage message,
      LadderResult.Accepted accepted,
      boolean countsUnchecked,
      Limits.Verdict verdict,
      Optional<CompletableFuture<List<Candle>>> candles) {
    PendingAction.PlacePlan plan = new PendingAction.PlacePlan(accepted.requests(), accepted.preview().breakeven());
    StepUpGate.Decision decision =
        gate.forPlacement(message.user(), accepted.preview().totalNotional(), accepted.preview().lists().get(0).quoteAsset());
    if (refusedForCode(message, decision, StepUpReplies.placing(PendingActions.describe(plan)))) {
      return;
    }
    boolean stepUp = decision instanceof StepUpGate.Decision.NeedsCode;
    Optional<Picture> chart =
        charts.await(candles, accepted.requests().getFirst().symbol(),
            c -> PreviewCharts.of(accepted.preview(), config.environment(), Charts.PREVIEW_INTERVAL, c));
    String token = actions.create(message.user(), message.chat(), plan, config.confirmTtl(), stepUp);
    OutboundMessage preview =
        OutboundMessage.withButtons(
            withNote(PlanTexts.preview(accepted.preview(), config.environment(), config.confirmTtl(), countsUnchecked), verdict),
            new Button(Replies.CONFIRM, confirmToken(stepUp) + token),
            new Button(Replies.CANCEL, Tokens.WITHDRAW + token));
    out.send(message.chat(), chart.map(preview::withPicture).orElse(preview)).ifPresent(sent -> actions.attach(token, sent));
  }

  /**
   * A placement that needs a code from a user who has none, or is locked, is refused at its preview
   * (fail closed); one that needs a code gets a Confirm a form can answer ({@link CodeButtons#CONFIRM}).
   */
  private boolean refusedForCode(ChatEvent.TextMessage message, StepUpGate.Decision decision, String what) {
    boolean refused = decision instanceof StepUpGate.Decision.NoCodeSet || decision instanceof StepUpGate.Decision.Locked;
    if (refused) {
      stepUps.guard(message, decision, what, () -> {}, () -> {});
    }
    return refused;
  }

  private static String confirmToken(boolean stepUp) {
    return stepUp ? CodeButtons.CONFIRM : Tokens.RUN;
  }
}
