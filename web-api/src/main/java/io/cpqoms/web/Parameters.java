package io.cpqoms.web;

import io.cpqoms.kernel.JsonBody;
import io.cpqoms.kernel.DomainException;
import java.util.Locale;
import java.util.UUID;

/** Query and path parameters parsed with 400 answers, since JAX-RS would answer 404 for a bad one. */
public final class Parameters {

    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";

    private Parameters() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidInput(INVALID_PARAMETER, name + " must be a UUID, not '" + JsonBody.excerpt(value) + "'.");
        }
    }

    public static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput(INVALID_PARAMETER, name + " must be an integer, not '" + JsonBody.excerpt(value) + "'.");
        }
    }

    public static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidInput(INVALID_PARAMETER, name + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + JsonBody.excerpt(value) + "'.");
        }
    }

    public static java.time.Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.time.Instant instant = java.time.Instant.parse(value);
            int year = instant.atOffset(java.time.ZoneOffset.UTC).getYear();
            if (year < 1 || year > 9999) {
                throw DomainException.invalidInput(INVALID_PARAMETER, name + " must lie between the years 1 and 9999.");
            }
            return instant;
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalidInput(INVALID_PARAMETER, name + " must be an ISO-8601 instant such as"
                    + " 2026-11-21T00:00:00Z, not '" + JsonBody.excerpt(value) + "'.");
        }
    }

    /** An ISO-8601 day ({@code 2026-11-21}) of the years 1 to 9999, or null when absent. */
    public static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw DomainException.invalidInput(INVALID_PARAMETER, name + " must lie between the years 1 and 9999.");
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalidInput(INVALID_PARAMETER, name + " must be an ISO-8601 date such as 2026-11-21, not '"
                    + JsonBody.excerpt(value) + "'.");
        }
    }

    /** A text of at most {@code maxLength} characters, or null when absent or blank. */
    public static String text(String name, String value, int maxLength) {
        String text = text(value);
        if (text != null && text.length() > maxLength) {
            throw DomainException.invalidInput(INVALID_PARAMETER, name + " has more than " + maxLength + " characters.");
        }
        return text;
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
