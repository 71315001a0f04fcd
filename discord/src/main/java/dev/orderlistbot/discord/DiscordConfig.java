package dev.orderlistbot.discord;

import dev.orderlistbot.core.domain.Secret;
import java.util.Objects;

/**
 * What the Discord adapter needs, read by the app from {@code DISCORD_BOT_TOKEN} (its presence turns
 * the adapter on).
 *
 * @param token the bot token from the Discord developer portal; it is handed to JDA only and never
 *     appears in a log line, an exception message or {@link #toString()}
 */
public record DiscordConfig(Secret token) {

  public DiscordConfig {
    Objects.requireNonNull(token, "token");
    // never put the token itself in these messages
    String value = token.reveal();
    if (value.isBlank()) {
      throw new IllegalArgumentException("the Discord bot token is empty");
    }
    if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("the Discord bot token has a space or control character in it");
    }
  }

  @Override
  public String toString() {
    return "DiscordConfig[token=***]";
  }
}
