package dev.orderlistbot.app;

import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.core.security.MasterKeySource;
import dev.orderlistbot.core.security.RotationResult;
import dev.orderlistbot.core.security.VaultException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code master-key rotate --new-key-file F}: re-seals every credential's data key under the key in
 * F, in one transaction. The current key comes from the environment as at start-up.
 */
@Command(
    name = "rotate",
    description = {
      "Re-seal every stored data key under a new master key, in one transaction. Stop the bot first.",
      "The current key comes from BOT_MASTER_KEY / BOT_MASTER_KEY_FILE (or the generated key file)."
    })
final class RotateCommand implements Callable<Integer> {
  private final Main.Context context;

  @Option(
      names = "--new-key-file",
      required = true,
      paramLabel = "FILE",
      description = "The new master key: 32 raw bytes, or their base64 text (e.g. head -c32 /dev/urandom | base64 > FILE).")
  private Path newKeyFile;

  RotateCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    AppConfig config = AppConfig.from(context.env());
    context.logging().toStream(config.logLevel(), context.err());
    MasterKey newKey = Assembly.readKeyFile(newKeyFile, "--new-key-file");
    try (Storage storage = context.assembly().openStorage(config)) {
      RotationResult result = rotate(storage, newKey);
      context.out().printf(
          "Master key rotated from version %d to %d: %d data key(s) re-sealed in one transaction"
              + " (the secrets themselves were not re-encrypted).%n",
          result.fromVersion(), result.toVersion(), result.resealedDataKeys());
      context.out().printf(
          "The old master key no longer opens the vault. Start the bot with %s=%s (or %s set to its base64 text).%n",
          MasterKeySource.KEY_FILE_VARIABLE, newKeyFile.toAbsolutePath(), MasterKeySource.KEY_VARIABLE);
      config.masterKey().dataDirKeyFile().ifPresent(
          old -> context.out().printf("%s still holds the old, now useless key: delete it.%n", old));
      return 0;
    } finally {
      newKey.destroy();
    }
  }

  private static RotationResult rotate(Storage storage, MasterKey newKey) {
    try {
      return storage.vault().rotateMasterKey(newKey);
    } catch (IllegalArgumentException e) {
      throw new AppException("--new-key-file: " + e.getMessage() + "; nothing was changed");
    } catch (VaultException e) {
      throw new AppException(e.getMessage() + "; nothing was changed");
    }
  }
}
