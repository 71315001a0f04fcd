package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Price;

/** A price of a leg together with what it is, for the per-price filters. */
record NamedPrice(PriceName name, Price price) {}
