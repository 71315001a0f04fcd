/**
 * The key vault: envelope encryption of users' API secrets with JCA's AES-256-GCM, and the master
 * key that seals the per-credential data keys. Depends on {@code java..}, {@code javax.crypto},
 * slf4j, {@code core.domain} and the storage ports in {@code core.port.out}; the storage adapter
 * only ever sees sealed bytes. Every type here that holds key material redacts itself in {@code
 * toString()}, and no message or log line carries key material.
 */
package dev.orderlistbot.core.security;
