package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Pending confirmations and their atomic one-shot claim.
 *
 * <p>Contract: {@link #claim} and {@link #cancel} are each one conditional update ({@code ... WHERE
 * state = 'PENDING' AND requester matches AND expires_at > now}), so among any number of concurrent
 * attempts, on any number of threads or processes, at most one gets {@link ClaimResult.Claimed}.
 * "Now" is the store's injected clock. A PENDING confirmation found past its expiry is turned
 * EXPIRED on the way.
 *
 * <p>Thread-safety: implementations are thread-safe. Failure modes: {@link StorageException}, also
 * when {@link #create} reuses an id or a token.
 */
public interface PendingConfirmationStore {
  void create(PendingConfirmation confirmation);

  Optional<PendingConfirmation> findByToken(String token);

  /** The confirmation with this id, in whatever state. */
  Optional<PendingConfirmation> findById(UUID id);

  /**
   * Records the platform's id of the message that shows the confirmation's buttons, which the chat
   * showed at {@code shownAt}. A confirmation still PENDING whose time to live had not run out by
   * then gets its whole time to live again from {@code shownAt} (never less than it had): a preview
   * the platform's pace held back in a burst keeps the time to answer its text states, and the
   * whole wait from the check to the press stays under twice the time to live. Returns false when
   * the token is unknown.
   */
  boolean attachMessageRef(String token, String messageRef, Instant shownAt);

  /** PENDING to CLAIMED, once, by the requester, before expiry. */
  ClaimResult claim(String token, UserRef requester);

  /** PENDING to CANCELLED, with the same rules as {@link #claim}. */
  ClaimResult cancel(String token, UserRef requester);

  /** Turns every PENDING confirmation past its expiry EXPIRED; returns how many. */
  int expireOverdue();

  /**
   * Deletes the confirmations that expired before {@code cutoff} and are over: withdrawn
   * (CANCELLED), EXPIRED, or never claimed (PENDING, which can no longer be claimed); returns how
   * many. A CLAIMED confirmation is never deleted here: its action may not be settled yet (a crash
   * between the claim and the placement), and what settles it needs the row.
   */
  int purgeExpiredBefore(Instant cutoff);
}
