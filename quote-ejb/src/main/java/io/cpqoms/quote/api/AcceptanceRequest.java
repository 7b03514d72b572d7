package io.cpqoms.quote.api;

/**
 * The customer's acceptance of one revision of a priced quote: who at the customer accepted it and,
 * optionally, the reference of the signed document or recorded consent.
 */
public record AcceptanceRequest(Integer revision, String customerContact, String evidenceReference) {
}
