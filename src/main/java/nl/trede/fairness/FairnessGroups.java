package nl.trede.fairness;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.allocation.ProtectedAttribute;

/** The recorded groups for an allocation's fairness limits: only the constraints see them, never a model. */
@ApplicationScoped
public class FairnessGroups implements ProtectedAttribute.Groups {

    /** Ids per query, well below every database's limit on bound parameters. */
    private static final int CHUNK = 1000;

    @Override
    public Map<UUID, String> of(ProtectedAttribute attribute, Collection<UUID> clientIds) {
        List<UUID> ids = new ArrayList<>(clientIds);
        Map<UUID, String> groups = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (FairnessAttributes a : FairnessAttributes.<FairnessAttributes>list("clientId in ?1",
                    ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                Enum<?> value = attribute == ProtectedAttribute.GENDER ? a.gender : a.migrationBackground;
                if (value != null) {
                    groups.put(a.clientId, value.name());
                }
            }
        }
        return groups;
    }
}
