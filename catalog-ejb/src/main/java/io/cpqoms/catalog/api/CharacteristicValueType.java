package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/** The type a characteristic's values must have. */
public enum CharacteristicValueType {
    STRING, INTEGER, DECIMAL, BOOLEAN;

    /** Whether the text is a value of this type. */
    public boolean accepts(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            switch (this) {
                case INTEGER -> Long.parseLong(value);
                case DECIMAL -> new BigDecimal(value);
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return false;
                    }
                }
                case STRING -> { }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
