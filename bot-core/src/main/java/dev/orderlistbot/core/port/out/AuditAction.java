package dev.orderlistbot.core.port.out;

/** What an audited user did. */
public enum AuditAction {
  ORDER_LIST_CONFIRMED,
  ORDER_LIST_CANCELLED,
  CREDENTIALS_STORED,
  CREDENTIALS_REVOKED
}
