package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Objects;

/** A group chat that receives {@code owner}'s order-list alerts, in {@code mode}. */
public record AlertSubscription(ChatRef chat, UserRef owner, AlertMode mode) {
  public AlertSubscription {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(mode, "mode");
  }
}
