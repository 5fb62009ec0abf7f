package nl.trede.models;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports which models the service answers with. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ActiveModels models;

    public ModelReadinessCheck(ActiveModels models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("models")
                .up()
                .withData("distanceModel", models.distance().version())
                .withData("effectModel", models.effects().version())
                .withData("interventions", models.catalogue().interventions().size())
                .build();
    }
}
