package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.OrderListRequest;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link PreTradeCheck#check}: a request ready to preview and send, or every reason
 * it cannot be placed. Switch over it exhaustively.
 */
public sealed interface CheckResult {

  /** Every check passed: {@code request} is what to send, {@code preview} what to show first. */
  record Accepted(OrderListRequest request, Preview preview) implements CheckResult {
    public Accepted {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(preview, "preview");
    }
  }

  /** At least one check failed; {@code violations} lists all that were found, in a stable order. */
  record Refused(List<Violation> violations) implements CheckResult {
    public Refused {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs at least one violation");
      }
    }
  }
}
