package dev.orderlistbot.core.port.out;

import java.util.Arrays;
import java.util.Objects;

/**
 * The output of one authenticated-encryption seal: a 96-bit nonce and the ciphertext with its
 * 128-bit tag appended (AES-256-GCM). The associated data is not stored: it is rebuilt from the row
 * that holds the box, which is what binds the box to that row.
 *
 * <p>The arrays are copied in and out, so a box is immutable. {@link #toString()} shows lengths only.
 */
public final class SealedBox {
  private final byte[] nonce;
  private final byte[] ciphertext;

  public SealedBox(byte[] nonce, byte[] ciphertext) {
    this.nonce = Objects.requireNonNull(nonce, "nonce").clone();
    this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    if (this.nonce.length == 0 || this.ciphertext.length == 0) {
      throw new IllegalArgumentException("a sealed box needs a nonce and a ciphertext");
    }
  }

  public byte[] nonce() {
    return nonce.clone();
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedBox box
        && Arrays.equals(nonce, box.nonce)
        && Arrays.equals(ciphertext, box.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "SealedBox[nonce=" + nonce.length + " bytes, ciphertext=" + ciphertext.length + " bytes]";
  }
}
