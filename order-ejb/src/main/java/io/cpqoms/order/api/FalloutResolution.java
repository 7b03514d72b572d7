package io.cpqoms.order.api;

import io.cpqoms.kernel.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Works a fallout case by a command, never by editing order data (seed 000, section 17). Which actions
 * a case takes is in its {@code allowedActions}; another gets 400 FALLOUT_ACTION_NOT_ALLOWED listing them.
 * <ul>
 *   <li>RETRY_ITEM sends the failed item (or its failed compensation) again, as a new attempt.</li>
 *   <li>SKIP_ITEM waives the failed item with the note as its reason; the order may complete without it.</li>
 *   <li>CORRECT_ORDER_DATA corrects named fields of the failed item's input ({@code corrections}, each
 *       one the item has) and sends the item again; before and after are audited.</li>
 *   <li>REQUEST_CUSTOMER_INFO asks the customer (the note says what); the case waits for the customer,
 *       and escalates when the answer is not in by its due time.</li>
 *   <li>CANCEL_ORDER cancels the order (with compensation), the note being the reason.</li>
 *   <li>MARK_RESOLVED closes a case whose cause was dealt with otherwise (its item is no longer failed; for a
 *       billing case, the note says how billing was settled outside the product).</li>
 *   <li>ESCALATE raises the case's severity and gives it to the escalation desk, which must take it up
 *       before the escalation's due time, or it escalates again.</li>
 *   <li>RESEND_BILLING_TRIGGER sends a billing case's trigger again, unchanged, as a new attempt, once the
 *       cause of the rejection was corrected in billing (the note says what was corrected), or when
 *       billing did not answer.</li>
 * </ul>
 * Every action but RETRY_ITEM needs a note.
 */
public record FalloutResolution(@NotNull Action action,
                                @Size(max = Limits.TEXT) String note,
                                @Size(max = Limits.CHARACTERISTICS)
                                Map<@NotBlank @Size(max = Limits.CATALOG_ID) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]*") String,
                                        @NotNull @Size(max = Limits.REFERENCE) String> corrections) {

    public enum Action { RETRY_ITEM, SKIP_ITEM, CORRECT_ORDER_DATA, REQUEST_CUSTOMER_INFO, CANCEL_ORDER, MARK_RESOLVED, ESCALATE,
        RESEND_BILLING_TRIGGER }

    public FalloutResolution {
        corrections = corrections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
    }
}
