package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.OrderListRequest;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link LadderCheck#check}: every list of the plan ready to send, or every reason not. */
public sealed interface LadderResult {

  /** Every list passed: {@code requests} in target order, {@code preview} for the whole plan. */
  record Accepted(List<OrderListRequest> requests, LadderPreview preview) implements LadderResult {
    public Accepted {
      requests = List.copyOf(requests);
      Objects.requireNonNull(preview, "preview");
      if (requests.size() != preview.lists().size()) {
        throw new IllegalArgumentException("one preview per request");
      }
    }
  }

  /** At least one check failed; each violation about one list names its target. */
  record Refused(List<Violation> violations) implements LadderResult {
    public Refused {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs at least one violation");
      }
    }
  }
}
