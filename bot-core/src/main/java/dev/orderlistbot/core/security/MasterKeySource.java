package dev.orderlistbot.core.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from, decided once from the configuration map (never from the process
 * environment directly):
 *
 * <ol>
 *   <li>{@code BOT_MASTER_KEY}: the base64 text of 32 bytes;
 *   <li>{@code BOT_MASTER_KEY_FILE}: a file holding either exactly 32 raw bytes, or the base64 text
 *       of 32 bytes (surrounding whitespace ignored), e.g. a Docker secret made with {@code head -c32
 *       /dev/urandom | base64};
 *   <li>neither: {@code ${BOT_DATA_DIR}/master.key} ({@code BOT_DATA_DIR} defaults to {@code ./data}),
 *       generated on first start as base64 text with owner-only permissions set atomically at
 *       creation. A warning recommends keeping the key outside the data volume.
 * </ol>
 *
 * Setting both variables is an error. Every error is a {@link MasterKeyException} naming the
 * variable; no message or log line carries key material. Immutable and thread-safe.
 */
public final class MasterKeySource {
  public static final String KEY_VARIABLE = "BOT_MASTER_KEY";
  public static final String KEY_FILE_VARIABLE = "BOT_MASTER_KEY_FILE";
  public static final String DATA_DIR_VARIABLE = "BOT_DATA_DIR";
  public static final String DEFAULT_DATA_DIR = "./data";
  public static final String GENERATED_FILE_NAME = "master.key";

  private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private sealed interface Origin {}

  private record Inline(MasterKey key) implements Origin {}

  private record KeyFile(Path file) implements Origin {}

  private record DataDirFile(Path file) implements Origin {}

  private final Origin origin;

  private MasterKeySource(Origin origin) {
    this.origin = origin;
  }

  /** Reads {@code BOT_MASTER_KEY}, {@code BOT_MASTER_KEY_FILE} and {@code BOT_DATA_DIR}; no I/O. */
  public static MasterKeySource fromConfig(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    String inline = nonBlank(config.get(KEY_VARIABLE));
    String file = nonBlank(config.get(KEY_FILE_VARIABLE));
    if (inline != null && file != null) {
      throw new MasterKeyException(KEY_VARIABLE, "set only one of " + KEY_VARIABLE + " and " + KEY_FILE_VARIABLE);
    }
    if (inline != null) {
      return new MasterKeySource(new Inline(decodeBase64(inline.getBytes(StandardCharsets.US_ASCII), KEY_VARIABLE)));
    }
    if (file != null) {
      return new MasterKeySource(new KeyFile(path(file, KEY_FILE_VARIABLE)));
    }
    String dataDir = Objects.requireNonNullElse(nonBlank(config.get(DATA_DIR_VARIABLE)), DEFAULT_DATA_DIR);
    return new MasterKeySource(new DataDirFile(path(dataDir, DATA_DIR_VARIABLE).resolve(GENERATED_FILE_NAME)));
  }

  /**
   * The master key. With neither variable set, reads {@code ${BOT_DATA_DIR}/master.key}, or generates
   * it when it does not exist and {@code mayGenerate} (pass false when the database already holds a
   * vault: a new key could not open it).
   */
  public MasterKey load(SecureRandom random, boolean mayGenerate) {
    return switch (origin) {
      case Inline inline -> inline.key().copy();
      case KeyFile keyFile -> readKeyFile(keyFile.file(), KEY_FILE_VARIABLE);
      case DataDirFile generated -> loadOrGenerate(generated.file(), random, mayGenerate);
    };
  }

  /** The variable to fix when this key turns out wrong, e.g. {@code BOT_MASTER_KEY_FILE}. */
  public String variable() {
    return switch (origin) {
      case Inline inline -> KEY_VARIABLE;
      case KeyFile keyFile -> KEY_FILE_VARIABLE;
      case DataDirFile generated -> KEY_VARIABLE + " / " + KEY_FILE_VARIABLE;
    };
  }

