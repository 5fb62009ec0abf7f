package nl.trede.models;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports the model set the service answers with now. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ActiveModels models;

    public ModelReadinessCheck(ActiveModels models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        ModelSet serving = models.current();
        return HealthCheckResponse.named("models")
                .up()
                .withData("distanceModel", serving.distance().version())
                .withData("effectModel", serving.effects().version())
                .withData("catalogue", serving.catalogue().version())
                .withData("interventions", serving.catalogue().interventions().size())
                .build();
    }
}
