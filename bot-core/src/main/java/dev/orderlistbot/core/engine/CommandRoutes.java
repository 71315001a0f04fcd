package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.command.PlaceLadder;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Secret;
import java.util.Objects;

/**
 * Sends each parsed command of an admitted user to the part of the engine that carries it out:
 * previews, account and market commands, keys, alerts, trade actions and the audit log. Authorization, the
 * command rate and failures stay with {@link BotEngine}; this class only routes.
 */
final class CommandRoutes {
  private final EngineConfig config;
  private final ChatOut out;
  private final Previews previews;
  private final AccountCommands account;
  private final KeyCommands keys;
  private final AlertCommands alerts;
  private final TradeActions trades;
  private final AuditCommands audit;
  private final LimitCommands limits;
  private final TwoFactorCommands twoFactor;
  private final StepUpGate gate;
  private final StepUps stepUps;
  private final ChartCommands charts;

  CommandRoutes(
      EngineConfig config,
      ChatOut out,
      Previews previews,
      AccountCommands account,
      KeyCommands keys,
      AlertCommands alerts,
      TradeActions trades,
      AuditCommands audit,
      LimitCommands limits,
      StepUpGate gate,
      StepUps stepUps,
      ChartCommands charts) {
    this.charts = Objects.requireNonNull(charts, "charts");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.config = Objects.requireNonNull(config, "config");
    this.out = Objects.requireNonNull(out, "out");
    this.previews = Objects.requireNonNull(previews, "previews");
    this.account = Objects.requireNonNull(account, "account");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.trades = Objects.requireNonNull(trades, "trades");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.stepUps = Objects.requireNonNull(stepUps, "stepUps");
    this.twoFactor = new TwoFactorCommands(config, stepUps, out);
  }

  /**
   * Runs {@code command} for the user of {@code message}.
   *
   * @param deleted whether the message was deleted already (it carried a secret)
   */
  void run(ChatEvent.TextMessage message, Command command, boolean deleted) {
    switch (command) {
      case PlaceOrderList place -> previews.preview(message, place);
      case PlaceLadder ladder -> previews.preview(message, ladder);
      case Command.CancelOrderList cancel -> account.cancel(message, cancel.orderListId());
      case Command.CancelAll all -> account.cancelAll(message);
      case Command.ListOrders orders -> account.orders(message, orders.symbol());
      case Command.ShowStatus status -> account.status(message, status.orderListId());
      case Command.ShowPrice price -> account.price(message, price.symbol());
      case Command.ShowBalance balance -> account.balance(message, balance.asset());
      case Command.StartKeySetup start -> keyChange(message, () -> keys.startSetup(message, deleted), () -> {});
      case Command.SetKey set ->
          keyChange(message, () -> keys.setKey(message, set, deleted), () -> set.secret().ifPresent(Secret::destroy));
      case Command.GenerateKey generate -> keyChange(message, () -> keys.generate(message), () -> {});
      case Command.DeleteKey delete -> keyChange(message, () -> keys.delete(message), () -> {});
      case Command.ListKeys list -> keys.list(message);
      case Command.SetAlerts set -> alerts.set(message, set.mode());
      case Command.ListAlerts list -> alerts.list(message);
      case Command.Help help ->
          out.send(message.chat(), help.topic().flatMap(CommandSpec::byWord).map(Replies::help).orElseGet(Replies::help));
      case Command.Start start -> out.send(message.chat(), Replies.welcome(config.environment()));
      case Command.SetPaperPrice paperPrice -> account.paperPrice(message, paperPrice.symbol(), paperPrice.price());
      case Command.MoveStop move -> trades.moveStop(message, move);
      case Command.ReduceSize reduce -> trades.reduce(message, reduce);
      case Command.CloseAtMarket close -> trades.close(message, close);
      case Command.Panic panic -> trades.panic(message, panic);
      case Command.PanicAll all -> trades.panicAll(message);
      case Command.ShowAudit show -> audit.show(message, show);
      case Command.ShowLimits show -> limits.run(message, show);
      case Command.SetLimit set -> limits.run(message, set);
      case Command.SetWatchList watch -> limits.run(message, watch);
      case Command.ResetLimits reset -> limits.run(message, reset);
      case Command.ResumeTrading resume -> limits.run(message, resume);
      case Command.TwoFactor twoFactorCommand -> twoFactor.run(message, twoFactorCommand);
      case Command.ShowChart chart -> charts.chart(message, chart);
      case Command.ShowSettings show -> charts.settings(message);
      case Command.SetCharts set -> charts.setCharts(message, set.on());
    }
  }

  /**
   * A key change runs once the user's step-up code is right, where the operator requires one; the
   * key commands refuse groups and paper themselves, so only a private chat is asked for a code.
   */
  private void keyChange(ChatEvent.TextMessage message, Runnable change, Runnable drop) {
    StepUpGate.Decision decision =
        message.kind().isPrivate() ? gate.forKeyChange(message.user()) : new StepUpGate.Decision.NotNeeded();
    stepUps.guard(message, decision, StepUpReplies.keyChange(), change, drop);
  }
}
