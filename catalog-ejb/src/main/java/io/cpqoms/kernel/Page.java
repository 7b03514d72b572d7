package io.cpqoms.kernel;

import java.util.List;

/** One page of a larger result: the items, where the page starts, its size and how many there are in all. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
