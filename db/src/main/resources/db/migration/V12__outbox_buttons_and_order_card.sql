-- Issue 15, the order card. A notice may carry buttons (an order card's actions): rows of buttons,
-- one row a line, buttons in a row separated by a tab, each "<token> <label>" (tokens never hold a
-- space; labels hold no line break or tab). Empty for a message without buttons.
--
-- order_card: per order list the bot placed (keyed like placed_order_list), what its card needs
-- and nothing else: the placed request (PendingActionCodec's text form), per leg its status, filled
-- quantity and cumulative quote (one line per leg: "<clientOrderId> <status> <filled> <quote>"),
-- the last price the bot heard with when, the environment it was placed on, the quote asset, the chat and message that show the
-- card, and a revision raised by every write (writes are conditional on the revision read).
-- Prices and quantities are plain decimal text, read back into BigDecimal exactly.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE notification_outbox ADD COLUMN buttons VARCHAR(4000);
-- The order list whose card a notice shows (its list_client_order_id), if it does: a card that goes
-- out as a new message is recorded as the card's message. Empty for every other notice.
ALTER TABLE notification_outbox ADD COLUMN card_of VARCHAR(64);

CREATE TABLE order_card (
  list_client_order_id  VARCHAR(64)   NOT NULL,
  environment           VARCHAR(16)   NOT NULL,
  chat_platform         VARCHAR(32)   NOT NULL,
  chat_id               VARCHAR(128)  NOT NULL,
  message_id            VARCHAR(128),
  request_text          VARCHAR(2000) NOT NULL,
  quote_asset           VARCHAR(20),
  legs_text             VARCHAR(2000) NOT NULL,
  last_price            VARCHAR(64),
  last_price_at         TIMESTAMP WITH TIME ZONE,
  revision              BIGINT        NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_order_card PRIMARY KEY (list_client_order_id)
);
