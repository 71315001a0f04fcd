/**
 * Outbound ports: what core needs from the outside world (exchange, storage, chat platforms),
 * named by role and implemented by adapters named {@code <Tech><Port>}. Ports speak in {@code
 * core.domain} types only.
 */
package dev.orderlistbot.core.port.out;
