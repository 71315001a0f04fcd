package dev.orderlistbot.core.port.out;

import java.util.Optional;

/**
 * The order cards, one per order list the bot placed, keyed by its {@code listClientOrderId}.
 * Written in the same transaction as the change each write reflects (the placement's result, an
 * order event), so the card and the list never disagree after a crash.
 *
 * <p>Contract: {@link #create} inserts if absent (true when stored, false when the list has a card);
 * {@link #update} writes every field of a card whose stored revision is {@code card.revision() - 1}
 * (a compare-and-set: false, and nothing written, when another write came first or the card is
 * unknown; read again and retry). Thread-safe. Failure modes: {@link StorageException}.
 */
public interface OrderCardStore {
  boolean create(OrderCard card);

  Optional<OrderCard> find(String listClientOrderId);

  boolean update(OrderCard card);

  /**
   * Forgets the cards of lists settled (done or rejected) before {@code cutoff} and not written since;
   * a card of a list still followed is kept whatever its age. Answers how many.
   */
  int purgeSettledBefore(java.time.Instant cutoff);
}
