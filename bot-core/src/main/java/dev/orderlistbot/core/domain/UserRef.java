package dev.orderlistbot.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chat user on one platform, e.g. {@code UserRef("telegram", "123456789")}: the platform id is a
 * short lower-case name ({@code telegram}, {@code discord}, {@code console}); the user id is the
 * platform's own stable id, kept as text.
 */
public record UserRef(String platform, String userId) {
  static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  static final int MAX_ID_LENGTH = 128;

  public UserRef {
    platform = checkPlatform(platform);
    userId = checkId(userId, "user id");
  }

  static String checkPlatform(String platform) {
    Objects.requireNonNull(platform, "platform");
    if (!PLATFORM.matcher(platform).matches()) {
      throw new IllegalArgumentException("not a platform id: '" + platform + "'");
    }
    return platform;
  }

  static String checkId(String id, String what) {
    Objects.requireNonNull(id, what);
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("a " + what + " must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    return id;
  }

  @Override
  public String toString() {
    return platform + ":" + userId;
  }
}
