package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.order.PlacedOrderList;
import java.util.Optional;

/**
 * What became of one cancel ({@link ListCancels}).
 *
 * @param done the cancel went through
 * @param sentence what to tell the trader
 * @param answer the exchange's answer to a cancel that went through: each order as it stood
 * @param ended the list had already ended (nothing to cancel, or it ended meanwhile)
 * @param unguarded for a list that had ended: the warning that what its entry bought has no exit
 */
record CancelOutcome(boolean done, String sentence, Optional<PlacedOrderList> answer, boolean ended, Optional<String> unguarded) {
  CancelOutcome(boolean done, String sentence) {
    this(done, sentence, Optional.empty(), false, Optional.empty());
  }

  /** The whole answer: the sentence, then the warning when there is one. */
  String told() {
    return unguarded.map(warning -> sentence + " " + warning).orElse(sentence);
  }
}
