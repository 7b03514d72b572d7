package io.cpqoms.catalog.api;

import java.util.List;

/**
 * Where an offering can be delivered: a named set of service locations. Coverage is data in the
 * catalog version; a location either is or is not in an area.
 */
public record CoverageArea(String id, String name, List<String> locationIds) {

    public CoverageArea {
        locationIds = locationIds == null ? List.of() : List.copyOf(locationIds);
    }
}
