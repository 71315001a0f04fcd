package dev.orderlistbot.core.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of one stored set of API credentials: a random UUID, shown to its owner to revoke it. */
public record CredentialId(UUID value) {
  public CredentialId {
    Objects.requireNonNull(value, "credential id");
  }

  /** Parses the canonical text form, e.g. {@code 3f0c2a1e-…}. */
  public static CredentialId parse(String text) {
    return new CredentialId(UUID.fromString(Objects.requireNonNull(text, "credential id")));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
