package io.cpqoms.kernel;

import java.sql.SQLException;
import org.postgresql.util.PGobject;

/**
 * JSON text to and from a PostgreSQL {@code jsonb} column for JPA converters. The converters' database
 * type is {@code Object}: the driver hands back a {@link PGobject} for jsonb, and one typed jsonb is
 * written without a cast in SQL.
 */
public final class JsonbColumn {

    private JsonbColumn() {
    }

    public static Object of(String json) {
        if (json == null) {
            return null;
        }
        PGobject value = new PGobject();
        value.setType("jsonb");
        try {
            value.setValue(json);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }

    public static String text(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof PGobject pg ? pg.getValue() : column.toString();
    }
}
