package io.cpqoms.catalog.api;

/**
 * Why an offering may not be offered: a stable code to switch on and an explanation for a person.
 * The codes are the constants below.
 */
public record EligibilityReason(String code, String message) {

    /** The catalog version has no such offering. */
    public static final String OFFERING_NOT_FOUND = "OFFERING_NOT_FOUND";
    /** Not ACTIVE, or outside its validity window at the requested instant. */
    public static final String OFFERING_NOT_SELLABLE = "OFFERING_NOT_SELLABLE";
    /** Not sold through the channel. */
    public static final String CHANNEL_NOT_ELIGIBLE = "CHANNEL_NOT_ELIGIBLE";
    /** Not offered to the customer's segment. */
    public static final String SEGMENT_NOT_ELIGIBLE = "SEGMENT_NOT_ELIGIBLE";
    /** No segment was given and the account standing projection knows none. */
    public static final String SEGMENT_UNKNOWN = "SEGMENT_UNKNOWN";
    /** None of the offering's coverage areas contains the location (or no location was given). */
    public static final String LOCATION_NOT_COVERED = "LOCATION_NOT_COVERED";
    /** A promotional offering and an account with outstanding debt. */
    public static final String OUTSTANDING_DEBT = "OUTSTANDING_DEBT";
    /** A promotional offering and an account whose standing the projection does not know. */
    public static final String ACCOUNT_STANDING_UNKNOWN = "ACCOUNT_STANDING_UNKNOWN";
}
