package dev.orderlistbot.core.port.out;

/** What a chat user may do with the bot: administer it, trade with it, or nothing at all. */
public enum UserRole {
  ADMIN,
  TRADER,
  BLOCKED
}
