package nl.trede.security;

import java.util.UUID;
import nl.trede.api.NotFound;

/**
 * Another municipality's record, answered exactly like one that does not exist; it carries the
 * owner and the id only so that the refused attempt can be put on the owner's audit record.
 */
public class NotVisible extends NotFound {

    private final String ownerMunicipalityCode;
    private final UUID id;

    NotVisible(String what, UUID id, String ownerMunicipalityCode) {
        super(what + " " + id);
        this.ownerMunicipalityCode = ownerMunicipalityCode;
        this.id = id;
    }

    public String ownerMunicipalityCode() {
        return ownerMunicipalityCode;
    }

    public UUID id() {
        return id;
    }
}
