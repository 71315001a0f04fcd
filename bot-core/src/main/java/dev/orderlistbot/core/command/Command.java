package dev.orderlistbot.core.command;

import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A command the trader typed, parsed but not yet carried out. Switch over it exhaustively: adding
 * a command breaks every switch that does not handle it.
 */
public sealed interface Command
    permits PlaceOrderList,
        PlaceLadder,
        Command.CancelOrderList,
        Command.CancelAll,
        Command.ListOrders,
        Command.ShowStatus,
        Command.ShowPrice,
        Command.ShowBalance,
        Command.StartKeySetup,
        Command.SetKey,
        Command.GenerateKey,
        Command.DeleteKey,
        Command.ListKeys,
        Command.SetAlerts,
        Command.ListAlerts,
        Command.Help,
        Command.Start,
        Command.SetPaperPrice,
        Command.MoveStop,
        Command.ReduceSize,
        Command.CloseAtMarket,
        Command.Panic,
        Command.PanicAll,
        Command.ShowAudit,
        Command.ShowLimits,
        Command.SetLimit,
        Command.SetWatchList,
        Command.ResetLimits,
        Command.ResumeTrading,
        Command.TwoFactor,
        Command.ShowChart,
        Command.ShowSettings,
        Command.SetCharts {

  /** Whether the text of this command carried a secret, so the chat message must be deleted. */
  default boolean carriesSecret() {
    return false;
  }

  /** {@code /cancel ID}: cancel one order list by its Binance order-list id. */
  record CancelOrderList(long orderListId) implements Command {
    public CancelOrderList {
      if (orderListId < 0) {
        throw new IllegalArgumentException("order list ids are not negative");
      }
    }
  }

  /** {@code /cancel all}: cancel every open list of the user (asks for confirmation first). */
  record CancelAll() implements Command {}

  /** {@code /orders [SYMBOL]}. */
  record ListOrders(Optional<Symbol> symbol) implements Command {
    public ListOrders {
      Objects.requireNonNull(symbol, "symbol");
    }
  }

  /** {@code /status ID}. */
  record ShowStatus(long orderListId) implements Command {
    public ShowStatus {
      if (orderListId < 0) {
        throw new IllegalArgumentException("order list ids are not negative");
      }
    }
  }

  /** {@code /price SYMBOL}. */
  record ShowPrice(Symbol symbol) implements Command {
    public ShowPrice {
      Objects.requireNonNull(symbol, "symbol");
    }
  }

  /** {@code /balance [ASSET]}. */
  record ShowBalance(Optional<Asset> asset) implements Command {
    public ShowBalance {
      Objects.requireNonNull(asset, "asset");
    }
  }

  /**
   * {@code /setkey} alone: start the guided key setup (API key, then secret or PEM). It holds no
   * secret itself, but every {@code /setkey} message is treated alike (deleted), so the rule stays
   * simple for adapters and traders.
   */
  record StartKeySetup() implements Command {
    @Override
    public boolean carriesSecret() {
      return true;
    }
  }

  /**
   * {@code /setkey API_KEY [SECRET]}: with a secret (an HMAC secret or a PEM private key), store a
   * key; without one, pair the API key with the key pair made by {@code /keygen}.
   */
  record SetKey(String apiKey, Optional<Secret> secret) implements Command {
    public SetKey {
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public boolean carriesSecret() {
      return true;
    }
  }

  /** {@code /keygen}: create an Ed25519 key pair inside the bot. */
  record GenerateKey() implements Command {}

  /** {@code /delkey}. */
  record DeleteKey() implements Command {}

  /** {@code /keys}. */
  record ListKeys() implements Command {}

  /** {@code /alerts on|off|redacted}. */
  record SetAlerts(AlertMode mode) implements Command {
    public SetAlerts {
      Objects.requireNonNull(mode, "mode");
    }
  }

  /** {@code /alerts} without argument. */
  record ListAlerts() implements Command {}

  /** {@code /help [COMMAND]}; the topic is a command name without the slash. */
  record Help(Optional<String> topic) implements Command {
    public Help {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /** {@code /start}. */
  record Start() implements Command {}

  /** {@code /paper price SYMBOL PRICE}: set a paper-exchange price (paper mode only). */
  record SetPaperPrice(Symbol symbol, Price price) implements Command {
    public SetPaperPrice {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(price, "price");
    }
  }

  /**
   * {@code /movestop ID PRICE} or {@code /movestop ID be}: move the list's stop to {@code stop}, or
   * to breakeven (the entry's average fill price) when it is empty. Binance cannot change a list's
   * prices in place: the list is cancelled and placed again.
   */
  record MoveStop(long orderListId, Optional<Price> stop) implements Command {
    public MoveStop {
      if (orderListId < 0) {
        throw new IllegalArgumentException("order list ids are not negative");
      }
      Objects.requireNonNull(stop, "stop");
    }

    /** Whether the stop goes to the entry's average fill price. */
    public boolean toBreakeven() {
      return stop.isEmpty();
    }
  }

  /**
   * {@code /reduce ID QTY}: lower the list's open quantity to {@code newQuantity} (base asset),
   * keeping the orders' places in the queue; never an increase.
   */
  record ReduceSize(long orderListId, BigDecimal newQuantity) implements Command {
    public ReduceSize {
      if (orderListId < 0) {
        throw new IllegalArgumentException("order list ids are not negative");
      }
      newQuantity = Decimals.positive(newQuantity, "newQuantity");
    }
  }

  /**
   * {@code /close ID}: cancel the list, then a MARKET order for the base quantity it still holds
   * (never the whole balance).
   */
  record CloseAtMarket(long orderListId) implements Command {
    public CloseAtMarket {
      if (orderListId < 0) {
        throw new IllegalArgumentException("order list ids are not negative");
      }
    }
  }

  /**
   * {@code /panic}: cancel every open order list of the user, on every symbol, after one
   * confirmation; {@code /panic close} also closes at market what those lists held.
   */
  record Panic(boolean close) implements Command {}

  /** {@code /panic all}, for admins: cancel every open order list of every user of the bot. */
  record PanicAll() implements Command {}

  /**
   * {@code /audit [USER] [N]}: an admin reads the latest {@code count} audit entries, of {@code user}
   * when given ({@code platform:id}, as in {@code BOT_ADMINS}), otherwise of everyone.
   */
  record ShowAudit(Optional<UserRef> user, int count) implements Command {
    /** How many entries {@code /audit} shows when N is not given. */
    public static final int DEFAULT_COUNT = 20;

    /** The most entries one {@code /audit} shows. */
    public static final int MAX_COUNT = 100;

    public ShowAudit {
      Objects.requireNonNull(user, "user");
      if (count < 1 || count > MAX_COUNT) {
        throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT + ", was " + count);
      }
    }
  }

  /** {@code /limits}: the limits in force (the operator's and the trader's own) and today's use. */
  record ShowLimits() implements Command {}

  /**
   * {@code /limits list 500}, {@code day 2000}, {@code open 3}, {@code loss 100}: the trader's own
   * limit of {@code kind} (USDT, or lists), or with {@code off} (empty) the operator's alone again.
   */
  record SetLimit(LimitKind kind, Optional<BigDecimal> amount) implements Command {
    public SetLimit {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /** {@code /limits watch BTCUSDT ETHUSDT}: only these pairs for me; {@code /limits watch off} (empty): every pair. */
  record SetWatchList(Set<Symbol> symbols) implements Command {
    public SetWatchList {
      symbols = Set.copyOf(symbols);
    }
  }

  /** {@code /limits reset}: forget every limit of the trader's own; the operator's stay. */
  record ResetLimits() implements Command {}

  /** {@code /resume telegram:1001}: an admin lifts the trader's daily loss halt for today. */
  record ResumeTrading(UserRef user) implements Command {
    public ResumeTrading {
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * {@code /2fa [pin|totp|off]}: the step-up code that guards live actions; alone, its status. The
   * PIN and codes are never part of the line: the bot asks for them in the next private message.
   */
  record TwoFactor(TwoFactorMode mode) implements Command {
    public TwoFactor {
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * {@code /chart SYMBOL [15m|1h|4h|1d]}: the pair's candles with the user's open lists on it; the
   * interval is 15m unless given.
   */
  record ShowChart(Symbol symbol, CandleInterval interval) implements Command {
    public ShowChart {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(interval, "interval");
    }
  }

  /** {@code /settings} alone: the user's own settings. */
  record ShowSettings() implements Command {}

  /** {@code /settings charts on|off}: whether previews and cards carry a chart. */
  record SetCharts(boolean on) implements Command {}

  /** What {@code /2fa} does. */
  enum TwoFactorMode {
    STATUS,
    PIN,
    TOTP,
    OFF
  }

  /** What {@code /alerts} subscribes a group or channel to. */
  enum AlertMode {
    ON,
    OFF,
    REDACTED
  }
}
