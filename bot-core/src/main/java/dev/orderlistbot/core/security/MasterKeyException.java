package dev.orderlistbot.core.security;

/**
 * The master key could not be had: a variable is malformed, a key file is unreadable or of the
 * wrong form, or no key is configured where one is needed. The message names the variable (or
 * option) to fix and never carries key material.
 */
public class MasterKeyException extends RuntimeException {
  private final String variable;

  public MasterKeyException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  /** The configuration variable or command-line option at fault, e.g. {@code BOT_MASTER_KEY}. */
  public String variable() {
    return variable;
  }
}
