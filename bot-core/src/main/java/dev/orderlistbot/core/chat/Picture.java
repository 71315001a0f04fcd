package dev.orderlistbot.core.chat;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PNG picture shown with a message (a chart), with the file name a platform shows for it (e.g.
 * {@code chart-BTCUSDT.png}). The bytes are copied in and out, so a picture never changes.
 */
public final class Picture {
  /** The most a picture may weigh: Telegram takes photos up to 10 MB, Discord files up to 10 MB. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\.png");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final byte[] png;
  private final String fileName;

  private Picture(byte[] png, String fileName) {
    this.png = png;
    this.fileName = fileName;
  }

  /**
   * The picture of these PNG bytes.
   *
   * @throws IllegalArgumentException when the bytes are no PNG, weigh more than {@link #MAX_BYTES},
   *     or the name is not 1 to 64 letters, digits, dots, dashes or underscores ending in {@code .png}
   */
  public static Picture png(byte[] png, String fileName) {
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(fileName, "fileName");
    if (png.length < PNG_SIGNATURE.length || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
      throw new IllegalArgumentException("a picture must be a PNG");
    }
    if (png.length > MAX_BYTES) {
      throw new IllegalArgumentException("a picture weighs at most " + MAX_BYTES + " bytes");
    }
    if (!FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException("a picture's file name is 1 to 64 letters, digits, '.', '-' or '_' ending in .png");
    }
    return new Picture(png.clone(), fileName);
  }

  /** A copy of the PNG bytes. */
  public byte[] bytes() {
    return png.clone();
  }

  /** How many bytes the PNG weighs. */
  public int size() {
    return png.length;
  }

  public String fileName() {
    return fileName;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Picture that && fileName.equals(that.fileName) && Arrays.equals(png, that.png);
  }

  @Override
  public int hashCode() {
    return 31 * fileName.hashCode() + Arrays.hashCode(png);
  }

  /** The name and the size, never the bytes. */
  @Override
  public String toString() {
    return "Picture[" + fileName + ", " + png.length + " bytes]";
  }
}
