package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.rules.CheckResult;
import dev.orderlistbot.core.rules.MarketSnapshot;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.rules.SymbolRules;
import java.util.Optional;

/**
 * {@code /oco /oto /otoco /opo /opoco}: fetch the symbol's rules, the last price, the trader's
 * balances and what {@link MarketFacts} finds the rules need (the price bands' centre, the open
 * counts), run the pre-trade checks, and show either every reason it cannot be placed or a preview
 * with Confirm and Cancel. The preview's concrete request is stored server-side, so a press places
 * exactly what was shown. Thread-safe.
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

  Previews(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      PreTradeCheck check,
      PendingActions actions,
      ChatOut out,
      EngineTelemetry telemetry) {
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.check = check;
    this.actions = actions;
    this.out = out;
    this.telemetry = telemetry;
    this.facts = new MarketFacts(exchange);
  }

  void preview(ChatEvent.TextMessage message, PlaceOrderList command) {
    if (!accounts.canTrade(message.user())) {
      out.send(message.chat(), Replies.noKey());
      return;
    }
    SymbolRules rules = exchange.rules(command.symbol());
    Price last = exchange.lastPrice(command.symbol());
    Optional<Account> account =
        accounts.withCredentials(message.user(), credentials -> account(credentials, rules));
    if (account.isEmpty()) {
      out.send(message.chat(), Replies.noKey());
      return;
    }
    MarketFacts.Counts counts = account.get().counts();
    MarketSnapshot market =
        new MarketSnapshot(
            last,
            facts.band(rules, last),
            Optional.of(account.get().balances().freeAmounts()),
            counts.onSymbol(),
            counts.onExchange());
    switch (check.check(command, rules, market)) {
      case CheckResult.Refused refused -> {
        telemetry.placement(EngineTelemetry.PlacementOutcome.PRE_TRADE_REFUSED, ExchangeError.NO_CODE);
        out.send(message.chat(), Replies.refused(refused.violations()));
      }
      case CheckResult.Accepted accepted -> offer(message, accepted, counts.unchecked());
    }
  }

  /** The trader's balances and open counts, fetched with their credentials. */
  private record Account(Balances balances, MarketFacts.Counts counts) {}

  private Account account(ApiCredentials credentials, SymbolRules rules) {
    Balances balances = exchange.balances(credentials);
    return new Account(balances, facts.counts(credentials, rules));
  }

  private void offer(ChatEvent.TextMessage message, CheckResult.Accepted accepted, boolean countsUnchecked) {
    String token =
        actions.create(
            message.user(), message.chat(), new PendingAction.PlaceList(accepted.request()), config.confirmTtl());
    OutboundMessage preview =
        OutboundMessage.withButtons(
            Texts.preview(accepted.preview(), config.environment(), config.confirmTtl(), countsUnchecked),
            new Button(Replies.CONFIRM, Tokens.RUN + token),
            new Button(Replies.CANCEL, Tokens.WITHDRAW + token));
    out.send(message.chat(), preview).ifPresent(sent -> actions.attach(token, sent));
  }
}
