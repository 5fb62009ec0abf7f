package nl.trede.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClientHistory")
public record ClientHistoryView(
        @Schema(description = "Opaque id Trede issued for the client") UUID clientId,
        String municipalityCode,
        Instant createdAt,
        @Schema(description = "Intakes, advice shown, decisions and outcomes, oldest first") List<TimelineEvent> timeline) {
}
