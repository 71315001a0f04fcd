package dev.orderlistbot.core.port.out;

/** What an audited user did. */
public enum AuditAction {
  ORDER_LIST_CONFIRMED,
  ORDER_LIST_CANCELLED,
  CREDENTIALS_STORED,
  CREDENTIALS_REVOKED,
  /** A trade action on a placed list was confirmed: a stop's move, a close at market, a reduction. */
  TRADE_ACTION_CONFIRMED
}
