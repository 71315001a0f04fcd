package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;

/**
 * Managing a placed list from the chat: move its stop, reduce its size, close it at market.
 * ISSUE-15-ACTIONS: being written in this session; nothing lands with this placeholder.
 */
final class TradeActions {
  private final ChatOut out;

  TradeActions(ChatOut out) {
    this.out = out;
  }

  void moveStop(ChatEvent.TextMessage message, Command.MoveStop command) {
    out.send(message.chat(), "ISSUE-15-ACTIONS");
  }

  void reduce(ChatEvent.TextMessage message, Command.ReduceSize command) {
    out.send(message.chat(), "ISSUE-15-ACTIONS");
  }

  void close(ChatEvent.TextMessage message, Command.CloseAtMarket command) {
    out.send(message.chat(), "ISSUE-15-ACTIONS");
  }

  /**
   * A button of an order card, pressed by the list's owner (the caller checked): shows the
   * confirmation preview of exactly what {@code action} would send.
   */
  void cardPressed(ChatEvent.ButtonPressed press, CardAction action, long orderListId) {
    out.send(press.chat(), "ISSUE-15-ACTIONS");
  }
}
