/**
 * Value types of the trading domain: symbols, sides, exact prices and quantities, assets and
 * secrets. No I/O, no framework: this package depends on {@code java..} only (ArchUnit enforces
 * it), and money is {@link java.math.BigDecimal}, never a floating-point type.
 */
package dev.orderlistbot.core.domain;
