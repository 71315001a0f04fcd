/**
 * The Binance Spot adapter: the only package that may import Feign or Jackson (ArchUnit enforces
 * it). It turns Binance JSON into core types and core requests into signed HTTP calls; no raw JSON,
 * signed request or secret ever leaves it.
 */
package dev.orderlistbot.exchange.binance;
