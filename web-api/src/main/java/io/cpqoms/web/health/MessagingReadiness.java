package io.cpqoms.web.health;

import io.cpqoms.fulfillment.api.MessagingStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the JMS broker and the product's queues can be used. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    @EJB
    MessagingStatus messaging;

    @Override
    public HealthCheckResponse call() {
        MessagingStatus.Report report = messaging.check();
        return HealthCheckResponse.named("cpq-jms-broker").status(report.up())
                .withData("broker", report.broker()).withData("detail", report.detail()).build();
    }
}
