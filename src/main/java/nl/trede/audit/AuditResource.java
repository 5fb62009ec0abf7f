package nl.trede.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem;
import nl.trede.api.QueryParameters;
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
            description = "Oldest first, after the given sequence number. Entries hold ids and codes, never personal data. "
                    + "Refused attempts are entries with action REFUSED and the reason in detail; this read is itself "
                    + "recorded once for each of your municipalities. Numbers are drawn as entries are written, and concurrent "
                    + "acts commit in any order: an entry can appear after one with a higher number, so a reader that follows the "
                    + "trail as it grows re-reads from a number a little behind the last one it saw.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public AuditPage entries(@QueryParam("afterSeq") @DefaultValue("0") String afterSeqText,
                             @QueryParam("limit") @DefaultValue("100") String limitText) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        long afterSeq = QueryParameters.wholeNumber("afterSeq", afterSeqText, 0, Long.MAX_VALUE, invalid);
        int limit = (int) QueryParameters.wholeNumber("limit", limitText, 1, 500, invalid);
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        // An account that acts for no municipality sees nothing (and an empty IN list is not valid SQL).
        List<AuditEntryView> items = user.municipalities().isEmpty() ? List.of()
                : AuditEntry.<AuditEntry>find("seq > ?1 and municipalityCode in ?2 order by seq", afterSeq, user.municipalities())
                        .page(0, limit).list().stream().map(AuditEntryView::of).toList();
        audit.recordForEachMunicipalityOfCaller(AuditTrail.Action.READ, "audit-trail");
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
        audit.recordForEachMunicipalityOfCaller(AuditTrail.Action.VERIFY, "audit-trail");
        return result;
    }
}
