package dev.orderlistbot.core.engine;

import java.util.Optional;

/**
 * What a close (or a panic's close of one list) tells; the retry to offer after it (a refused market
 * order); whether the list still works because its cancel did not go through; and whether the retry
 * is a first offer to close at market (nothing was sent yet: its button says what it sells or buys)
 * rather than a Retry.
 */
record CloseTold(String text, Optional<PendingAction> retry, boolean listStillWorks, boolean offersClose) {
  CloseTold(String text, Optional<PendingAction> retry) {
    this(text, retry, false, false);
  }

  static CloseTold text(String text) {
    return new CloseTold(text, Optional.empty());
  }

  static CloseTold notCancelled(String text) {
    return new CloseTold(text, Optional.empty(), true, false);
  }

  /** {@code text}, then a button that closes what is held at market, once. */
  static CloseTold offeringClose(String text, PendingAction.CloseHeld close) {
    return new CloseTold(text, Optional.of(close), false, true);
  }

  CloseTold plus(String more) {
    return new CloseTold(text + more, retry, listStillWorks, offersClose);
  }

  /** The button after the answer. */
  Optional<ActionOffers.Choice> choice() {
    return retry.map(action -> offersClose && action instanceof PendingAction.CloseHeld held
        ? new ActionOffers.Choice(TradeReplies.closeHeldButton(held), held)
        : new ActionOffers.Choice(TradeReplies.RETRY, action));
  }
}
