package dev.orderlistbot.core.security;

/** What a master key rotation did: the versions it went from and to, and how many keys it re-sealed. */
public record RotationResult(int fromVersion, int toVersion, int resealedDataKeys) {}