  /** The key file in the data directory, when neither variable is set. */
  public Optional<Path> dataDirKeyFile() {
    return origin instanceof DataDirFile generated ? Optional.of(generated.file()) : Optional.empty();
  }

  /** Where the key comes from, for messages: never the key itself. */
  public String describe() {
    return switch (origin) {
      case Inline inline -> KEY_VARIABLE;
      case KeyFile keyFile -> KEY_FILE_VARIABLE + " (" + keyFile.file() + ")";
      case DataDirFile generated ->
          "the generated key file " + generated.file() + " (neither " + KEY_VARIABLE + " nor " + KEY_FILE_VARIABLE + " is set)";
    };
  }

  /**
   * Reads a key file: exactly 32 raw bytes, or the base64 text of 32 bytes. {@code name} is the
   * variable or option that named the file, for the error message.
   */
  public static MasterKey readKeyFile(Path file, String name) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MasterKeyException(name, "cannot read the key file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    byte[] text = content.length == MasterKey.LENGTH ? new byte[0] : trim(content);
    try {
      if (content.length == MasterKey.LENGTH) {
        return MasterKey.of(content);
      }
      return decodeBase64(text, name + " (" + file + ")");
    } finally {
      Arrays.fill(content, (byte) 0);
      Arrays.fill(text, (byte) 0);
    }
  }

  private MasterKey loadOrGenerate(Path file, SecureRandom random, boolean mayGenerate) {
    if (Files.exists(file)) {
      warnAboutKeyInDataDir(file, false);
      return readKeyFile(file, DATA_DIR_VARIABLE);
    }
    if (!mayGenerate) {
      throw new MasterKeyException(
          variable(),
          "no master key is configured and " + file + " does not exist, but the database already holds "
              + "sealed credentials: set " + KEY_VARIABLE + " or " + KEY_FILE_VARIABLE + " to the key they were sealed with");
    }
    MasterKey key = MasterKey.generate(random);
    try {
      write(file, key);
    } catch (FileAlreadyExistsException raced) {
      key.destroy();
      return readKeyFile(file, DATA_DIR_VARIABLE);
    } catch (IOException e) {
      key.destroy();
      throw new MasterKeyException(
          DATA_DIR_VARIABLE, "cannot create the master key file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    warnAboutKeyInDataDir(file, true);
    return key;
  }

  private static void write(Path file, MasterKey key) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    byte[] line = key.base64Line();
    try (FileChannel channel =
        FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } finally {
      Arrays.fill(line, (byte) 0);
    }
    if (!posix) {
      LOG.warn("Cannot set owner-only permissions on {}: this file system has no POSIX permissions", file);
    }
  }

  private static void warnAboutKeyInDataDir(Path file, boolean generated) {
    LOG.warn(
        "{} the master key file {} inside the data directory. Anyone who can read the data volume can open "
            + "the stored API keys: move the key outside it (e.g. a Docker secret) and set {} to its path.",
        generated ? "Generated" : "Using",
        file,
        KEY_FILE_VARIABLE);
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
          && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
        LOG.warn("The master key file {} is readable by others than its owner: chmod 600 it", file);
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the permissions of {} ({})", file, e.getClass().getSimpleName());
    }
  }

  private static MasterKey decodeBase64(byte[] text, String name) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      // the decoder's own message quotes the offending character: never pass it on
      throw new MasterKeyException(name, "is not valid base64; expected the base64 text of 32 random bytes");
    }
    try {
      if (raw.length != MasterKey.LENGTH) {
        throw new MasterKeyException(
            name, "decodes to " + raw.length + " bytes; a master key is the base64 text of exactly 32 bytes");
      }
      return MasterKey.of(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static byte[] trim(byte[] content) {
    int start = 0;
    int end = content.length;
    while (start < end && Character.isWhitespace(content[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(content[end - 1])) {
      end--;
    }
    return Arrays.copyOfRange(content, start, end);
  }

  private static Path path(String text, String name) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new MasterKeyException(name, "is not a valid path");
    }
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "MasterKeySource[" + describe() + "]";
  }
}
