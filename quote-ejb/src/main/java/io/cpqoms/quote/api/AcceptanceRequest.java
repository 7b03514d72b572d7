package io.cpqoms.quote.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
/**
 * The customer's acceptance of one revision of a priced quote: who at the customer accepted it and,
 * optionally, the reference of the signed document or recorded consent.
 */
public record AcceptanceRequest(@NotNull @Positive Integer revision,
                                @NotBlank @Size(max = 200) String customerContact,
                                @Size(max = 500) String evidenceReference) {
}
