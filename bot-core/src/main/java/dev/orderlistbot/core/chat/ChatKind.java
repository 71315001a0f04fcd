package dev.orderlistbot.core.chat;

/** Where a message was written: a private chat with the bot, a group, or a broadcast channel. */
public enum ChatKind {
  PRIVATE,
  GROUP,
  CHANNEL;

  public boolean isPrivate() {
    return this == PRIVATE;
  }
}
