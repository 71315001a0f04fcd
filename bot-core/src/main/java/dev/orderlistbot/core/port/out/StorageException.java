package dev.orderlistbot.core.port.out;

/**
 * A storage port could not do its work: the database is unreachable, a statement failed, or a
 * constraint the caller should have respected was violated. Unchecked, so ports stay free of JDBC
 * types; the message names the operation, never a stored value.
 */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
