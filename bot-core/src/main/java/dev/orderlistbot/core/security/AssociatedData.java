package dev.orderlistbot.core.security;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.UserRef;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The associated data that binds each sealed box to its place. Layout: a purpose label, then each
 * field as a 4-byte big-endian length followed by its UTF-8 bytes, so no two different field lists
 * encode alike ({@code "ab","c"} differs from {@code "a","bc"}).
 *
 * <ul>
 *   <li>data key: {@code orderlist-bot/data-key/v1}, owner platform, owner user id, credential id,
 *       master key version;
 *   <li>secret: {@code orderlist-bot/secret/v1}, owner platform, owner user id, credential id, key
 *       type, API key (the secret's data key never changes, so the master key version is not here:
 *       that is what lets a rotation leave secrets alone);
 *   <li>step-up data key and TOTP secret: {@code orderlist-bot/step-up-data-key/v1} (owner, master
 *       key version) and {@code orderlist-bot/step-up-secret/v1} (owner);
 *   <li>key check: {@code orderlist-bot/key-check/v1}, master key version.
 * </ul>
 */
final class AssociatedData {
  private AssociatedData() {}

  static byte[] forDataKey(UserRef owner, CredentialId id, int keyVersion) {
    return encode(
        "orderlist-bot/data-key/v1", owner.platform(), owner.userId(), id.toString(), Integer.toString(keyVersion));
  }

  static byte[] forSecret(UserRef owner, CredentialId id, KeyType type, String apiKey) {
    return encode("orderlist-bot/secret/v1", owner.platform(), owner.userId(), id.toString(), type.name(), apiKey);
  }

  /** A TOTP secret's data key: bound to its owner and the master key version. */
  static byte[] forStepUpDataKey(UserRef owner, int keyVersion) {
    return encode("orderlist-bot/step-up-data-key/v1", owner.platform(), owner.userId(), Integer.toString(keyVersion));
  }

  /** A TOTP secret: bound to its owner. */
  static byte[] forStepUpSecret(UserRef owner) {
    return encode("orderlist-bot/step-up-secret/v1", owner.platform(), owner.userId());
  }

  static byte[] forKeyCheck(int keyVersion) {
    return encode("orderlist-bot/key-check/v1", Integer.toString(keyVersion));
  }

  private static byte[] encode(String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String field : fields) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
