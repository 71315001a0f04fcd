package dev.orderlistbot.core.domain;

/**
 * The kind of Binance API key, which decides how requests are signed: HMAC-SHA256 with a shared
 * secret (Binance calls these deprecated), or Ed25519 / RSA (PKCS#1 v1.5, SHA-256) with a PKCS#8
 * private key whose public half was registered at Binance.
 */
public enum KeyType {
  HMAC,
  ED25519,
  RSA
}
