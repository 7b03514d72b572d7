package io.cpqoms.web.health;

import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers through the application's pool. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_setting('server_version')")) {
            rs.next();
            return HealthCheckResponse.named("cpq-database").up()
                    .withData("postgresql", rs.getString(1)).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("cpq-database").down().withData("error", e.getMessage()).build();
        }
    }
}
