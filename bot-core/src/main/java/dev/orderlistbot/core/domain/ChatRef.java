package dev.orderlistbot.core.domain;

/**
 * A chat (a private chat, a group or a channel) on one platform, e.g. {@code ChatRef("discord",
 * "1187000000000000000")}. Same rules as {@link UserRef}: lower-case platform id, platform's own id.
 */
public record ChatRef(String platform, String chatId) {
  public ChatRef {
    platform = UserRef.checkPlatform(platform);
    chatId = UserRef.checkId(chatId, "chat id");
  }

  @Override
  public String toString() {
    return platform + ":" + chatId;
  }
}
