package io.cpqoms.order.api;

/**
 * The fallout worklist: cases of one work group (null: the caller's work groups; all groups for a
 * supervisor), in one status (null: every open status), oldest first, keyset-paged.
 */
public record FalloutCaseQuery(String ownerGroup, FalloutCaseStatus status, int limit, String after) {
}
