package nl.trede.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/audit-trail")
@Tag(name = "audit", description = "The tamper-evident record of every look and every decision")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditVerifier verifier;
    private final AuditTrail audit;
    private final CurrentUser user;

    public AuditResource(AuditVerifier verifier, AuditTrail audit, CurrentUser user) {
        this.verifier = verifier;
        this.audit = audit;
        this.user = user;
    }

    public record AuditPage(List<AuditEntryView> items) {
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Transactional
    @Operation(summary = "Audit entries of your municipalities",
            description = "Oldest first, after the given sequence number. Entries hold ids and codes, never personal data.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public AuditPage entries(@QueryParam("afterSeq") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") long afterSeq,
                             @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be between 1 and 500")
                             @Max(value = 500, message = "must be between 1 and 500") int limit) {
        List<AuditEntryView> items = AuditEntry.<AuditEntry>find("seq > ?1 and municipalityCode in ?2 order by seq",
                        afterSeq, user.municipalities())
                .page(0, limit).list().stream().map(AuditEntryView::of).toList();
        audit.record(AuditTrail.Action.READ, "audit-trail", null, null, null);
        return new AuditPage(items);
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.AUDITOR)
    @Transactional
    @Operation(summary = "Verify the audit chain",
            description = "Recomputes every entry's hash from its content and its predecessor and reports the first entry that does not hold.")
    @APIResponse(responseCode = "200", description = "The verification result")
    public ChainVerification verify() {
        ChainVerification result = verifier.verify();
        audit.record(AuditTrail.Action.VERIFY, "audit-trail", null, null, null);
        return result;
    }
}
