package io.cpqoms.kernel;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Passes UUIDs to and from PostgreSQL {@code uuid} columns as the driver's own type. EclipseLink 4's
 * built-in UUID conversion fails on NULL, which optional references (a draft's source version) need.
 * Ids are not converted (JPA never applies converters to them) and never NULL.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID uuid) {
        return uuid;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        if (column == null || column instanceof UUID) {
            return (UUID) column;
        }
        return UUID.fromString(column.toString());
    }
}
