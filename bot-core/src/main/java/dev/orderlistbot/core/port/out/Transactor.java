package dev.orderlistbot.core.port.out;

import java.util.function.Function;

/**
 * Runs several store operations as one all-or-nothing unit, for example "mark the confirmation
 * claimed, record the placed order list and enqueue the notice" or "re-seal every data key".
 *
 * <pre>{@code
 * boolean fresh = transactor.inTransaction(stores -> {
 *   stores.orderLists().updateState(clientId, OrderListState.ALL_DONE);
 *   return stores.outbox().enqueue(notice);
 * });
 * }</pre>
 *
 * <p>Contract: {@code work} receives a {@link Stores} bound to one open transaction. When {@code
 * work} returns, the transaction commits and its result is returned; when it throws, the
 * transaction rolls back and the same exception is rethrown (a failed commit is a {@link
 * StorageException}). The {@code Stores} must not escape {@code work}: using it afterwards throws
 * {@link IllegalStateException}. Isolation is the database's default (READ COMMITTED on H2 and
 * PostgreSQL); the one-shot claims are single conditional updates, so they need nothing stronger.
 *
 * <p>Thread-safety: the transactor is thread-safe; the {@code Stores} handed to {@code work} is not
 * and belongs to the calling thread. Transactions do not nest: calling {@code inTransaction} from
 * inside {@code work} opens a second, independent transaction (and may deadlock on the rows the first
 * one holds), so don't.
 */
@FunctionalInterface
public interface Transactor {
  <T> T inTransaction(Function<Stores, T> work);
}
