package dev.orderlistbot.core.port.out;

import java.util.Objects;

/**
 * The outcome of one attempt to confirm or cancel a {@link PendingConfirmation}. Exactly one attempt
 * per confirmation ever gets {@link Claimed}; switch over the result exhaustively.
 *
 * <pre>{@code
 * switch (store.claim(token, user)) {
 *   case ClaimResult.Claimed c -> place(c.confirmation());
 *   case ClaimResult.AlreadyHandled a -> reply("already " + a.state());
 *   case ClaimResult.Expired e -> reply("expired");
 *   case ClaimResult.NotRequester n -> reply("not yours");
 *   case ClaimResult.NotFound f -> reply("unknown button");
 * }
 * }</pre>
 */
public sealed interface ClaimResult {
  /** This attempt won: the confirmation is now CLAIMED (or CANCELLED, for a cancel). */
  record Claimed(PendingConfirmation confirmation) implements ClaimResult {
    public Claimed {
      Objects.requireNonNull(confirmation, "confirmation");
    }
  }

  /** Someone (maybe this user, a moment earlier) already confirmed or cancelled it. */
  record AlreadyHandled(ConfirmationState state) implements ClaimResult {
    public AlreadyHandled {
      Objects.requireNonNull(state, "state");
    }
  }

  /** It expired before this attempt; it is now EXPIRED. */
  record Expired() implements ClaimResult {}

  /** It belongs to another user; nothing changed. */
  record NotRequester() implements ClaimResult {}

  /** No confirmation has this token. */
  record NotFound() implements ClaimResult {}
}
