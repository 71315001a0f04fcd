package dev.orderlistbot.core.security;

/**
 * The master key given to the vault does not open the vault's verification record: it is not the
 * key the stored credentials were sealed with (or no longer is, after a rotation). Nothing was
 * written. The application reports it naming {@code BOT_MASTER_KEY} / {@code BOT_MASTER_KEY_FILE}
 * and exits non-zero.
 */
public class WrongMasterKeyException extends VaultException {
  private final int keyVersion;

  public WrongMasterKeyException(int keyVersion) {
    super("the master key does not open this vault (it expects master key version " + keyVersion + ")");
    this.keyVersion = keyVersion;
  }

  public int keyVersion() {
    return keyVersion;
  }
}
