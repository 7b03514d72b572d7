package io.cpqoms.catalog.api;

import java.util.UUID;

/**
 * Which offerings of a catalog version to list. A null version means the latest published one; null
 * filters match everything.
 */
public record OfferingQuery(UUID catalogVersionId,
                            String channel,
                            String customerSegment,
                            OfferingLifecycle lifecycleStatus,
                            int offset,
                            int limit) {
}
