package nl.trede.core.recommend;

import nl.trede.core.catalogue.Intervention;
import nl.trede.core.wording.Rationale;

/** An intervention the client is not eligible for, and why. */
public record Exclusion(Intervention intervention, Rationale reason) {
}
