package io.cpqoms.quote.application;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.quote.api.QuoteQueries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A keyset position, opaque to clients: the sort key and id of the last row of a page, the kind of
 * list it belongs to and a fingerprint of the filters it was made with. A cursor of another list, of
 * the same list with other filters, or one that was changed is refused (400 {@code INVALID_PAGE}),
 * so a client never silently gets a page of something else.
 */
record KeysetCursor(String kind, String key, UUID id, String fingerprint) {

    private static final String VERSION = "1";

    KeysetCursor {
        if (kind.contains("|") || key.contains("|") || fingerprint.contains("|")) {
            throw new IllegalArgumentException("a cursor part holds the separator");
        }
    }

    /** Checks a page size: 1 to {@link QuoteQueries#MAX_PAGE_SIZE}. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > QuoteQueries.MAX_PAGE_SIZE) {
            throw DomainException.invalidInput(QuoteQueries.INVALID_PAGE, "limit must be between 1 and "
                    + QuoteQueries.MAX_PAGE_SIZE + ", not " + limit + ".");
        }
    }

    /** The text a client passes back as {@code after}. */
    String encoded() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", VERSION, kind, key, id.toString(),
                fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position {@code encoded} names, provided it was made for a list of {@code kind} with filters
     * of {@code fingerprint}; null for no cursor.
     */
    static KeysetCursor parse(String encoded, String kind, String fingerprint) {
        if (encoded == null) {
            return null;
        }
        String[] parts;
        UUID id;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            id = parts.length == 5 ? UUID.fromString(parts[3]) : null;
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        if (id == null || !parts[0].equals(VERSION) || !parts[1].equals(kind) || parts[2].isEmpty()) {
            throw notOurs();
        }
        if (!parts[4].equals(fingerprint)) {
            throw DomainException.invalidInput(QuoteQueries.INVALID_PAGE, "The cursor belongs to the same list with other "
                    + "filters; pass the filters of the page that returned it, or start again without 'after'.");
        }
        return new KeysetCursor(parts[1], parts[2], id, parts[4]);
    }

    static DomainException notOurs() {
        return DomainException.invalidInput(QuoteQueries.INVALID_PAGE, "The cursor is not one this list returned; "
                + "pass the 'next' value of a page unchanged, or start again without 'after'.");
    }

    /** A short digest of the filters (null values count as empty), so a cursor stays with its filters. */
    static String fingerprintOf(Object... filters) {
        StringBuilder text = new StringBuilder();
        for (Object filter : filters) {
            String value = filter == null ? "" : filter.toString();
            text.append(value.length()).append(':').append(value).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
