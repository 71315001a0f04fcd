package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

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
        Command.TwoFactor {

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

  /**
   * {@code /2fa [pin|totp|off]}: the step-up code that guards live actions; alone, its status. The
   * PIN and codes are never part of the line: the bot asks for them in the next private message.
   */
  record TwoFactor(TwoFactorMode mode) implements Command {
    public TwoFactor {
      Objects.requireNonNull(mode, "mode");
    }
  }

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
