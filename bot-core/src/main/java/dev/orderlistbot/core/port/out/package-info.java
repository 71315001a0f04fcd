/**
 * Outbound ports: what core needs from the outside world (exchange, storage, chat platforms),
 * named by role and implemented by adapters named {@code <Tech><Port>}. Ports speak in {@code
 * core.domain} types only.
 *
 * <p>Storage: {@link dev.orderlistbot.core.port.out.ChatUserStore}, {@link
 * dev.orderlistbot.core.port.out.SealedCredentialStore} and {@link
 * dev.orderlistbot.core.port.out.KeyCheckStore} (sealed bytes only; the key vault in {@code
 * core.security} seals and opens), {@link dev.orderlistbot.core.port.out.PendingConfirmationStore}
 * (atomic one-shot claim), {@link dev.orderlistbot.core.port.out.TrackedOrderListStore}, {@link
 * dev.orderlistbot.core.port.out.NotificationOutbox}, {@link
 * dev.orderlistbot.core.port.out.AlertSubscriptionStore}, {@link
 * dev.orderlistbot.core.port.out.ProcessedEventStore} and {@link
 * dev.orderlistbot.core.port.out.AuditLog}; {@link dev.orderlistbot.core.port.out.Transactor} runs
 * several of them in one transaction. Every storage failure is a {@link
 * dev.orderlistbot.core.port.out.StorageException}.
 *
 * <p>Operations: {@link dev.orderlistbot.core.port.out.EngineTelemetry} is what the engine reports
 * for the operator's metrics (placements, confirmation latency, notification retries); the app
 * implements it over its metrics library, so core depends on none.
 */
package dev.orderlistbot.core.port.out;
