/** Inbound ports: what adapters call in core (chat events in, exchange order updates in). */
package dev.orderlistbot.core.port.in;
