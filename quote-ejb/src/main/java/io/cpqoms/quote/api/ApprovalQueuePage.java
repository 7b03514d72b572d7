package io.cpqoms.quote.api;

import java.util.List;

/** One page of the approver's queue; {@code next} is the cursor of the following page, null on the last. */
public record ApprovalQueuePage(List<ApprovalQueueEntry> items, String next) {

    public ApprovalQueuePage {
        items = List.copyOf(items);
    }
}
