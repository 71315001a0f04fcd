package dev.orderlistbot.core.security;

/**
 * The vault could not open something it stores: a sealed row was altered, moved to another owner or
 * credential id, or sealed under another master key. The message names the row, never its content.
 */
public class VaultException extends RuntimeException {
  public VaultException(String message) {
    super(message);
  }
}
